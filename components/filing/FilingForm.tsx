"use client";

// The online application: the service's form, step by step, then a check of every answer, then
// submission. Each step is checked with the same zod schema the server applies again; what is typed
// is saved as a draft on the server as the citizen goes, so nothing is lost and it can be resumed.
// The pieces: StepList (where the citizen is), StepFields (one step), ReviewStep (the check and the
// declaration), useDraftAutosave, useUploads and useFilingSubmit.
import { useMemo, useRef, useState } from "react";
import type { FormDefinition } from "@/lib/forms/definition";
import { answersSchema } from "@/lib/filing/answers-schema";
import { ErrorSummary } from "@/components/forms/ErrorSummary";
import { filingText as t } from "@/lib/i18n/vi/filing";
import type { UploadedFile } from "./FieldInput";
import { ReviewStep } from "./ReviewStep";
import { StepFields } from "./StepFields";
import { StepList } from "./StepList";
import type { SaveDraft, Submit } from "./types";
import { useDraftAutosave } from "./useDraftAutosave";
import { useFilingSubmit } from "./useFilingSubmit";
import { useUploads } from "./useUploads";

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

export function FilingForm(props: FilingFormProps) {
  const { form, serviceCode } = props;
  const reviewIndex = form.steps.length;
  const [step, setStep] = useState(Math.min(props.initialStep, reviewIndex));
  const [answers, setAnswers] = useState<Record<string, unknown>>(props.initialAnswers);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string>();
  const [declared, setDeclared] = useState(false);
  const unitNames = useMemo(() => new Map(props.provinces.map((p) => [p.code, p.name])), [props.provinces]);
  const labels = useMemo(() => Object.fromEntries(form.steps.flatMap((s) => s.fields).map((f) => [f.id, f.label])), [form]);
  const summaryRef = useRef<HTMLDivElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const draft = useDraftAutosave(props.saveDraft, serviceCode, answers, step);

  const set = (id: string, value: unknown) => {
    draft.markDirty();
    setAnswers((a) => ({ ...a, [id]: value }));
    setErrors((e) => {
      if (!e[id]) return e;
      const { [id]: _gone, ...rest } = e;
      return rest;
    });
  };
  const { files, uploads, onFile } = useUploads(serviceCode, props.maxFileBytes, props.initialFiles, set);

  const goTo = (next: number) => {
    setStep(next);
    setMessage(undefined);
    draft.markDirty();
    requestAnimationFrame(() => headingRef.current?.focus());
  };

  const showErrors = (errs: Record<string, string>, msg?: string) => {
    setErrors(errs);
    setMessage(msg);
    requestAnimationFrame(() => summaryRef.current?.querySelector<HTMLElement>("#tom-tat-loi")?.focus());
  };

  const { submitting, send } = useFilingSubmit(props.submit, serviceCode, props.idempotencyKey, (fieldErrors, msg) => {
    // A refusal of a field goes back to the first step that holds one.
    const firstStep = form.steps.findIndex((s) => s.fields.some((f) => fieldErrors[f.id]));
    if (firstStep >= 0) setStep(firstStep);
    showErrors(fieldErrors, msg);
  });

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

  return (
    <div className="space-y-4">
      <StepList titles={[...form.steps.map((s) => s.title), t.reviewTitle]} current={step} />
      <p className="text-sm text-slate-700" role="status" aria-live="polite">
        {draft.status}
      </p>
      <div ref={summaryRef}>
        <ErrorSummary message={message} fieldErrors={errors} labels={{ ...labels, camDoan: "Cam đoan" }} anchorFor={(f) => `truong-${f}`} />
      </div>
      {step < reviewIndex ? (
        <StepFields
          form={form}
          step={step}
          headingRef={headingRef}
          answers={answers}
          errors={errors}
          files={files}
          uploads={uploads}
          provinces={props.provinces}
          unitNames={unitNames}
          onChange={set}
          onFile={(field, file) => void onFile(field, file)}
          onBack={() => goTo(step - 1)}
          onNext={next}
        />
      ) : (
        <ReviewStep
          form={form}
          answers={answers}
          files={files}
          unitNames={unitNames}
          feeText={props.feeText}
          headingRef={headingRef}
          declared={declared}
          onDeclared={setDeclared}
          declarationError={errors.camDoan}
          submitting={submitting}
          onChangeStep={goTo}
          onSubmit={() => void send(answers, declared)}
        />
      )}
    </div>
  );
}
