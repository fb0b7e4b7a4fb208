// The filing form's last step: every visible answer in words (the labels of choices, code lists and address
// units, computed live, so a resumed draft reads right too), each step with a link back to change it, the papers
// to submit, how the fee is computed, the declaration, and the submit button.
import type { Ref } from "react";
import type { DisplaySection } from "@/lib/forms/display";
import type { FeeComputation } from "@/lib/forms/fees";
import { useFilingText } from "./text";
import { FeeBreakdown } from "@/components/forms/FeeBreakdown";
import { AnswerSections } from "@/components/forms/AnswerSections";

export interface ReviewStepProps {
  sections: DisplaySection[];
  position: number;
  fee: FeeComputation;
  feeNote: string;
  headingRef: Ref<HTMLHeadingElement>;
  declared: boolean;
  onDeclared: (declared: boolean) => void;
  declarationError?: string;
  submitting: boolean;
  onChangeStep: (step: number) => void;
  onBack: () => void;
  onSubmit: () => void;
}

export function ReviewStep({ headingRef, ...p }: ReviewStepProps) {
  const t = useFilingText();
  return (
    <section aria-labelledby="tieu-de-buoc" className="card space-y-4">
      <h2 id="tieu-de-buoc" ref={headingRef} tabIndex={-1} className="text-lg font-semibold">
        {t.stepOf(p.position, p.position)}: {t.reviewTitle}
      </h2>
      <AnswerSections sections={p.sections} onChangeStep={p.onChangeStep} changeLabel={t.change} />
      <FeeBreakdown fee={p.fee} note={p.feeNote} text={t.fee} />
      <label htmlFor="truong-camDoan" className="flex items-start gap-2">
        <input
          id="truong-camDoan"
          type="checkbox"
          className="mt-1 h-5 w-5"
          checked={p.declared}
          onChange={(e) => p.onDeclared(e.target.checked)}
          aria-invalid={p.declarationError ? true : undefined}
        />
        <span>{t.declaration}</span>
      </label>
      <div className="flex gap-2">
        <button type="button" className="btn btn-secondary" onClick={p.onBack}>
          {t.back}
        </button>
        <button type="button" className="btn btn-primary" disabled={p.submitting} onClick={p.onSubmit}>
          {p.submitting ? t.submitting : t.submit}
        </button>
      </div>
    </section>
  );
}
