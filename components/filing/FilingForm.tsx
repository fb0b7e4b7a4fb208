"use client";

// The online application: the service's form, step by step (steps hidden by their condition are skipped), then
// a check of every answer in words with the fee computed for them, then submission. Each step is checked with
// the same zod schema the server applies again; what is typed is saved as a draft on the server as the citizen
// goes, so nothing is lost and it can be resumed. The pieces: StepList (where the citizen is), StepFields (one
// step), GroupInput (a repeating group), ReviewStep (the check and the declaration), useDraftAutosave, useUploads
// and useFilingSubmit.
import { useMemo, useRef, useState } from "react";
import type { FormDefinition } from "@/lib/forms/definition";
import { answersSchema, errorsByPath, shownAnswers, visibleSteps } from "@/lib/forms/answers";
import type { CodeLists } from "@/lib/forms/codelists";
import { answerLabels, displaySections } from "@/lib/forms/display";
import { computeFee } from "@/lib/forms/fees";
import { ErrorSummary } from "@/components/forms/ErrorSummary";
import { useFilingText } from "./text";
import { fieldElementId, type UploadedFile } from "./FieldInput";
import { ReviewStep } from "./ReviewStep";
import { StepFields } from "./StepFields";
import { StepList } from "./StepList";
import type { SaveDraft, Submit } from "./types";
import { useDraftAutosave } from "./useDraftAutosave";
import { useFilingSubmit } from "./useFilingSubmit";
import { useUploads } from "./useUploads";
// Issue 15: for whom the dossier is filed.
import { PrincipalChoice, type PrincipalOptions } from "@/components/organisations/PrincipalChoice";
import { AUTHORISATION_FIELD, principalProblems, type DraftPrincipal } from "@/lib/organisations/principal";

export interface FilingFormProps {
  serviceCode: string;
  form: FormDefinition;
  initialAnswers: Record<string, unknown>;
  initialStep: number;
  initialFiles: Record<string, UploadedFile>;
  provinces: { code: string; name: string }[];
  /** Names of the address units a resumed draft already holds (its review reads in words at once). */
  initialUnitNames?: { code: string; name: string }[];
  /** The code lists the form chooses from. */
  lists: CodeLists;
  /** The filing day in Vietnam, YYYY-MM-DD. */
  today: string;
  /** The service channel's fee lines (used when the form has no fee rules). */
  feeSchedule: { description: string; amount: number }[];
  /** How the fee is paid (online after filing, or at the counter). */
  feeNote: string;
  idempotencyKey: string;
  maxFileBytes: number;
  saveDraft: SaveDraft;
  submit: Submit;
  /** Issue 15: the "file for" choice (oneself, an organisation, another person); absent: always oneself. */
  principal?: PrincipalOptions;
  /** Issue 15: fields the national e-ID vouches for (shown read-only; the server keeps them as vouched). */
  lockedFields?: string[];
}

export function FilingForm(props: FilingFormProps) {
  const { form, serviceCode } = props;
  const t = useFilingText();
  const reviewIndex = form.steps.length;
  const [step, setStep] = useState(Math.min(props.initialStep, reviewIndex));
  const [answers, setAnswers] = useState<Record<string, unknown>>(props.initialAnswers);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [locked] = useState(() => new Set(props.lockedFields ?? []));
  const [message, setMessage] = useState<string>();
  const [declared, setDeclared] = useState(false);
  const unitNames = useMemo(
    () => new Map([...props.provinces, ...(props.initialUnitNames ?? [])].map((p) => [p.code, p.name])),
    [props.provinces, props.initialUnitNames],
  );
  const summaryRef = useRef<HTMLDivElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  // ---- Issue 15: the principal, saved with the draft and sent with the submission ----
  const [principal, setPrincipal] = useState<DraftPrincipal | null>(props.principal?.initial ?? null);
  const draft = useDraftAutosave(props.saveDraft, serviceCode, answers, step, principal);
  const choosePrincipal = (p: DraftPrincipal) => {
    draft.markDirty();
    setPrincipal(p);
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !k.startsWith("principal.") && k !== AUTHORISATION_FIELD)));
  };
  // ---- end issue 15 ----
  const context = useMemo(() => ({ lists: props.lists, today: props.today, text: t.answers }), [props.lists, props.today, t]);

  const set = (id: string, value: unknown) => {
    draft.markDirty();
    setAnswers((a) => ({ ...a, [id]: value }));
    setErrors((e) => {
      const stale = Object.keys(e).filter((k) => k === id || k.startsWith(`${id}.`));
      if (!stale.length) return e;
      return Object.fromEntries(Object.entries(e).filter(([k]) => !stale.includes(k)));
    });
  };
  const { files, uploads, onFile, onRemove, store } = useUploads(serviceCode, props.maxFileBytes, props.initialFiles, (id, fileId) => {
    // The authorisation paper is no answer of the form (issue 15): it stays with the draft's papers.
    if (id === AUTHORISATION_FIELD) setErrors(({ [AUTHORISATION_FIELD]: _done, ...rest }) => rest);
    else set(id, fileId ?? undefined);
  });

  // The steps shown for the answers so far; the review comes after the last of them.
  const shown = visibleSteps(form, answers).map((s) => s.index);
  const position = step >= reviewIndex ? shown.length + 1 : Math.max(1, shown.indexOf(step) + 1);
  const nextIndex = (from: number) => shown.find((i) => i > from) ?? reviewIndex;
  const prevIndex = (from: number) => [...shown].reverse().find((i) => i < from) ?? shown[0] ?? 0;

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

  const stepOfPath = (path: string) =>
    path.startsWith("principal.") || path === AUTHORISATION_FIELD
      ? (shown[0] ?? 0)
      : form.steps.findIndex((s) => s.fields.some((f) => f.id === path.split(".")[0]));

  const { submitting, send } = useFilingSubmit(props.submit, serviceCode, props.idempotencyKey, (fieldErrors, msg) => {
    // A refusal of a field goes back to the first step that holds one.
    const firstStep = Math.min(
      ...Object.keys(fieldErrors)
        .map(stepOfPath)
        .filter((i) => i >= 0),
    );
    if (Number.isFinite(firstStep)) setStep(firstStep);
    showErrors(fieldErrors, msg);
  });

  const next = () => {
    const current = form.steps[step];
    if (!current) return;
    const r = answersSchema(form, context, [current.id]).safeParse(answers);
    // Issue 15: the "file for" choice is checked with the first step.
    const principalErrors =
      props.principal && step === shown[0] ? principalProblems(principal, props.principal.allowed, !!files[AUTHORISATION_FIELD]) : {};
    if (!r.success || Object.keys(principalErrors).length) {
      showErrors({ ...principalErrors, ...(r.success ? {} : errorsByPath(r.error.issues)) });
      return;
    }
    setErrors({});
    goTo(nextIndex(step));
  };

  const onReview = step >= reviewIndex;
  const labels = onReview
    ? answerLabels(form, answers, {
        listLabel: (list, code) => props.lists[list]?.find((i) => i.code === code)?.label,
        unitName: (code) => unitNames.get(code),
        fileName: (id) => files[id]?.fileName,
      })
    : {};
  // The fee the server will compute: from the cleaned answers (a value left in a hidden field counts for nothing).
  const cleaned = onReview ? answersSchema(form, context).safeParse(answers) : null;
  const fee = computeFee(form, cleaned?.success ? cleaned.data : shownAnswers(form, answers), "online", props.feeSchedule);
  const summaryLabels = Object.fromEntries([...Object.keys(errors), "camDoan"].map((k) => [k, k]));

  return (
    <div className="space-y-4">
      <StepList titles={[...shown.map((i) => form.steps[i]!.title), t.reviewTitle]} current={position - 1} label={t.steps} />
      <p className="text-sm text-slate-700" role="status" aria-live="polite">
        {draft.status}
      </p>
      <div ref={summaryRef}>
        <ErrorSummary
          message={message}
          fieldErrors={errors}
          labels={summaryLabels}
          title={t.errorSummaryTitle}
          anchorFor={(f) => (f === "camDoan" ? "truong-camDoan" : fieldElementId(f === "principal.organisationId" ? "principal.kind" : f))}
        />
      </div>
      {props.principal && !onReview && step === shown[0] && (
        <PrincipalChoice
          options={props.principal}
          value={principal}
          errors={errors}
          onChange={choosePrincipal}
          file={files[AUTHORISATION_FIELD]}
          upload={uploads[AUTHORISATION_FIELD]}
          onFile={(field, file) => void onFile(field, file)}
        />
      )}
      {!onReview ? (
        <StepFields
          form={form}
          step={step}
          position={position}
          total={shown.length + 1}
          last={nextIndex(step) === reviewIndex}
          headingRef={headingRef}
          answers={answers}
          errors={errors}
          files={files}
          uploads={uploads}
          store={store}
          provinces={props.provinces}
          unitNames={unitNames}
          lists={props.lists}
          today={props.today}
          locked={locked}
          onChange={set}
          onFile={(field, file) => void onFile(field, file)}
          onRemove={(field) => void onRemove(field)}
          onBack={() => goTo(prevIndex(step))}
          onNext={next}
        />
      ) : (
        <ReviewStep
          sections={displaySections(form, answers, labels)}
          position={position}
          fee={fee}
          feeNote={props.feeNote}
          headingRef={headingRef}
          declared={declared}
          onDeclared={setDeclared}
          declarationError={errors.camDoan}
          submitting={submitting}
          onChangeStep={goTo}
          onBack={() => goTo(prevIndex(reviewIndex))}
          onSubmit={() => void send(answers, declared, props.principal ? principal : undefined)}
        />
      )}
    </div>
  );
}
