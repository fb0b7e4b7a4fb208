// The principal of a dossier (for whom it was filed) as rows of a description list.
import type { PrincipalRow } from "@/lib/organisations/principal-view";

export function PrincipalRows({ rows }: { rows: PrincipalRow[] }) {
  return rows.map((r) => [
    <dt key={`${r.label}-dt`} className="text-slate-700">
      {r.label}
    </dt>,
    <dd key={`${r.label}-dd`} data-testid="chu-the-ho-so">
      {r.attachmentId ? <a href={`/api/tai-lieu/${r.attachmentId}`}>{r.value}</a> : r.value}
    </dd>,
  ]);
}
