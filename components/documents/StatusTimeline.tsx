// A copy's QCVN 102 history in words, as both registers show it: what happened (never a raw code), when, who,
// and the reason given (a refusal, a recall, its answer).
import { documentExchangeText as t } from "@/lib/i18n/vi/document-exchange";
import { formatDateTime } from "@/lib/format";

/** Steps whose text is a reason (a refusal, a recall, a refused recall) rather than a note. */
const REASONED = new Set(["02", "13", "16"]);

export interface TimelineEvent {
  id: bigint | number | string;
  status: string;
  at: Date;
  staffName: string | null;
  description: string | null;
}

export function StatusTimeline({ events, label }: { events: TimelineEvent[]; label?: string }) {
  return (
    <ol className="space-y-0.5" data-testid="dien-bien" aria-label={label}>
      {events.map((e) => (
        <li key={String(e.id)}>
          {t.eventWords[e.status] ?? t.unknownEvent} · {formatDateTime(e.at)}
          {e.staffName ? ` · ${e.staffName}` : ""}
          {e.description && e.description !== t.arrivedEvent ? (
            <span className="block text-slate-700">
              {REASONED.has(e.status) ? "Lý do" : "Ghi chú"}: {e.description}
            </span>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
