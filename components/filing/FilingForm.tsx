"use client";

// The online application: the service's form, step by step, then a check of every answer, then
// submission. Each step is checked with the same zod schema the server applies again; what is typed
// is saved as a draft on the server as the citizen goes, so nothing is lost and it can be resumed.
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { FormDefinition, FormField } from "@/lib/catalog/form-definition";
import { answersSchema, isVisible, type AddressValue } from "@/lib/filing/answers-schema";
import { ErrorSummary } from "@/components/forms/ErrorSummary";
import { filingText as t } from "@/lib/i18n/vi/filing";
import { FieldInput, type UploadedFile } from "./FieldInput";

type SaveDraft = (
  serviceCode: string,
  answers: Record<string, unknown>,
  step: number,
) => Promise<{ ok: true; savedAt: string } | { ok: false; message: string }>;
type Submit = (
  serviceCode: string,
  idempotencyKey: string,
  answers: Record<string, unknown>,
) => Promise<{ ok: true; code: string } | { ok: false; message: string; fieldErrors: Record<string, string> }>;

export interface FilingFormProps {
  serviceCode: string;
  form: FormDefinition;
  initialAnswers: Record<string, unknown>;
  initialStep: number;
  initialFiles: Record<string, UploadedFile>;
  provinces: { code: string; name: string }[];
  idempotencyKey: string;
  feeText: string;
  maxFileBytes: number;
  saveDraft: SaveDraft;
  submit: Submit;
}

type Upload = { progress: number } | { error: string };

function uploadFile(
  url: string,
  file: File,
  onProgress: (pct: number) => void,
): Promise<{ ok: true; file: UploadedFile } | { ok: false; message: string }> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    xhr.setRequestHeader("x-file-name", encodeURIComponent(file.name));
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(Math.round((e.loaded / e.total) * 100));
    xhr.onload = () => {
      let body: { message?: string } & Partial<UploadedFile> = {};
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // a proxy's HTML error page: fall through to the generic message
      }
      if (xhr.status === 201 && body.id)
        resolve({ ok: true, file: { id: body.id, fileName: body.fileName ?? file.name, size: body.size ?? file.size } });
      else resolve({ ok: false, message: body.message ?? t.file.failed(file.name) });
    };
    xhr.onerror = () => resolve({ ok: false, message: t.file.failed(file.name) });
    xhr.send(file);
  });
}

function displayValue(field: FormField, value: unknown, files: Record<string, UploadedFile>, names: Map<string, string>): string {
  if (value === undefined || value === "" || value === null) return "—";
  if (field.type === "checkbox") return value ? "Có" : "Không";
  if (field.type === "file") return files[field.id]?.fileName ?? "—";
  if (field.type === "select" || field.type === "radio") return field.options?.find((o) => o.value === value)?.label ?? String(value);
  if (field.type === "address") {
    const a = value as AddressValue;
    return [a.street, names.get(a.ward) ?? a.ward, names.get(a.district) ?? a.district, names.get(a.province) ?? a.province]
      .filter(Boolean)
      .join(", ");
  }
  if (field.type === "date" && typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value.split("-").reverse().join("/");
  return String(value);
}

export function FilingForm(props: FilingFormProps) {
  const { form, serviceCode } = props;
  const router = useRouter();
  const reviewIndex = form.steps.length;
  const [step, setStep] = useState(Math.min(props.initialStep, reviewIndex));
  const [answers, setAnswers] = useState<Record<string, unknown>>(props.initialAnswers);
  const [files, setFiles] = useState<Record<string, UploadedFile>>(props.initialFiles);
  const [uploads, setUploads] = useState<Record<string, Upload>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string>();
  const [saved, setSaved] = useState<string>();
  const [saveFailed, setSaveFailed] = useState(false);
  const [declared, setDeclared] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [idempotencyKey] = useState(props.idempotencyKey);
  const unitNames = useMemo(() => new Map(props.provinces.map((p) => [p.code, p.name])), [props.provinces]);
  const summaryRef = useRef<HTMLDivElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const dirty = useRef(false);

  const labels = useMemo(() => Object.fromEntries(form.steps.flatMap((s) => s.fields).map((f) => [f.id, f.label])), [form]);

  // Autosave: shortly after the last change, and whenever the step changes.
  const save = useCallback(async () => {
    dirty.current = false;
    const r = await props.saveDraft(serviceCode, answers, step);
    if (r.ok) {
      setSaved(new Date(r.savedAt).toLocaleTimeString("vi-VN", { hour: "2-digit", minute: "2-digit", timeZone: "Asia/Ho_Chi_Minh" }));
      setSaveFailed(false);
    } else setSaveFailed(true);
  }, [props, serviceCode, answers, step]);
  useEffect(() => {
    if (!dirty.current) return;
    const timer = setTimeout(() => void save().catch(() => setSaveFailed(true)), 1200);
    return () => clearTimeout(timer);
  }, [answers, save]);

  const set = (id: string, value: unknown) => {
    dirty.current = true;
    setAnswers((a) => ({ ...a, [id]: value }));
    setErrors((e) => {
      if (!e[id]) return e;
      const { [id]: _gone, ...rest } = e;
      return rest;
    });
  };

  const onFile = async (field: FormField, file: File) => {
    // Said at once, without sending: the server enforces the same limit, but refusing a large body
    // mid-upload reaches the browser as a dropped connection rather than this clear message.
    if (file.size > props.maxFileBytes) {
      setUploads((u) => ({ ...u, [field.id]: { error: t.file.tooBig(file.name, Math.round(props.maxFileBytes / 1048576)) } }));
      return;
    }
    setUploads((u) => ({ ...u, [field.id]: { progress: 0 } }));
    const url = `/api/ho-so/tai-lieu?dich-vu=${encodeURIComponent(serviceCode)}&truong=${encodeURIComponent(field.id)}`;
    const r = await uploadFile(url, file, (progress) => setUploads((u) => ({ ...u, [field.id]: { progress } })));
    if (r.ok) {
      setFiles((f) => ({ ...f, [field.id]: r.file }));
      setUploads(({ [field.id]: _done, ...rest }) => rest);
      set(field.id, r.file.id);
    } else {
      // The failed file says why; everything else on the form stays as it was.
      setUploads((u) => ({ ...u, [field.id]: { error: r.message } }));
    }
  };

  const goTo = (next: number) => {
    setStep(next);
    setMessage(undefined);
    dirty.current = true;
    requestAnimationFrame(() => headingRef.current?.focus());
  };

  const showErrors = (errs: Record<string, string>, msg?: string) => {
    setErrors(errs);
    setMessage(msg);
    requestAnimationFrame(() => summaryRef.current?.querySelector<HTMLElement>("#tom-tat-loi")?.focus());
  };

  const next = () => {
    const current = form.steps[step];
    if (!current) return;
    const r = answersSchema(form, [current.id]).safeParse(answers);
    if (!r.success) {
      const errs: Record<string, string> = {};
      for (const issue of r.error.issues) errs[String(issue.path[0])] ??= issue.message;
      showErrors(errs);
      return;
    }
    setErrors({});
    goTo(step + 1);
  };

  const submit = async () => {
    if (!declared) {
      showErrors({ camDoan: t.declaration }, "Vui lòng xác nhận lời cam đoan trước khi nộp hồ sơ.");
      return;
    }
    setSubmitting(true);
    try {
      const r = await props.submit(serviceCode, idempotencyKey, answers);
      if (r.ok) {
        router.push(`/ho-so-cua-toi/${r.code}?da-nop=1`);
        return;
      }
      const firstStep = form.steps.findIndex((s) => s.fields.some((f) => r.fieldErrors[f.id]));
      if (firstStep >= 0) setStep(firstStep);
      showErrors(r.fieldErrors, r.message);
    } catch {
      // A network failure: the same key is reused on retry, so at most one dossier is created.
      showErrors({}, "Mất kết nối khi nộp hồ sơ. Vui lòng bấm “Nộp hồ sơ” lần nữa; hồ sơ sẽ không bị nộp trùng.");
    }
    setSubmitting(false);
  };

  const current = form.steps[step];
  const total = form.steps.length + 1;
  return (
    <div className="space-y-4">
      <ol className="flex flex-wrap gap-2 text-sm" aria-label="Các bước">
        {[...form.steps.map((s) => s.title), t.reviewTitle].map((title, i) => (
          <li
            key={title}
            aria-current={i === step ? "step" : undefined}
            className={`rounded px-2 py-1 ${i === step ? "bg-brand-800 text-white" : i < step ? "bg-green-100 text-green-900" : "bg-slate-200 text-slate-800"}`}
          >
            {i + 1}. {title}
          </li>
        ))}
      </ol>
      <p className="text-sm text-slate-700" role="status" aria-live="polite">
        {saveFailed ? t.draftFailed : saved ? t.draftSaved(saved) : ""}
      </p>
      <div ref={summaryRef}>
        <ErrorSummary message={message} fieldErrors={errors} labels={{ ...labels, camDoan: "Cam đoan" }} anchorFor={(f) => `truong-${f}`} />
      </div>
      {current ? (
        <section aria-labelledby="tieu-de-buoc" className="card space-y-4">
          <h2 id="tieu-de-buoc" ref={headingRef} tabIndex={-1} className="text-lg font-semibold">
            {t.stepOf(step + 1, total)}: {current.title}
          </h2>
          {current.fields
            .filter((f) => isVisible(f, answers))
            .map((f) => (
              <FieldInput
                key={f.id}
                field={f}
                value={answers[f.id]}
                error={errors[f.id]}
                onChange={(v) => set(f.id, v)}
                file={files[f.id]}
                upload={uploads[f.id]}
                onFile={(file) => void onFile(f, file)}
                provinces={props.provinces}
                unitNames={unitNames}
              />
            ))}
          <div className="flex gap-2">
            {step > 0 && (
              <button type="button" className="btn btn-secondary" onClick={() => goTo(step - 1)}>
                {t.back}
              </button>
            )}
            <button type="button" className="btn btn-primary" onClick={next}>
              {step === form.steps.length - 1 ? t.review : t.next}
            </button>
          </div>
        </section>
      ) : (
        <section aria-labelledby="tieu-de-buoc" className="card space-y-4">
          <h2 id="tieu-de-buoc" ref={headingRef} tabIndex={-1} className="text-lg font-semibold">
            {t.stepOf(total, total)}: {t.reviewTitle}
          </h2>
          {form.steps.map((s, i) => (
            <div key={s.id}>
              <div className="flex items-center justify-between">
                <h3 className="font-semibold">{s.title}</h3>
                <button type="button" className="text-blue-800 underline" onClick={() => goTo(i)} aria-label={`${t.change}: ${s.title}`}>
                  {t.change}
                </button>
              </div>
              <dl className="grid gap-1 sm:grid-cols-[16rem_1fr]">
                {s.fields
                  .filter((f) => isVisible(f, answers))
                  .map((f) => (
                    <div key={f.id} className="contents">
                      <dt className="text-slate-700">{f.label}</dt>
                      <dd data-testid={`xem-${f.id}`}>{displayValue(f, answers[f.id], files, unitNames)}</dd>
                    </div>
                  ))}
              </dl>
            </div>
          ))}
          <p className="rounded bg-slate-100 p-2 text-sm">{props.feeText}</p>
          <label htmlFor="truong-camDoan" className="flex items-start gap-2">
            <input
              id="truong-camDoan"
              type="checkbox"
              className="mt-1 h-5 w-5"
              checked={declared}
              onChange={(e) => setDeclared(e.target.checked)}
              aria-invalid={errors.camDoan ? true : undefined}
            />
            <span>{t.declaration}</span>
          </label>
          <div className="flex gap-2">
            <button type="button" className="btn btn-secondary" onClick={() => goTo(step - 1)}>
              {t.back}
            </button>
            <button type="button" className="btn btn-primary" disabled={submitting} onClick={() => void submit()}>
              {submitting ? t.submitting : t.submit}
            </button>
          </div>
        </section>
      )}
    </div>
  );
}
