// One step of the filing form: its visible fields (a repeating group as its items), and the buttons back and on
// (the last step's "on" opens the review).
import type { Ref } from "react";
import type { FormDefinition, FormField } from "@/lib/forms/definition";
import { isRequired, isVisible } from "@/lib/forms/answers";
import type { CodeLists } from "@/lib/forms/codelists";
import { useFilingText } from "./text";
import { FieldInput, type UploadedFile } from "./FieldInput";
import { GroupInput } from "./GroupInput";
import { PaperStoreContext, type PaperStore } from "./paper-store";
import type { Upload } from "./types";

export interface StepFieldsProps {
  form: FormDefinition;
  step: number;
  /** The step's number among the steps shown, and how many there are with the review. */
  position: number;
  total: number;
  last: boolean;
  headingRef: Ref<HTMLHeadingElement>;
  answers: Record<string, unknown>;
  errors: Record<string, string>;
  files: Record<string, UploadedFile>;
  uploads: Record<string, Upload>;
  /** The citizen's document store, offered beside each file field. */
  store?: PaperStore;
  provinces: { code: string; name: string }[];
  unitNames: Map<string, string>;
  lists: CodeLists;
  today: string;
  /** Fields the national e-ID vouches for: shown read-only. */
  locked?: ReadonlySet<string>;
  onChange: (fieldId: string, value: unknown) => void;
  onFile: (field: FormField, file: File) => void;
  /** Takes the field's paper off before submission. */
  onRemove?: (field: FormField) => void;
  onBack: () => void;
  onNext: () => void;
}

export function StepFields({ headingRef, ...p }: StepFieldsProps) {
  const t = useFilingText();
  const current = p.form.steps[p.step];
  if (!current) return null;
  return (
    <PaperStoreContext value={p.store ?? null}>
      <section aria-labelledby="tieu-de-buoc" className="card space-y-4">
        <h2 id="tieu-de-buoc" ref={headingRef} tabIndex={-1} className="text-lg font-semibold">
          {t.stepOf(p.position, p.total)}: {current.title}
        </h2>
        {current.fields
          .filter((f) => isVisible(f, p.answers))
          .map((f) =>
            f.type === "group" ? (
              <GroupInput
                key={f.id}
                field={f}
                answers={p.answers}
                errors={p.errors}
                onChange={(v) => p.onChange(f.id, v)}
                provinces={p.provinces}
                unitNames={p.unitNames}
                lists={p.lists}
                today={p.today}
                required={f.required || (f.minItems ?? 0) > 0}
              />
            ) : (
              <FieldInput
                key={f.id}
                field={f}
                required={isRequired(f, p.answers)}
                value={p.answers[f.id]}
                error={p.errors[f.id]}
                onChange={(v) => p.onChange(f.id, v)}
                file={p.files[f.id]}
                upload={p.uploads[f.id]}
                onFile={(file) => p.onFile(f, file)}
                onRemove={p.onRemove && (() => p.onRemove!(f))}
                provinces={p.provinces}
                unitNames={p.unitNames}
                lists={p.lists}
                today={p.today}
                readOnly={p.locked?.has(f.id)}
              />
            ),
          )}
        <div className="flex gap-2">
          {p.position > 1 && (
            <button type="button" className="btn btn-secondary" onClick={p.onBack}>
              {t.back}
            </button>
          )}
          <button type="button" className="btn btn-primary" onClick={p.onNext}>
            {p.last ? t.review : t.next}
          </button>
        </div>
      </section>
    </PaperStoreContext>
  );
}
