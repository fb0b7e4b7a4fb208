import type { Metadata } from "next";
import { DataTable } from "@/components/ui/DataTable";
import Link from "next/link";
import { DueBadge } from "@/components/officer/DueBadge";
import { requirePermission } from "@/lib/auth/current-user";
import { loadCalendar } from "@/lib/calendar/store";
import { fieldCounts } from "@/lib/catalog/queries";
import { db } from "@/lib/db/client";
import { dueState } from "@/lib/dossiers/due";
import {
  agencyOfficers,
  listQueue,
  QUEUE_TABS,
  queueCounts,
  transferredOut,
  type QueueFilters,
  type QueueTab,
} from "@/lib/dossiers/officer";
import { statusName } from "@/lib/dossiers/status";
import { formatDate } from "@/lib/format";
import { isIsoDate } from "@/lib/calendar/time";

export const metadata: Metadata = { title: "Hàng đợi hồ sơ" };

type SP = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;
const isoDate = (v: string | undefined) => (v && isIsoDate(v) ? v : undefined);

export default async function QueuePage({ searchParams }: { searchParams: Promise<SP> }) {
  const user = await requirePermission("workspace.read", "/can-bo/ho-so");
  const sp = await searchParams;
  const tabParam = one(sp.tab);
  const outgoing = tabParam === "da-chuyen";
  const tab = (QUEUE_TABS.find((t) => t.slug === tabParam)?.slug ?? "cho-tiep-nhan") as QueueTab;
  const filters: QueueFilters = {
    tab,
    fieldSlug: one(sp["linh-vuc"]),
    submittedFrom: isoDate(one(sp.tu)),
    submittedTo: isoDate(one(sp.den)),
    assignee: one(sp["can-bo"]),
    q: one(sp.q)?.slice(0, 100),
  };
  const now = new Date();
  const [counts, page, officers, fields, calendar, sent] = await Promise.all([
    queueCounts(user),
    outgoing ? Promise.resolve({ rows: [], total: 0, next: undefined }) : listQueue(user, filters, one(sp.sau)),
    agencyOfficers(user),
    fieldCounts(),
    loadCalendar(db, now),
    outgoing ? transferredOut(user) : Promise.resolve([]),
  ]);
  const keep = (extra: Record<string, string | undefined>) => {
    const base: Record<string, string | undefined> = {
      tab,
      "linh-vuc": filters.fieldSlug,
      tu: filters.submittedFrom,
      den: filters.submittedTo,
      "can-bo": filters.assignee,
      q: filters.q,
      ...extra,
    };
    return `/can-bo/ho-so?${new URLSearchParams(Object.entries(base).filter((e): e is [string, string] => !!e[1]))}`;
  };
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Hàng đợi hồ sơ một cửa</h1>
      <nav aria-label="Tình trạng hồ sơ">
        <ul className="flex flex-wrap gap-2 text-sm">
          {QUEUE_TABS.map((t) => (
            <li key={t.slug}>
              <Link
                href={`/can-bo/ho-so?tab=${t.slug}`}
                aria-current={!outgoing && t.slug === tab ? "page" : undefined}
                className={`inline-block rounded border px-3 py-1 no-underline ${!outgoing && t.slug === tab ? "border-brand-800 bg-brand-800 text-white" : "border-slate-400 bg-white text-slate-900"}`}
              >
                {t.label} <span data-testid={`dem-${t.slug}`}>({counts[t.slug]})</span>
              </Link>
            </li>
          ))}
          <li>
            <Link
              href="/can-bo/ho-so?tab=da-chuyen"
              aria-current={outgoing ? "page" : undefined}
              className={`inline-block rounded border px-3 py-1 no-underline ${outgoing ? "border-brand-800 bg-brand-800 text-white" : "border-slate-400 bg-white text-slate-900"}`}
            >
              Đã chuyển cơ quan khác
            </Link>
          </li>
        </ul>
      </nav>

      {outgoing ? (
        <DataTable caption="Hồ sơ đã chuyển cơ quan khác" columns={["Mã hồ sơ", "Thủ tục", "Chuyển tới", "Trạng thái hiện tại"]}>
          {sent.map((t) => (
            <tr key={`${t.dossier.code}-${t.at.toISOString()}`} className="border-b">
              <td className="p-2">
                <Link href={`/can-bo/ho-so/${t.dossier.code}`}>{t.dossier.code}</Link>
              </td>
              <td className="p-2">{t.dossier.service.name}</td>
              <td className="p-2">
                {t.toAgency.name}
                <br />
                <span className="text-slate-700">{formatDate(t.at)}</span>
              </td>
              <td className="p-2">{statusName(t.dossier.status)}</td>
            </tr>
          ))}
        </DataTable>
      ) : (
        <>
          <form method="get" action="/can-bo/ho-so" className="card grid gap-3 sm:grid-cols-2 lg:grid-cols-5" aria-label="Lọc hồ sơ">
            <input type="hidden" name="tab" value={tab} />
            <div className="lg:col-span-2">
              <label htmlFor="loc-q" className="block text-sm font-medium">
                Mã hồ sơ hoặc tên người nộp
              </label>
              <input id="loc-q" name="q" className="input" defaultValue={filters.q} maxLength={100} />
            </div>
            <div>
              <label htmlFor="loc-linh-vuc" className="block text-sm font-medium">
                Lĩnh vực
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
                Cán bộ xử lý
              </label>
              <select id="loc-can-bo" name="can-bo" className="input" defaultValue={filters.assignee ?? ""}>
                <option value="">Tất cả</option>
                <option value="me">Hồ sơ của tôi</option>
                <option value="none">Chưa phân công</option>
                {officers.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.fullName}
                  </option>
                ))}
              </select>
            </div>
            <div className="grid grid-cols-2 gap-2 sm:col-span-2 lg:col-span-1 lg:min-w-[18rem]">
              <div>
                <label htmlFor="loc-tu" className="block text-sm font-medium">
                  Nộp từ ngày
                </label>
                <input id="loc-tu" name="tu" type="date" className="input" defaultValue={filters.submittedFrom} />
              </div>
              <div>
                <label htmlFor="loc-den" className="block text-sm font-medium">
                  đến ngày
                </label>
                <input id="loc-den" name="den" type="date" className="input" defaultValue={filters.submittedTo} />
              </div>
            </div>
            <div className="flex gap-2 lg:col-span-5">
              <button type="submit" className="btn btn-primary">
                Lọc
              </button>
              <Link href={`/can-bo/ho-so?tab=${tab}`} className="btn btn-secondary">
                Xóa bộ lọc
              </Link>
            </div>
          </form>
          <p aria-live="polite">{page.total.toLocaleString("vi-VN")} hồ sơ, sắp xếp theo hạn trả kết quả gần nhất.</p>
          <div className="overflow-x-auto">
            <table className="w-full bg-white text-left text-sm" data-testid="hang-doi">
              <caption className="sr-only">Danh sách hồ sơ</caption>
              <thead>
                <tr className="border-b">
                  <th scope="col" className="p-2">
                    Mã hồ sơ
                  </th>
                  <th scope="col" className="p-2">
                    Người nộp
                  </th>
                  <th scope="col" className="p-2">
                    Thủ tục
                  </th>
                  <th scope="col" className="p-2">
                    Ngày nộp
                  </th>
                  <th scope="col" className="p-2">
                    Hạn trả
                  </th>
                  <th scope="col" className="p-2">
                    Cán bộ xử lý
                  </th>
                </tr>
              </thead>
              <tbody>
                {page.rows.length === 0 && (
                  <tr>
                    <td colSpan={6} className="p-4 text-center text-slate-700">
                      Không có hồ sơ nào ở mục này.
                    </td>
                  </tr>
                )}
                {page.rows.map((r) => (
                  <tr key={r.id} className="border-b">
                    <td className="p-2">
                      <Link href={`/can-bo/ho-so/${r.code}`}>{r.code}</Link>
                    </td>
                    <td className="p-2">{r.applicantName}</td>
                    <td className="p-2">{r.serviceName}</td>
                    <td className="p-2">{formatDate(r.submittedAt)}</td>
                    <td className="p-2">
                      {r.dueAt ? formatDate(r.dueAt) : "—"} <DueBadge state={dueState(r, now, calendar)} />
                    </td>
                    <td className="p-2">{r.assigneeName ?? "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <nav aria-label="Phân trang" className="flex gap-2">
            {one(sp.sau) && (
              <Link href={keep({ sau: undefined })} className="btn btn-secondary">
                Trang đầu
              </Link>
            )}
            {page.next && (
              <Link href={keep({ sau: page.next })} className="btn btn-secondary">
                Trang sau
              </Link>
            )}
          </nav>
        </>
      )}
    </div>
  );
}
