import { formatDateTime } from "@/lib/format";
import { dossierText } from "@/lib/i18n/vi/dossiers";
import { statusName } from "@/lib/dossiers/status";

interface Event {
  id: bigint;
  at: Date;
  action: string;
  toStatus: number | null;
  note: string | null;
}

/** A dossier's history as the applicant sees it: every status change and message, oldest first. */
export function DossierTimeline({ events }: { events: Event[] }) {
  return (
    <ol className="space-y-3 border-l-2 border-slate-300 pl-4" data-testid="tien-do">
      {events.map((e) => (
        <li key={String(e.id)}>
          <p className="text-sm text-slate-700">{formatDateTime(e.at)}</p>
          <p className="font-medium">
            {(dossierText.action as Record<string, string>)[e.action] ?? e.action}
            {e.toStatus != null && <span className="font-normal"> — {statusName(e.toStatus)}</span>}
          </p>
          {e.note && <p className="text-sm">{e.note}</p>}
        </li>
      ))}
    </ol>
  );
}
