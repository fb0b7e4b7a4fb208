"use client";

// The citizen's own actions on a dossier: withdraw it, rate the service, send the papers asked for.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ErrorSummary } from "@/components/forms/ErrorSummary";
import { useActionForm } from "@/components/forms/useActionForm";
import type { ActionState, FormAction } from "@/lib/forms/action-state";
import { tooBig, uploadFile } from "@/components/filing/upload";
import { filingText } from "@/lib/i18n/vi/filing";

type Action = FormAction;

export function WithdrawForm({ code, version, action }: { code: string; version: number; action: Action }) {
  const { state, formAction, pending, formKey, value } = useActionForm(action);
  return (
    <form action={formAction} className="space-y-3" key={formKey}>
      <ErrorSummary
        message={state.message}
        fieldErrors={state.fieldErrors}
        labels={{ confirm: "Xác nhận", reason: "Lý do" }}
        anchorFor={(f) => `rut-${f}`}
      />
      <input type="hidden" name="code" value={code} />
      <input type="hidden" name="version" value={version} />
      <label htmlFor="rut-reason" className="block font-medium">
        Lý do rút hồ sơ (không bắt buộc)
      </label>
      <textarea id="rut-reason" name="reason" className="input" rows={2} maxLength={1000} defaultValue={value("reason")} />
      <label htmlFor="rut-confirm" className="flex items-start gap-2">
        <input
          id="rut-confirm"
          name="confirm"
          type="checkbox"
          className="mt-1 h-5 w-5"
          aria-invalid={state.fieldErrors.confirm ? true : undefined}
        />
        <span>Tôi xác nhận rút hồ sơ này. Cơ quan sẽ dừng giải quyết.</span>
      </label>
      <button type="submit" className="btn btn-secondary" disabled={pending}>
        Rút hồ sơ
      </button>
    </form>
  );
}

export function RatingForm({ code, action }: { code: string; action: Action }) {
  const { state, formAction, pending, formKey, value } = useActionForm(action);
  if (state.ok)
    return (
      <p role="status" className="text-green-900">
        Cảm ơn ông/bà đã đánh giá.
      </p>
    );
  const labels = ["Rất không hài lòng", "Không hài lòng", "Bình thường", "Hài lòng", "Rất hài lòng"];
  return (
    <form action={formAction} className="space-y-3" key={formKey}>
      <ErrorSummary
        message={state.message}
        fieldErrors={state.fieldErrors}
        labels={{ rating: "Mức độ hài lòng", comment: "Góp ý" }}
        anchorFor={(f) => `danh-gia-${f}`}
      />
      <input type="hidden" name="code" value={code} />
      <fieldset id="danh-gia-rating">
        <legend className="font-medium">Mức độ hài lòng</legend>
        {labels.map((l, i) => (
          <label key={l} className="mr-4 inline-flex items-center gap-1">
            <input type="radio" name="rating" value={i + 1} defaultChecked={value("rating") === String(i + 1)} /> {i + 1} – {l}
          </label>
        ))}
      </fieldset>
      <label htmlFor="danh-gia-comment" className="block font-medium">
        Góp ý (không bắt buộc)
      </label>
      <textarea id="danh-gia-comment" name="comment" className="input" rows={2} maxLength={2000} defaultValue={value("comment")} />
      <button type="submit" className="btn btn-primary" disabled={pending}>
        Gửi đánh giá
      </button>
    </form>
  );
}

type Supply = (code: string, version: number, note: string, ids: string[]) => Promise<ActionState>;

export function SupplementForm({
  code,
  version,
  action,
  maxFileBytes,
}: {
  code: string;
  version: number;
  action: Supply;
  maxFileBytes: number;
}) {
  const router = useRouter();
  const [files, setFiles] = useState<{ id: string; fileName: string }[]>([]);
  const [note, setNote] = useState("");
  const [progress, setProgress] = useState<number>();
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);

  const upload = async (file: File) => {
    const refused = tooBig(file, maxFileBytes);
    setError(refused);
    if (refused) return;
    setProgress(0);
    const r = await uploadFile(`/api/ho-so/tai-lieu?ho-so=${encodeURIComponent(code)}`, file, setProgress);
    setProgress(undefined);
    if (r.ok) setFiles((f) => [...f, { id: r.file.id, fileName: r.file.fileName }]);
    else setError(r.message);
  };

  const send = async () => {
    setPending(true);
    const r = await action(
      code,
      version,
      note,
      files.map((f) => f.id),
    );
    setPending(false);
    if (r.ok) router.refresh();
    else setError(Object.values(r.fieldErrors)[0] ?? r.message);
  };

  return (
    <div className="space-y-3">
      {error && (
        <p id="bo-sung-loi" role="alert" className="font-semibold text-red-800">
          {error}
        </p>
      )}
      <label htmlFor="bo-sung-tep" className="block font-medium">
        Tải lên giấy tờ bổ sung (PDF, JPEG, PNG)
      </label>
      <input
        id="bo-sung-tep"
        type="file"
        // The browser's own file button and label are wider than a 320 px phone allows.
        className="block w-full max-w-full text-sm"
        accept=".pdf,.jpg,.jpeg,.png"
        aria-describedby={error ? "bo-sung-loi" : undefined}
        onChange={(e) => {
          const f = e.target.files?.[0];
          if (f) void upload(f);
          e.target.value = "";
        }}
      />
      {progress !== undefined && <p role="status">{filingText.file.uploading(progress)}</p>}
      {files.length > 0 && (
        <ul className="list-disc pl-5" aria-label="Giấy tờ đã tải lên">
          {files.map((f) => (
            <li key={f.id}>{f.fileName}</li>
          ))}
        </ul>
      )}
      <label htmlFor="bo-sung-ghi-chu" className="block font-medium">
        Ghi chú gửi cơ quan (không bắt buộc)
      </label>
      <textarea id="bo-sung-ghi-chu" className="input" rows={2} value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} />
      <button type="button" className="btn btn-primary" disabled={pending || files.length === 0} onClick={() => void send()}>
        Gửi giấy tờ bổ sung
      </button>
    </div>
  );
}
