// The dossier page's way back to the queue it was opened from (its filters kept in ?tu-hang-doi=…), with the
// previous and next dossier of that queue as links (j / k on the keyboard, through the queue's one client island).
import Link from "next/link";
import type { CurrentUser } from "@/lib/auth/current-user";
import { queueNeighbours } from "@/lib/dossiers/queue";
import { dossierHref, fromQueue, queueHref } from "@/lib/dossiers/queue-params";
import { queueText } from "@/lib/i18n/vi/queue";
import { QueueKeys } from "./QueueKeys";

export async function QueueNeighbours({ user, code, from }: { user: CurrentUser; code: string; from: string | string[] | undefined }) {
  const t = queueText.neighbours;
  const filters = fromQueue(from);
  const around = filters ? await queueNeighbours(user, filters, code) : null;
  return (
    <nav aria-label={t.label} className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm" data-testid="dieu-huong-hang-doi">
      <Link href={filters ? queueHref(filters) : "/can-bo/ho-so"}>{t.back}</Link>
      {around?.prev && (
        <Link href={dossierHref(around.prev.code, filters)} rel="prev" aria-keyshortcuts="k" data-hang-doi-truoc="">
          ‹ {t.prev}: {around.prev.code}
        </Link>
      )}
      {around?.next && (
        <Link href={dossierHref(around.next.code, filters)} rel="next" aria-keyshortcuts="j" data-hang-doi-sau="">
          {t.next}: {around.next.code} ›
        </Link>
      )}
      {around && (around.prev || around.next) && (
        <>
          <span className="text-slate-700">{t.keys}</span>
          <QueueKeys mode="dossier" />
        </>
      )}
    </nav>
  );
}
