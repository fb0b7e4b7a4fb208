// The dead-letter list: messages the portal gave up delivering after its retries, each with a resend button.
// Shown to an agency administrator (the agency's own pushes) and to VPCP (every agency, e-mail too).
import { isOutboxKind } from "@/lib/jobs/queues";
import { ButtonForm } from "@/components/forms/ButtonForm";
import type { DeadLetter } from "@/lib/documents/integration-admin";
import type { FormAction } from "@/lib/forms/action-state";
import { formatDateTime } from "@/lib/format";
import { integrationText } from "@/lib/i18n/vi/integration";
import { DataTable } from "@/components/ui/DataTable";

const t = integrationText.dead;

export function DeadLetterTable({
  rows,
  from,
  resend,
}: {
  rows: DeadLetter[];
  from: "agency" | "admin";
  /** The server action that resends one message (its form posts `id` and `from`). */
  resend: FormAction;
}) {
  if (rows.length === 0) return <p className="card">{t.empty}</p>;
  return (
    <DataTable
      caption={t.caption}
      columns={[
        t.columns.kind,
        t.columns.agency,
        t.columns.document,
        t.columns.attempts,
        t.columns.error,
        t.columns.died,
        t.columns.actions,
      ]}
    >
      {rows.map((d) => (
        <tr key={d.id} className="border-b border-slate-200 align-top">
          <th scope="row" className="p-2 font-normal">
            {isOutboxKind(d.kind) ? t.kind[d.kind] : t.otherKind}
          </th>
          <td className="p-2">{d.agencyName ?? "—"}</td>
          <td className="p-2 break-all">{d.documentKey ?? "—"}</td>
          <td className="p-2">{d.attempts}</td>
          <td className="p-2 break-all">{d.lastError ?? "—"}</td>
          <td className="p-2">{formatDateTime(d.diedAt)}</td>
          <td className="p-2">
            <ButtonForm
              id={`gui-lai-${d.id}`}
              action={resend}
              hidden={{ id: d.id, from }}
              label={t.resend}
              srLabel={t.which(d.id)}
              pendingLabel={t.resending}
            />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
