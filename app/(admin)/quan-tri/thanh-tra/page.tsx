// Quản trị → Kiểm tra: plan an inspection of an agency, record its findings and follow-ups, see what is open.
import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/programme/ActionForm";
import { listAgencies } from "@/lib/agencies/queries";
import { requirePermission } from "@/lib/auth/current-user";
import { localDate } from "@/lib/calendar/time";
import { formatDate } from "@/lib/format";
import { programmeText } from "@/lib/i18n/vi/programme";
import { followUpsOf, INSPECTION_STATUS_LABEL, listInspections } from "@/lib/programme/inspections";
import { addFollowUpAction, completeFollowUpAction, planInspectionAction, recordFindingsAction } from "./actions";
import { DataTable } from "@/components/ui/DataTable";
import { AdminPageHeader } from "@/components/admin/AdminPageHeader";

const t = programmeText.inspections;
export const metadata: Metadata = { title: t.title };

const STATUS: Record<string, string> = { lap: t.planned, "ket-qua": t.recorded, viec: t.followUpAdded, xong: t.marked };

export default async function InspectionsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission("programme.manage", "/quan-tri/thanh-tra");
  const sp = await searchParams;
  const all = sp["tat-ca"] === "1";
  const [inspections, agencies] = await Promise.all([listInspections(!all), listAgencies()]);
  const followUps = await followUpsOf(inspections.map((i) => i.id));
  const today = localDate(new Date());
  const status = typeof sp.tb === "string" && Object.hasOwn(STATUS, sp.tb) ? STATUS[sp.tb] : undefined;
  return (
    <div className="space-y-6">
      <AdminPageHeader title={t.title} lead={t.lead} status={status} />
      <section aria-labelledby="lap-ke-hoach" className="card space-y-3">
        <h2 id="lap-ke-hoach" className="text-lg font-semibold">
          {t.planTitle}
        </h2>
        <ActionForm
          id="ke-hoach"
          action={planInspectionAction}
          fields={[
            {
              name: "agency",
              label: t.agency,
              type: "select",
              required: true,
              options: agencies.map((a) => ({ value: a.identifier, label: a.name })),
            },
            { name: "plannedOn", label: t.plannedOn, type: "date", required: true },
            { name: "scope", label: t.scope, type: "textarea", required: true, maxLength: 2000 },
          ]}
          submitLabel={t.plan}
          pendingLabel={t.planning}
        />
      </section>
      <section aria-labelledby="cac-dot" className="space-y-4">
        <h2 id="cac-dot" className="text-xl font-semibold">
          {all ? t.allTitle : t.openTitle}
        </h2>
        <p>
          <Link href={all ? "/quan-tri/thanh-tra" : "/quan-tri/thanh-tra?tat-ca=1"}>{all ? t.showOpen : t.showAll}</Link>
        </p>
        {inspections.length === 0 && <p>{t.none}</p>}
        {inspections.map((i) => {
          const mine = followUps.filter((f) => f.inspectionId === i.id);
          return (
            <article key={i.id} id={`dot-${i.id}`} aria-labelledby={`dot-${i.id}-ten`} className="card space-y-3">
              <h3 id={`dot-${i.id}-ten`} className="text-lg font-semibold">
                {i.agencyName}
              </h3>
              <p className="text-sm text-slate-700">
                {INSPECTION_STATUS_LABEL[i.status]} · {t.plannedFor(formatDate(i.plannedOn))}
                {i.conductedOn && ` · ${t.conductedOn}: ${formatDate(i.conductedOn)}`} · {t.counts(i.openFollowUps, i.overdueFollowUps)}
              </p>
              <p className="whitespace-pre-line">{i.scope}</p>
              {i.findings && (
                <div>
                  <h4 className="font-semibold">{t.findings}</h4>
                  <p className="whitespace-pre-line">{i.findings}</p>
                </div>
              )}
              {i.status === "PLANNED" && (
                <details>
                  <summary className="cursor-pointer font-medium">{t.recordFindings}</summary>
                  <ActionForm
                    id={`ket-qua-${i.id}`}
                    action={recordFindingsAction}
                    hidden={{ id: String(i.id) }}
                    fields={[
                      { name: "conductedOn", label: t.conductedOn, type: "date", required: true, defaultValue: i.plannedOn },
                      { name: "findings", label: t.findings, type: "textarea", required: true, maxLength: 8000 },
                    ]}
                    submitLabel={t.recordFindings}
                    pendingLabel={t.planning}
                  />
                </details>
              )}
              <h4 className="font-semibold">{t.followUps}</h4>
              {mine.length === 0 ? (
                <p>{t.noFollowUps}</p>
              ) : (
                <DataTable caption={t.followUpsCaption} columns={Object.values(t.followUpColumns)}>
                  {mine.map((f) => (
                    <tr key={f.id} className="border-b border-slate-200">
                      <td className="p-2">{f.action}</td>
                      <td className="p-2">{f.owner}</td>
                      <td className="p-2 whitespace-nowrap">{formatDate(f.dueDate)}</td>
                      <td className="p-2">
                        {f.doneOn ? (
                          t.doneOn(formatDate(f.doneOn))
                        ) : (
                          <>
                            <span className={f.dueDate < today ? "font-semibold text-red-800" : ""}>
                              {f.dueDate < today ? t.overdue : t.open}
                            </span>
                            <ActionForm
                              id={`xong-${f.id}`}
                              action={completeFollowUpAction}
                              fields={[]}
                              hidden={{ id: String(f.id) }}
                              submitLabel={t.markDone(f.action)}
                              pendingLabel={t.planning}
                              variant="secondary"
                            />
                          </>
                        )}
                      </td>
                    </tr>
                  ))}
                </DataTable>
              )}
              <details>
                <summary className="cursor-pointer font-medium">{t.addFollowUp}</summary>
                <ActionForm
                  id={`viec-${i.id}`}
                  action={addFollowUpAction}
                  hidden={{ inspectionId: String(i.id) }}
                  fields={[
                    { name: "action", label: t.action, type: "textarea", required: true, maxLength: 2000 },
                    { name: "owner", label: t.owner, required: true, maxLength: 300 },
                    { name: "dueDate", label: t.dueDate, type: "date", required: true },
                  ]}
                  submitLabel={t.addFollowUp}
                  pendingLabel={t.planning}
                />
              </details>
            </article>
          );
        })}
      </section>
    </div>
  );
}
