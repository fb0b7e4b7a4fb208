"use client";

// The feedback form (phản ánh, kiến nghị). The chosen files live in the component's state, not in the file
// input (which a refused submission resets), so a refusal loses neither what was typed nor what was chosen.
import { useState } from "react";
import { ErrorSummary } from "@/components/forms/ErrorSummary";
import { TextField } from "@/components/forms/TextField";
import { useActionForm } from "@/components/forms/useActionForm";
import type { FormAction } from "@/lib/forms/action-state";
import { commonText } from "@/lib/i18n/vi/common";
import { feedbackText } from "@/lib/i18n/vi/feedback";

const f = feedbackText.form;

const LABELS: Record<string, string> = {
  topic: f.topic,
  title: f.titleField,
  content: f.content,
  name: f.name,
  email: f.email,
  phone: f.phone,
  procedureCode: f.procedureCode,
  agencyId: f.agency,
  dossierCode: f.dossierCode,
  files: f.files,
  sourcePage: f.sourcePage,
};

export function FeedbackForm({
  action,
  agencies,
  signedIn,
  initial,
}: {
  action: FormAction;
  agencies: { id: number; name: string }[];
  /** The signed-in submitter (their own name and address are used), or null for a visitor. */
  signedIn: { name: string; email: string | null } | null;
  initial: Record<string, string>;
}) {
  const { state, formAction, pending, summaryRef, formKey } = useActionForm(action);
  const [files, setFiles] = useState<File[]>([]);
  const v = { ...initial, ...state.values };
  const e = state.fieldErrors;
  const submit = (fd: FormData) => {
    fd.delete("files");
    for (const file of files) fd.append("files", file);
    formAction(fd);
  };
  const describe = (name: string, help: boolean) =>
    [help && `${name}-goi-y`, e[name] && `${name}-loi`].filter(Boolean).join(" ") || undefined;
  const errorOf = (name: string) =>
    e[name] ? (
      <p id={`${name}-loi`} className="text-sm font-semibold text-red-800">
        {e[name]}
      </p>
    ) : null;
  return (
    <form action={submit} noValidate className="space-y-4" key={formKey}>
      <div ref={summaryRef}>
        <ErrorSummary message={state.message} fieldErrors={e} labels={LABELS} />
      </div>
      {v.sourcePage ? (
        <div className="rounded border border-slate-300 bg-slate-50 p-2">
          <input type="hidden" name="sourcePage" value={v.sourcePage} />
          <p className="font-medium">{f.sourcePage}</p>
          <p className="font-mono break-all" data-testid="trang-bao-loi">
            {v.sourcePage}
          </p>
          <p className="text-sm text-slate-700">{f.sourcePageHelp}</p>
        </div>
      ) : null}
      <fieldset id="topic" className="space-y-1" aria-describedby={e.topic ? "topic-loi" : undefined}>
        <legend className="font-medium">
          {f.topic} <span className="text-red-800">({commonText.required})</span>
        </legend>
        {errorOf("topic")}
        {Object.entries(feedbackText.topics).map(([value, label]) => (
          <label key={value} className="flex items-start gap-2">
            <input type="radio" name="topic" value={value} defaultChecked={v.topic === value} className="mt-1" />
            <span>{label}</span>
          </label>
        ))}
      </fieldset>
      <TextField name="title" label={f.titleField} defaultValue={v.title} error={e.title} required maxLength={200} />
      <div className="space-y-1">
        <label htmlFor="content" className="block font-medium">
          {f.content} <span className="text-red-800">({commonText.required})</span>
        </label>
        <p id="content-goi-y" className="text-sm text-slate-700">
          {f.contentHelp}
        </p>
        {errorOf("content")}
        <textarea
          id="content"
          name="content"
          rows={6}
          maxLength={5000}
          defaultValue={v.content}
          className="input"
          aria-invalid={e.content ? true : undefined}
          aria-describedby={describe("content", true)}
        />
      </div>
      {signedIn ? (
        <p className="rounded border border-slate-300 bg-slate-50 p-2 break-words">{f.signedInAs(signedIn.name, signedIn.email ?? "")}</p>
      ) : null}
      {!signedIn && (
        <TextField name="name" label={f.name} defaultValue={v.name} error={e.name} required autoComplete="name" maxLength={200} />
      )}
      {(!signedIn || !signedIn.email) && (
        <TextField
          name="email"
          label={f.email}
          type="email"
          defaultValue={v.email}
          error={e.email}
          required
          autoComplete="email"
          maxLength={254}
        />
      )}
      <TextField
        name="phone"
        label={f.phone}
        type="tel"
        defaultValue={v.phone}
        error={e.phone}
        autoComplete="tel"
        inputMode="tel"
        maxLength={16}
      />
      <TextField
        name="procedureCode"
        label={f.procedureCode}
        defaultValue={v.procedureCode}
        error={e.procedureCode}
        help={f.procedureHelp}
        maxLength={20}
      />
      <div className="space-y-1">
        <label htmlFor="agencyId" className="block font-medium">
          {f.agency}
        </label>
        <p id="agencyId-goi-y" className="text-sm text-slate-700">
          {f.agencyHelp}
        </p>
        {errorOf("agencyId")}
        <select
          id="agencyId"
          name="agencyId"
          defaultValue={v.agencyId ?? ""}
          className="input"
          aria-invalid={e.agencyId ? true : undefined}
          aria-describedby={describe("agencyId", true)}
        >
          <option value="">{f.agencyNone}</option>
          {agencies.map((a) => (
            <option key={a.id} value={String(a.id)}>
              {a.name}
            </option>
          ))}
        </select>
      </div>
      {signedIn && (
        <TextField
          name="dossierCode"
          label={f.dossierCode}
          defaultValue={v.dossierCode}
          error={e.dossierCode}
          help={f.dossierHelp}
          maxLength={60}
        />
      )}
      <div className="space-y-1">
        <label htmlFor="files" className="block font-medium">
          {f.files}
        </label>
        <p id="files-goi-y" className="text-sm text-slate-700">
          {f.filesHelp}
        </p>
        {errorOf("files")}
        {files.length > 0 && (
          <ul className="space-y-1" aria-label={f.chosenFiles}>
            {files.map((file, i) => (
              <li key={`${file.name}-${file.size}-${file.lastModified}`} className="flex flex-wrap items-center gap-2 text-sm">
                <span className="break-all">
                  {file.name} ({Math.max(1, Math.round(file.size / 1024))} KB)
                </span>
                <button
                  type="button"
                  className="btn btn-secondary px-2 py-0.5 text-sm"
                  onClick={() => setFiles((fs) => fs.filter((_, j) => j !== i))}
                >
                  {f.removeFile(file.name)}
                </button>
              </li>
            ))}
          </ul>
        )}
        <input
          id="files"
          name="files"
          type="file"
          multiple
          accept=".pdf,.jpg,.jpeg,.png"
          className="input"
          aria-invalid={e.files ? true : undefined}
          aria-describedby={describe("files", true)}
          onChange={(ev) => {
            const list = Array.from(ev.target.files ?? []);
            if (list.length) setFiles((fs) => [...fs, ...list]);
            ev.target.value = "";
          }}
        />
      </div>
      <label className="flex items-start gap-2">
        <input type="checkbox" name="consent" value="on" defaultChecked={v.consent === "on"} className="mt-1" />
        <span>{f.consent}</span>
      </label>
      <button type="submit" className="btn btn-primary" disabled={pending}>
        {pending ? f.sending : f.submit}
      </button>
    </form>
  );
}
