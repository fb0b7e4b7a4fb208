import { DUE_LABEL, type DueState } from "@/lib/dossiers/due";

const TONE: Record<DueState, string> = {
  on_time: "border-green-700 bg-green-50 text-green-900",
  due_soon: "border-amber-700 bg-amber-50 text-amber-900",
  overdue: "border-red-700 bg-red-50 text-red-900",
  early: "border-green-700 bg-green-50 text-green-900",
  finished_on_time: "border-green-700 bg-green-50 text-green-900",
  late: "border-red-700 bg-red-50 text-red-900",
};

/** The due state in colour and in words (colour alone would not reach everyone). */
export function DueBadge({ state }: { state: DueState | null }) {
  if (!state) return null;
  return <span className={`inline-block rounded border px-2 py-0.5 text-xs font-semibold ${TONE[state]}`}>{DUE_LABEL[state]}</span>;
}
