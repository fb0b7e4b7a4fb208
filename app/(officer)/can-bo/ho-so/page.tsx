import type { Metadata } from "next";
import { DataTable } from "@/components/ui/DataTable";
import Link from "next/link";
import { DueBadge } from "@/components/officer/DueBadge";
import { DueDate } from "@/components/dossiers/DueDate";
import { OfficerActionForm } from "@/components/officer/OfficerActionForm";
import { QueueKeys } from "@/components/officer/QueueKeys";
import { requirePermission } from "@/lib/auth/current-user";
import { loadCalendar } from "@/lib/calendar/store";
import { fieldCounts } from "@/lib/catalog/queries";
import { db } from "@/lib/db/client";
import { dueState } from "@/lib/dossiers/due";
import { agencyOfficers, transferredOut } from "@/lib/dossiers/officer";
import { ALL_TAB, listQueue, listSavedFilters, QUEUE_TABS, queueCounts, type QueueTab } from "@/lib/dossiers/queue";
import { dossierHref, effectiveSort, parseQueueParams, queueHref, queueParams } from "@/lib/dossiers/queue-params";
import { statusName } from "@/lib/dossiers/status";
import { formatDate } from "@/lib/format";
import { queueText as t } from "@/lib/i18n/vi/queue";
import { bulkAssignAction, deleteFilterAction, saveFilterAction } from "./actions";
import { decodeBulkOutcomes } from "./bulk-form";

export const metadata: Metadata = { title: "Hàng đợi hồ sơ" };

type SP = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;

const TABS: { slug: QueueTab; label: string }[] = [...QUEUE_TABS, ALL_TAB];
const tabClass = (current: boolean) =>
  `inline-block rounded border px-3 py-1 no-underline ${current ? "border-brand-800 bg-brand-800 text-white" : "border-slate-400 bg-white text-slate-900"}`;

/** Hidden inputs carrying the queue's filters, so a form posted from the queue comes back to the same queue. */
function FilterInputs({ params }: { params: Record<string, string> }) {
  return Object.entries(params).map(([k, v]) => <input key={k} type="hidden" name={k} value={v} />);
}

export default async function QueuePage({ searchParams }: { searchParams: Promise<SP> }) {
  const user = await requirePermission("workspace.read", "/can-bo/ho-so");
  const sp = await searchParams;
  const outgoing = one(sp.tab) === "da-chuyen";
  const filters = parseQueueParams(sp);
  const tab = filters.tab;
  const sort = effectiveSort(filters);
  const after = one(sp.sau);
  const now = new Date();
  const [counts, page, officers, fields, calendar, sent, saved] = await Promise.all([
    queueCounts(user, filters),
    outgoing ? Promise.resolve({ rows: [], total: 0, next: undefined }) : listQueue(user, filters, after),
    agencyOfficers(user),
    fieldCounts(),
    loadCalendar(db, now),
    outgoing ? transferredOut(user) : Promise.resolve([]),
    listSavedFilters(user),
  ]);
  const params = queueParams(filters);
  const outcomes = decodeBulkOutcomes(one(sp["ket-qua"]));
  const showStatus = tab === ALL_TAB.slug || (QUEUE_TABS.find((x) => x.slug === tab)?.statuses.length ?? 1) > 1;
  const elsewhere = filters.q && counts[tab] === 0 ? QUEUE_TABS.filter((x) => counts[x.slug] > 0) : [];
  const flipSort = sort === "dueAsc" ? "dueDesc" : "dueAsc";
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t.title}</h1>
      <nav aria-label={t.tabsLabel}>
        <ul className="flex flex-wrap gap-2 text-sm">
          {TABS.map((x) => (
            <li key={x.slug}>
              {/* The tab keeps the filters: its count is what it lists under them. */}
              <Link
                href={queueHref({ ...filters, tab: x.slug })}
                aria-current={!outgoing && x.slug === tab ? "page" : undefined}
                className={tabClass(!outgoing && x.slug === tab)}
              >
                {x.label} <span data-testid={`dem-${x.slug}`}>({counts[x.slug]})</span>
              </Link>
            </li>
          ))}
          <li>
            <Link href="/can-bo/ho-so?tab=da-chuyen" aria-current={outgoing ? "page" : undefined} className={tabClass(outgoing)}>
              {t.transferred}
            </Link>
          </li>
        </ul>
      </nav>

      {outgoing ? (
        <DataTable caption="Hồ sơ đã chuyển cơ quan khác" columns={["Mã hồ sơ", "Thủ tục", "Chuyển tới", "Trạng thái hiện tại"]}>
          {sent.map((s) => (
            <tr key={`${s.dossier.code}-${s.at.toISOString()}`} className="border-b">
              <td className="p-2">
                <Link href={`/can-bo/ho-so/${s.dossier.code}`}>{s.dossier.code}</Link>
              </td>
              <td className="p-2">{s.dossier.service.name}</td>
              <td className="p-2">
                {s.toAgency.name}
                <br />
                <span className="text-slate-700">{formatDate(s.at)}</span>
              </td>
              <td className="p-2">{statusName(s.dossier.status)}</td>
            </tr>
          ))}
        </DataTable>
      ) : (
        <>
          <form method="get" action="/can-bo/ho-so" className="card grid gap-3 sm:grid-cols-2 lg:grid-cols-6" aria-label={t.filter.legend}>
            <input type="hidden" name="tab" value={tab} />
            <div className="sm:col-span-2">
              <label htmlFor="loc-q" className="block text-sm font-medium">
                {t.filter.q}
              </label>
              <input id="loc-q" name="q" className="input" defaultValue={filters.q} maxLength={100} aria-describedby="loc-q-goi-y" />
              <p id="loc-q-goi-y" className="text-xs text-slate-700">
                {t.filter.qHelp}
              </p>
            </div>
            <div>
              <label htmlFor="loc-linh-vuc" className="block text-sm font-medium">
                {t.filter.field}
              </label>
              <select id="loc-linh-vuc" name="linh-vuc" className="input" defaultValue={filters.fieldSlug ?? ""}>
                <option value="">Tất cả</option>
                {fields.map((f) => (
                  <option key={f.key} value={f.key}>
                    {f.label}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor="loc-can-bo" className="block text-sm font-medium">
                {t.filter.assignee}
              </label>
              <select id="loc-can-bo" name="can-bo" className="input" defaultValue={filters.assignee ?? ""}>
                <option value="">{t.filter.assigneeAll}</option>
                <option value="me">{t.filter.assigneeMe}</option>
                <option value="none">{t.filter.assigneeNone}</option>
                {officers.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.fullName}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor="loc-han" className="block text-sm font-medium">
                {t.filter.due}
              </label>
              <select id="loc-han" name="han" className="input" defaultValue={filters.due === "overdue" ? "qua-han" : ""}>
                <option value="">{t.filter.dueAll}</option>
                <option value="qua-han">{t.filter.dueOverdue}</option>
              </select>
            </div>
            <div>
              <label htmlFor="loc-sap-xep" className="block text-sm font-medium">
                {t.filter.sort}
              </label>
              <select id="loc-sap-xep" name="sap-xep" className="input" defaultValue={sort === "dueAsc" ? "han-tang" : "han-giam"}>
                <option value="han-tang">{t.filter.sortAsc}</option>
                <option value="han-giam">{t.filter.sortDesc}</option>
              </select>
            </div>
            <div className="grid grid-cols-2 gap-2 sm:col-span-2">
              <div>
                <label htmlFor="loc-tu" className="block text-sm font-medium">
                  {t.filter.from}
                </label>
                <input id="loc-tu" name="tu" type="date" className="input" defaultValue={filters.submittedFrom} />
              </div>
              <div>
                <label htmlFor="loc-den" className="block text-sm font-medium">
                  {t.filter.to}
                </label>
                <input id="loc-den" name="den" type="date" className="input" defaultValue={filters.submittedTo} />
              </div>
            </div>
            <div className="flex flex-wrap items-end gap-2 sm:col-span-2 lg:col-span-4">
              <button type="submit" className="btn btn-primary">
                {t.filter.submit}
              </button>
              <Link href={`/can-bo/ho-so?tab=${tab}`} className="btn btn-secondary">
                {t.filter.clear}
              </Link>
            </div>
          </form>

          <section className="card space-y-2" aria-labelledby="bo-loc-tieu-de">
            <h2 id="bo-loc-tieu-de" className="font-semibold">
              {t.savedFilter.heading}
            </h2>
            {one(sp["bo-loc"]) && <p role="status">{one(sp["bo-loc"]) === "da-xoa" ? t.savedFilter.deleted : t.savedFilter.notFound}</p>}
            {saved.length === 0 ? (
              <p className="text-sm text-slate-700">{t.savedFilter.none}</p>
            ) : (
              <ul className="flex flex-wrap gap-x-4 gap-y-1" data-testid="bo-loc-da-luu">
                {saved.map((s) => (
                  <li key={s.id} className="flex items-center gap-1">
                    <Link href={queueHref(s.filters)} aria-label={t.savedFilter.apply(s.name)}>
                      {s.name}
                    </Link>
                    <form action={deleteFilterAction}>
                      <input type="hidden" name="id" value={s.id} />
                      <FilterInputs params={params} />
                      <button
                        type="submit"
                        className="btn btn-secondary px-2 py-0.5 text-sm"
                        aria-label={t.savedFilter.deleteLabel(s.name)}
                      >
                        {t.savedFilter.delete}
                      </button>
                    </form>
                  </li>
                ))}
              </ul>
            )}
            {/* Closed until asked for: the queue's own "Lọc" stays the one button of that name. */}
            <details>
              <summary className="cursor-pointer">{t.savedFilter.open}</summary>
              <OfficerActionForm
                id="luu-bo-loc"
                title={t.savedFilter.saveTitle}
                submitLabel={t.savedFilter.save}
                action={saveFilterAction}
                hidden={params}
                fields={[{ name: "name", label: t.savedFilter.name, type: "text", required: true }]}
              />
            </details>
          </section>

          <p aria-live="polite" data-testid="tong-so">
            {t.summary(page.total.toLocaleString("vi-VN"), sort)}
          </p>
          {elsewhere.length > 0 && (
            <p role="status" data-testid="muc-khac">
              {t.elsewhere}{" "}
              {elsewhere.map((x, i) => (
                <span key={x.slug}>
                  {i > 0 && ", "}
                  <Link href={queueHref({ ...filters, tab: x.slug })}>
                    {x.label} ({counts[x.slug]})
                  </Link>
                </span>
              ))}
            </p>
          )}
          {outcomes.length > 0 && (
            <section role="status" aria-labelledby="ket-qua-tieu-de" className="card" data-testid="ket-qua-hang-loat">
              <h2 id="ket-qua-tieu-de" className="font-semibold">
                {t.bulk.resultTitle}
              </h2>
              <ul>
                {outcomes.map((o) => (
                  <li key={o.code}>
                    {o.code}: {o.ok ? t.bulk.done : `${t.bulk.refused}. ${t.bulk.reason[o.reason] ?? t.bulk.reason.unexpected}`}
                  </li>
                ))}
              </ul>
            </section>
          )}
          {one(sp.loi) === "chua-chon" && (
            <p role="alert" className="font-semibold text-red-800">
              {t.bulk.noneSelected}
            </p>
          )}

          <form id="hang-loat" action={bulkAssignAction} className="card flex flex-wrap items-end gap-2" aria-label={t.bulk.legend}>
            <FilterInputs params={params} />
            {after && <input type="hidden" name="sau" value={after} />}
            {page.rows.map((r) => (
              <input key={r.id} type="hidden" name="trang" value={r.code} />
            ))}
            <div>
              <label htmlFor="hang-loat-can-bo" className="block text-sm font-medium">
                {t.bulk.assignee}
              </label>
              <select
                id="hang-loat-can-bo"
                name="assigneeId"
                className="input"
                defaultValue={officers.some((o) => o.id === user.id) ? user.id : (officers[0]?.id ?? "")}
              >
                <option value="">{t.bulk.unassign}</option>
                {officers.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.fullName}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="btn btn-primary">
              {t.bulk.assign}
            </button>
            <button
              type="submit"
              className="btn btn-secondary"
              formAction="/can-bo/ho-so/in-bien-nhan"
              formMethod="get"
              formTarget="_blank"
            >
              {t.bulk.print}
            </button>
          </form>

          <p className="text-sm text-slate-700">{t.keyboard}</p>
          <div className="overflow-x-auto">
            <table className="w-full bg-white text-left text-sm" data-testid="hang-doi">
              <caption className="sr-only">Danh sách hồ sơ</caption>
              <thead>
                <tr className="border-b">
                  <th scope="col" className="p-2">
                    <input
                      type="checkbox"
                      name="chon-tat-ca"
                      value="1"
                      form="hang-loat"
                      aria-label={t.selectAll}
                      data-hang-doi-chon-tat-ca=""
                      className="h-5 w-5"
                    />
                  </th>
                  <th scope="col" className="p-2">
                    {t.columns.code}
                  </th>
                  <th scope="col" className="p-2">
                    {t.columns.applicant}
                  </th>
                  <th scope="col" className="p-2">
                    {t.columns.service}
                  </th>
                  <th scope="col" className="p-2">
                    {t.columns.submitted}
                  </th>
                  <th scope="col" className="p-2" aria-sort={sort === "dueAsc" ? "ascending" : "descending"}>
                    <Link href={queueHref({ ...filters, sort: flipSort })} data-testid="sap-xep-han">
                      {t.columns.due} <span aria-hidden="true">{sort === "dueAsc" ? "▲" : "▼"}</span>
                      <span className="sr-only"> ({flipSort === "dueAsc" ? t.sortBy.asc : t.sortBy.desc})</span>
                    </Link>
                  </th>
                  {showStatus && (
                    <th scope="col" className="p-2">
                      {t.columns.status}
                    </th>
                  )}
                  <th scope="col" className="p-2">
                    {t.columns.assignee}
                  </th>
                </tr>
              </thead>
              <tbody>
                {page.rows.length === 0 && (
                  <tr>
                    <td colSpan={showStatus ? 8 : 7} className="p-4 text-center text-slate-700">
                      {t.empty}
                    </td>
                  </tr>
                )}
                {page.rows.map((r) => (
                  <tr key={r.id} className="border-b focus-within:bg-brand-50" data-testid="dong-ho-so">
                    <td className="p-2">
                      <input
                        type="checkbox"
                        name="ma"
                        value={r.code}
                        form="hang-loat"
                        aria-label={t.selectRow(r.code)}
                        data-hang-doi-chon=""
                        className="h-5 w-5"
                      />
                    </td>
                    <td className="p-2">
                      <Link href={dossierHref(r.code, filters)} data-hang-doi-ma={r.code}>
                        {r.code}
                      </Link>
                    </td>
                    <td className="p-2">{r.applicantName}</td>
                    <td className="p-2">{r.serviceName}</td>
                    <td className="p-2">{formatDate(r.submittedAt)}</td>
                    <td className="p-2" data-testid="han-tra">
                      <DueDate dueAt={r.dueAt} legalDueAt={r.legalDueAt} /> <DueBadge state={dueState(r, now, calendar)} />
                    </td>
                    {showStatus && <td className="p-2">{statusName(r.status)}</td>}
                    <td className="p-2" data-testid="can-bo-xu-ly">
                      {r.assigneeName ?? "—"}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <nav aria-label={t.paging.label} className="flex gap-2">
            {after && (
              <Link href={queueHref(filters)} className="btn btn-secondary">
                {t.paging.first}
              </Link>
            )}
            {page.next && (
              <Link href={queueHref(filters, { sau: page.next })} className="btn btn-secondary">
                {t.paging.next}
              </Link>
            )}
          </nav>
          <QueueKeys mode="queue" />
        </>
      )}
    </div>
  );
}
