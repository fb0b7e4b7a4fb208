import { differingLegalDue } from "@/lib/dossiers/due";
import { formatDate } from "@/lib/format";
import { dueDateText } from "@/lib/i18n/vi/due-dates";

/**
 * A dossier's due date as every page shows it: the date in force (an apology moves it), and beside it the legal
 * deadline when that falls on another day (lib/dossiers/due.ts).
 */
export function DueDate({ dueAt, legalDueAt, testId }: { dueAt: Date | null; legalDueAt?: Date | null; testId?: string }) {
  const legal = differingLegalDue({ dueAt, legalDueAt });
  return (
    <>
      <span data-testid={testId}>{dueAt ? formatDate(dueAt) : "—"}</span>
      {legal && (
        <span className="text-sm text-slate-700" data-testid={testId ? `${testId}-theo-quy-dinh` : undefined}>
          {" "}
          ({dueDateText.legalNote(formatDate(legal))})
        </span>
      )}
    </>
  );
}
