// The VPCP dashboard's dossier sync panel (issue 17): per province, the dossiers its one-stop systems synced,
// the sync lag (now − the last time they told the portal anything) and the latest reconciliation report,
// the pilot provinces (Đồng Nai, TP. Hồ Chí Minh) first.
import { statusName } from "@/lib/dossiers/status";
import { formatDateTime } from "@/lib/format";
import { dossierSyncText } from "@/lib/i18n/vi/dossier-sync";
import { syncOverview } from "@/lib/sync/reconcile";

const T = dossierSyncText.dashboard;

function counts(agency: Record<string, number>, portal: Record<string, number>): string {
  const statuses = [...new Set([...Object.keys(agency), ...Object.keys(portal)])].sort((a, b) => Number(a) - Number(b));
  return statuses.map((s) => `${statusName(Number(s))}: ${agency[s] ?? 0} / ${portal[s] ?? 0}`).join("; ");
}

export async function SyncSummary() {
  const provinces = await syncOverview();
  return (
    <section aria-labelledby="dong-bo-ho-so" className="card space-y-3" data-testid="dong-bo-ho-so">
      <h2 id="dong-bo-ho-so" className="text-lg font-semibold">
        {T.title}
      </h2>
      <p className="text-sm text-slate-700">{T.lagNote}</p>
      <ul className="grid gap-3 md:grid-cols-2" aria-labelledby="dong-bo-ho-so">
        {provinces.map((p) => (
          <li key={p.identifier} className="rounded border border-slate-300 p-3 wrap-anywhere" data-testid={`dong-bo-${p.identifier}`}>
            <h3 className="font-semibold">
              {p.name}
              {p.pilot && <span className="font-normal"> ({T.pilot})</span>}
            </h3>
            <dl className="grid grid-cols-[minmax(0,9rem)_minmax(0,1fr)] gap-x-2 gap-y-1 text-sm">
              <dt className="text-slate-700">{T.synced}</dt>
              <dd data-testid="so-ho-so-dong-bo">{p.synced.toLocaleString("vi-VN")}</dd>
              <dt className="text-slate-700">{T.lastSync}</dt>
              <dd>{p.lastSyncedAt ? formatDateTime(p.lastSyncedAt) : T.never}</dd>
              <dt className="text-slate-700">{T.lag}</dt>
              <dd data-testid="do-tre">{p.lagMinutes == null ? "—" : T.lagMinutes(p.lagMinutes)}</dd>
              <dt className="text-slate-700">{T.reconciliation}</dt>
              <dd data-testid="doi-soat">
                {p.reconciliation ? (
                  <>
                    {T.reportOf(p.reconciliation.day)}:{" "}
                    <strong>{p.reconciliation.differenceCount === 0 ? T.zero : T.differing(p.reconciliation.differenceCount)}</strong>
                    {p.reconciliation.differingCodes.length > 0 && (
                      <span className="block" data-testid="ma-chenh-lech">
                        {p.reconciliation.differingCodes.join(", ")}
                      </span>
                    )}
                    <span className="block text-slate-700">
                      {T.countsCaption}: {counts(p.reconciliation.agencyCounts, p.reconciliation.portalCounts) || "—"}
                    </span>
                  </>
                ) : (
                  T.noReport
                )}
              </dd>
            </dl>
          </li>
        ))}
      </ul>
    </section>
  );
}
