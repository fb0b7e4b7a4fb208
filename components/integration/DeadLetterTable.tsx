// The dead-letter list: messages the portal gave up delivering after its retries, each with a resend button.
// Shown to an agency administrator (the agency's own pushes) and to VPCP (every agency, e-mail too).
import { resendAction } from "@/app/(officer)/can-bo/quan-tri-co-quan/ket-noi/actions";
import { ButtonForm } from "@/components/calendar/ButtonForm";
import type { DeadLetter } from "@/lib/documents/integration-admin";
import { formatDateTime } from "@/lib/format";
import { integrationText } from "@/lib/i18n/vi/integration";

const t = integrationText.dead;

export function DeadLetterTable({ rows, from }: { rows: DeadLetter[]; from: "agency" | "admin" }) {
  if (rows.length === 0) return <p className="card">{t.empty}</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse bg-white text-left text-sm">
        <caption className="sr-only">{t.caption}</caption>
        <thead>
          <tr className="border-b border-slate-300">
            <th scope="col" className="p-2">{t.columns.kind}</th>
            <th scope="col" className="p-2">{t.columns.agency}</th>
            <th scope="col" className="p-2">{t.columns.document}</th>
            <th scope="col" className="p-2">{t.columns.attempts}</th>
            <th scope="col" className="p-2">{t.columns.error}</th>
            <th scope="col" className="p-2">{t.columns.died}</th>
            <th scope="col" className="p-2">{t.columns.actions}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((d) => (
            <tr key={d.id} className="border-b border-slate-200 align-top">
              <th scope="row" className="p-2 font-normal">
                {t.kind[d.kind] ?? d.kind}
              </th>
              <td className="p-2">{d.agencyName ?? "—"}</td>
              <td className="p-2 break-all">{d.documentKey ?? "—"}</td>
              <td className="p-2">{d.attempts}</td>
              <td className="p-2 break-all">{d.lastError ?? "—"}</td>
              <td className="p-2">{formatDateTime(d.diedAt)}</td>
              <td className="p-2">
                <ButtonForm
                  id={`gui-lai-${d.id}`}
                  action={resendAction}
                  hidden={{ id: d.id, from }}
                  label={t.resend}
                  srLabel={t.which(d.id)}
                  pendingLabel={t.resending}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
