"use client";

// Composing a document to other agencies: Decree 30 metadata and the recipients, kept on error. The chosen
// files live in the component's state, not in the file input (which a refused submission resets): each
// submission sends the list as it stands, so nothing chosen is lost, and the officer removes a file by its
// own button before sending.
import { useState } from "react";
import { fold } from "@/lib/catalog/fold";
import { ErrorSummary } from "@/components/forms/ErrorSummary";
import { TextField } from "@/components/forms/TextField";
import { useActionForm } from "@/components/forms/useActionForm";
import type { FormAction } from "@/lib/forms/action-state";

interface Option {
  value: string;
  label: string;
}

const LABELS = {
  typeCode: "Loại văn bản",
  subject: "Trích yếu",
  signerPosition: "Chức vụ người ký",
  signerName: "Họ tên người ký",
  dueDate: "Hạn trả lời",
  recipients: "Nơi nhận",
  attachments: "Tệp đính kèm",
  replacesKey: "Văn bản được cập nhật hoặc thay thế",
  responseForKey: "Văn bản được trả lời",
  signerCompetence: "Thẩm quyền ký",
};

export function ComposeForm({
  action,
  messageId,
  types,
  urgencies,
  secrecies,
  agencies,
  initial = {},
}: {
  action: FormAction;
  messageId: string;
  types: Option[];
  urgencies: Option[];
  secrecies: Option[];
  agencies: { group: string; options: Option[] }[];
  /** Values to start from (an update or replacement starts from the original document). */
  initial?: Record<string, string>;
}) {
  const { state, formAction, pending } = useActionForm(action);
  const [files, setFiles] = useState<File[]>([]);
  const addFiles = (picked: FileList | null) => {
    const same = (a: File, b: File) => a.name === b.name && a.size === b.size && a.lastModified === b.lastModified;
    // Copied now: the input is emptied right after, and with it the live FileList.
    const list = Array.from(picked ?? []);
    if (list.length) setFiles((fs) => [...fs, ...list.filter((f) => !fs.some((g) => same(f, g)))]);
  };
  // The files of the list, not whatever the picker holds, go with the form.
  const submit = (fd: FormData) => {
    fd.delete("attachments");
    for (const f of files) fd.append("attachments", f);
    formAction(fd);
  };
  const v = { ...initial, ...state.values };
  const e = state.fieldErrors;
  const chosen = new Set((v.recipients ?? "").split(",").filter(Boolean));
  // Narrowing the list hides options without unchecking them: what was chosen is still sent.
  const [find, setFind] = useState("");
  const needle = fold(find.trim());
  const shown = (o: Option) => !needle || fold(o.label).includes(needle);
  return (
    <form action={submit} noValidate className="space-y-4" key={JSON.stringify(v)}>
      <ErrorSummary message={state.message} fieldErrors={e} labels={LABELS} />
      {/* The same message id on a retry: the portal stores the document once. */}
      <input type="hidden" name="messageId" value={v.messageId || messageId} />
      <input type="hidden" name="businessType" value={v.businessType || "0"} />
      {v.replacesKey && <input type="hidden" name="replacesKey" value={v.replacesKey} />}
      {v.responseForKey && <input type="hidden" name="responseForKey" value={v.responseForKey} />}
      <div className="space-y-1">
        <label htmlFor="typeCode" className="block font-medium">
          Loại văn bản
        </label>
        <select
          id="typeCode"
          name="typeCode"
          className="input"
          defaultValue={v.typeCode || "CV"}
          aria-invalid={e.typeCode ? true : undefined}
        >
          {types.map((t) => (
            <option key={t.value} value={t.value}>
              {t.label}
            </option>
          ))}
        </select>
      </div>
      <TextField name="subject" label="Trích yếu" defaultValue={v.subject} error={e.subject} required maxLength={1000} />
      <div className="space-y-1">
        <label htmlFor="content" className="block font-medium">
          Nội dung
        </label>
        <textarea id="content" name="content" className="input" rows={5} defaultValue={v.content} maxLength={20000} />
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        <div className="space-y-1">
          <label htmlFor="signerCompetence" className="block font-medium">
            Thẩm quyền ký
          </label>
          <select id="signerCompetence" name="signerCompetence" className="input" defaultValue={v.signerCompetence || ""}>
            <option value="">Người đứng đầu ký trực tiếp</option>
            <option value="TM.">TM. – thay mặt tập thể</option>
            <option value="KT.">KT. – ký thay người đứng đầu</option>
            <option value="TL.">TL. – thừa lệnh</option>
            <option value="TUQ.">TUQ. – thừa ủy quyền</option>
            <option value="Q.">Q. – quyền</option>
          </select>
        </div>
        <TextField name="signerPosition" label="Chức vụ người ký" defaultValue={v.signerPosition} error={e.signerPosition} required />
        <TextField name="signerName" label="Họ tên người ký" defaultValue={v.signerName} error={e.signerName} required />
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        <div className="space-y-1">
          <label htmlFor="priority" className="block font-medium">
            Độ khẩn
          </label>
          <select id="priority" name="priority" className="input" defaultValue={v.priority || "0"}>
            {urgencies.map((t) => (
              <option key={t.value} value={t.value}>
                {t.label}
              </option>
            ))}
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor="secrecy" className="block font-medium">
            Độ mật
          </label>
          <select id="secrecy" name="secrecy" className="input" defaultValue={v.secrecy || "0"}>
            {secrecies.map((t) => (
              <option key={t.value} value={t.value}>
                {t.label}
              </option>
            ))}
          </select>
        </div>
        <TextField name="dueDate" label="Hạn trả lời" type="date" defaultValue={v.dueDate} error={e.dueDate} />
      </div>
      <div className="space-y-1">
        <label htmlFor="attachments" className="block font-medium">
          Tệp đính kèm
        </label>
        <p id="attachments-goi-y" className="text-sm text-slate-700">
          Văn bản đã ký số và phụ lục: PDF, JPEG, PNG, DOCX, XLSX, ODT, ODS; tối đa 10 tệp, mỗi tệp 10 MB, tổng 20 MB.
        </p>
        {e.attachments && (
          <p id="attachments-loi" className="text-sm font-semibold text-red-800">
            {e.attachments}
          </p>
        )}
        {files.length > 0 && (
          <ul className="space-y-1" aria-label="Tệp đã chọn" data-testid="tep-da-chon">
            {files.map((f, i) => (
              <li key={`${f.name}-${f.size}-${f.lastModified}`} className="flex flex-wrap items-center gap-2 text-sm">
                <span className="break-all">
                  {f.name} ({Math.max(1, Math.round(f.size / 1024))} KB)
                </span>
                <button
                  type="button"
                  className="btn btn-secondary px-2 py-0.5 text-sm"
                  onClick={() => setFiles((fs) => fs.filter((_, j) => j !== i))}
                >
                  Xóa<span className="sr-only"> tệp {f.name}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
        <input
          id="attachments"
          name="attachments"
          type="file"
          multiple
          accept=".pdf,.jpg,.jpeg,.png,.docx,.xlsx,.odt,.ods"
          className="input"
          aria-describedby={e.attachments ? "attachments-goi-y attachments-loi" : "attachments-goi-y"}
          aria-invalid={e.attachments ? true : undefined}
          onChange={(ev) => {
            addFiles(ev.target.files);
            // Emptied: the list above holds what was chosen, and the same file can be chosen again after removing it.
            ev.target.value = "";
          }}
        />
      </div>
      <fieldset id="recipients" className="space-y-2" aria-describedby={e.recipients ? "recipients-loi" : undefined}>
        <legend className="font-medium">
          Nơi nhận <span className="text-red-800">(bắt buộc)</span>
        </legend>
        {e.recipients && (
          <p id="recipients-loi" className="text-sm font-semibold text-red-800">
            {e.recipients}
          </p>
        )}
        <div className="space-y-1">
          <label htmlFor="tim-co-quan" className="block text-sm">
            Tìm cơ quan theo tên hoặc mã định danh
          </label>
          <input
            id="tim-co-quan"
            type="search"
            className="input"
            value={find}
            onChange={(ev) => setFind(ev.target.value)}
            autoComplete="off"
          />
        </div>
        <div
          className="grid max-h-80 gap-4 overflow-y-auto rounded border border-slate-300 p-3 sm:grid-cols-2"
          tabIndex={0}
          role="group"
          aria-label="Danh sách cơ quan"
        >
          {agencies.map((g) => (
            <div key={g.group}>
              <p className="mb-1 font-semibold">{g.group}</p>
              {g.options.map((o) => (
                <label key={o.value} className="flex items-start gap-2 text-sm" hidden={!shown(o)}>
                  <input type="checkbox" name="recipients" value={o.value} defaultChecked={chosen.has(o.value)} className="mt-1" />
                  <span>{o.label}</span>
                </label>
              ))}
            </div>
          ))}
        </div>
      </fieldset>
      <button type="submit" className="btn btn-primary" disabled={pending}>
        {pending ? "Đang gửi…" : "Gửi văn bản"}
      </button>
    </form>
  );
}
