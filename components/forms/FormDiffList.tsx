// The differences between two versions of a form, as a list of sentences.
import type { FormDiff, ItemChange } from "@/lib/forms/compare";
import { formsText as t } from "@/lib/i18n/vi/forms";

const d = t.diff;

function line(c: ItemChange, paper: boolean): string {
  const what = c.aspects.map((a) => d.aspects[a] ?? a).join(", ");
  if (c.kind === "added") return paper ? d.paperAdded(c.label) : d.fieldAdded(c.label);
  if (c.kind === "removed") return paper ? d.paperRemoved(c.label) : d.fieldRemoved(c.label);
  return paper ? d.paperChanged(c.label, what) : d.fieldChanged(c.label, what);
}

function diffLines(diff: FormDiff): string[] {
  return [
    ...diff.steps.map((s) => (s.kind === "added" ? d.stepAdded(s.title) : d.stepRemoved(s.title))),
    ...diff.fields.map((c) => line(c, false)),
    ...diff.papers.map((c) => line(c, true)),
    ...(diff.feesChanged ? [d.feesChanged] : []),
    ...(diff.titleChanged ? [d.titleChanged] : []),
  ];
}

export function FormDiffList({ diff, id }: { diff: FormDiff; id?: string }) {
  const lines = diffLines(diff);
  if (!lines.length) return <p id={id}>{t.noDifferences}</p>;
  return (
    <ul id={id} className="list-disc pl-5" data-testid="khac-biet">
      {lines.map((l) => (
        <li key={l}>{l}</li>
      ))}
    </ul>
  );
}
