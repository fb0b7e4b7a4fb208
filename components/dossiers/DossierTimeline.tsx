import { dueChangeOf } from "@/lib/dossiers/due";
import { formatDate, formatDateTime } from "@/lib/format";
import { dossierText } from "@/lib/i18n/vi/dossiers";
import { dueDateText } from "@/lib/i18n/vi/due-dates";
import { syncOutText } from "@/lib/i18n/vi/sync-out";
import { statusName } from "@/lib/dossiers/status";

interface Event {
  id: bigint;
  seq: number;
  at: Date;
  action: string;
  toStatus: number | null;
  note: string | null;
  /** What the event recorded; an apology's or supplied papers' previous and new due date are shown. */
  data?: unknown;
}

/** The events that move the date in force (lib/dossiers/due.ts). */
const MOVES_DUE = new Set(["apologize", "supply"]);

/** The one-stop forms an event produced: 02 supplementation request, 03 refusal, 04 apology. */
const FORM_OF: Record<string, string> = { requestSupplement: "02", refuse: "03", apologize: "04" };

/** A dossier's history: every status change and message, oldest first; `formBase` links the forms. */
export function DossierTimeline({ events, formBase }: { events: Event[]; formBase?: string }) {
  return (
    <ol className="space-y-3 border-l-2 border-slate-300 pl-4" data-testid="tien-do">
      {events.map((e) => (
        <li key={String(e.id)}>
          <p className="text-sm text-slate-700">{formatDateTime(e.at)}</p>
          <p className="font-medium">
            {(dossierText.action as Record<string, string>)[e.action] ?? syncOutText.eventAction[e.action] ?? e.action}
            {e.toStatus != null && <span className="font-normal"> — {statusName(e.toStatus)}</span>}
          </p>
          {e.note && <p className="text-sm">{e.note}</p>}
          {MOVES_DUE.has(e.action) && <DueChange data={e.data} />}
          {formBase && FORM_OF[e.action] && (
            <p className="text-sm">
              <a href={`${formBase}/${e.seq}`}>Tải phiếu (mẫu {FORM_OF[e.action]}, PDF)</a>
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}

function DueChange({ data }: { data: unknown }) {
  const change = dueChangeOf(data);
  if (!change) return null;
  return (
    <p className="text-sm" data-testid="doi-han">
      {dueDateText.change(change.from ? formatDate(change.from) : null, formatDate(change.to))}
    </p>
  );
}
