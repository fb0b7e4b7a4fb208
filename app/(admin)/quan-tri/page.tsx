import type { Metadata } from "next";
import Link from "next/link";
import { MilestoneSummary } from "@/components/admin/MilestoneSummary";
import { FeedbackStats } from "@/components/feedback/FeedbackStats";
import { SyncSummary } from "@/components/admin/SyncSummary";
import { recentAuditEvents, portalCounts } from "@/lib/audit/queries";
import { requirePermission } from "@/lib/auth/current-user";
import { formatDateTime } from "@/lib/format";
import { auditActionLabel, auditActorLabel, auditEntityLabel, auditOutcomeLabel, roleText } from "@/lib/i18n/vi/audit";
import { calendarText } from "@/lib/i18n/vi/calendar";
import { catalogText } from "@/lib/i18n/vi/catalog";
import { commonText } from "@/lib/i18n/vi/common";
import { integrationText, resolutionText } from "@/lib/i18n/vi/monitoring";
import { connectedCount, countStates, integrationOverview } from "@/lib/monitoring/integration";
import { levelProgress, levelTotals } from "@/lib/monitoring/resolution36a";

export const metadata: Metadata = { title: commonText.admin };

export default async function AdminHome() {
  await requirePermission("admin.read", "/quan-tri");
  const [counts, events, integration, levels] = await Promise.all([
    portalCounts(),
    recentAuditEvents(50),
    integrationOverview(),
    levelProgress(),
  ]);
  const states = countStates(integration);
  const level = levelTotals(levels);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Quản trị Cổng Dịch vụ công Quốc gia</h1>
      <p className="flex flex-wrap gap-4">
        <Link href="/quan-tri/lich-lam-viec">{calendarText.title}</Link>
        <Link href="/quan-tri/kiem-tra-lich-su">Kiểm tra toàn vẹn lịch sử hồ sơ</Link>
        <Link href="/quan-tri/ket-noi">{integrationText.title}</Link>
        <Link href="/quan-tri/nghi-quyet-36a">{resolutionText.title}</Link>
        <Link href="/thong-ke">Thống kê công khai</Link>
        <Link href="/quan-tri/danh-muc-uu-tien">Danh mục dịch vụ công ưu tiên</Link>
        <Link href="/quan-tri/moc-tien-do">Mốc tiến độ</Link>
        <Link href="/quan-tri/thanh-tra">Kiểm tra các cơ quan</Link>
        <Link href="/quan-tri/co-quan">Sổ đăng ký cơ quan</Link>
        <Link href="/quan-tri/bieu-mau">Biểu mẫu (tờ khai)</Link>
        <Link href="/quan-tri/tu-dong-nghia">Từ đồng nghĩa khi tìm kiếm</Link>
        <Link href="/quan-tri/hoi-dap">Câu hỏi thường gặp</Link>
        <Link href="/quan-tri/phan-anh">Phản ánh, kiến nghị — điều phối</Link>
        <Link href="/quan-tri/thong-diep-loi">Thông điệp chuyển không thành công</Link>
        <Link href="/can-bo/quan-tri-co-quan/ket-noi">Khóa API và địa chỉ nhận của VPCP</Link>
      </p>
      <section aria-labelledby="giam-sat" className="grid gap-3 lg:grid-cols-2">
        <h2 id="giam-sat" className="sr-only">
          Giám sát Chính phủ điện tử
        </h2>
        <div className="card space-y-2">
          <h3 className="text-lg font-semibold">
            <Link href="/quan-tri/ket-noi">{integrationText.title}</Link>
          </h3>
          <p className="text-xl font-bold" data-testid="dashboard-headline">
            {integrationText.headline(connectedCount(states.central), connectedCount(states.provinces))}
          </p>
          <p className="text-sm text-slate-700">
            {integrationText.headlineDetail(
              states.central.BOTH_WAYS + states.provinces.BOTH_WAYS,
              states.central.RECEIVING_ONLY + states.provinces.RECEIVING_ONLY,
              states.central.TESTING + states.provinces.TESTING,
              states.central.NOT_CONNECTED + states.provinces.NOT_CONNECTED,
            )}
          </p>
        </div>
        <div className="card space-y-2">
          <h3 className="text-lg font-semibold">
            <Link href="/quan-tri/nghi-quyet-36a">{resolutionText.title}</Link>
          </h3>
          <p className="text-xl font-bold" data-testid="dashboard-36a">
            {resolutionText.columns.share34}: {level.share34 == null ? "—" : resolutionText.percent(level.share34)}
          </p>
          <p className="text-sm text-slate-700">
            {resolutionText.reached(level.agenciesReached, level.agencies)} · {resolutionText.columns.remaining}:{" "}
            {level.remaining.toLocaleString("vi-VN")}
          </p>
        </div>
        <MilestoneSummary />
      </section>
      {/* Issue 18: feedback received, answered on time and overdue per agency (components/feedback). */}
      <FeedbackStats />
      {/* Issue 17: dossiers synced with the provinces' one-stop systems, pilots first. */}
      <SyncSummary />
      <section aria-labelledby="so-lieu" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <h2 id="so-lieu" className="sr-only">
          Số liệu
        </h2>
        {counts.agencies.map((a) => (
          <div key={a.kind} className="card">
            <p className="text-sm text-slate-700">{catalogText.agencyKind[a.kind]}</p>
            <p className="text-2xl font-bold">{a.count}</p>
          </div>
        ))}
        <div className="card">
          <p className="text-sm text-slate-700">Thủ tục hành chính</p>
          <p className="text-2xl font-bold">{counts.procedures.toLocaleString("vi-VN")}</p>
        </div>
        <div className="card">
          <p className="text-sm text-slate-700">Dịch vụ công của các cơ quan</p>
          <p className="text-2xl font-bold">{counts.services.toLocaleString("vi-VN")}</p>
        </div>
        {counts.users.map((u) => (
          <div key={u.role} className="card">
            <p className="text-sm text-slate-700">Tài khoản {roleText[u.role].toLowerCase()}</p>
            <p className="text-2xl font-bold">{u.count.toLocaleString("vi-VN")}</p>
          </div>
        ))}
      </section>
      <section aria-labelledby="nhat-ky">
        <h2 id="nhat-ky" className="mb-2 text-lg font-semibold">
          Nhật ký hệ thống (50 sự kiện gần nhất)
        </h2>
        {/* Scrolls sideways at 320 px: focusable so the keyboard can scroll it (axe scrollable-region-focusable). */}
        <div className="overflow-x-auto" tabIndex={0} role="region" aria-labelledby="nhat-ky">
          <table className="w-full border-collapse bg-white text-left text-sm">
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="p-2">
                  Thời điểm
                </th>
                <th scope="col" className="p-2">
                  Hành động
                </th>
                <th scope="col" className="p-2">
                  Kết quả
                </th>
                <th scope="col" className="p-2">
                  Vai trò
                </th>
                <th scope="col" className="p-2">
                  Đối tượng
                </th>
                <th scope="col" className="p-2">
                  Địa chỉ
                </th>
              </tr>
            </thead>
            <tbody>
              {events.map((e) => (
                <tr key={String(e.id)} className="border-b border-slate-200">
                  <td className="p-2 whitespace-nowrap">{formatDateTime(e.at)}</td>
                  {/* Words, never the stored code (lib/i18n/vi/audit.ts); the code stays in the table for machines. */}
                  <td className="p-2" data-col="action">
                    {auditActionLabel(e.action)}
                  </td>
                  <td className={`p-2 ${e.outcome === "ok" ? "" : "font-semibold text-red-800"}`}>{auditOutcomeLabel(e.outcome)}</td>
                  <td className="p-2">{auditActorLabel(e.actorRole, e.actorKind)}</td>
                  <td className="p-2">{auditEntityLabel(e.entityType, e.entityId)}</td>
                  <td className="p-2">{e.ip}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
