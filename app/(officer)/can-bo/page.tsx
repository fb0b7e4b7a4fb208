import type { Metadata } from "next";
import Link from "next/link";
import { CursorPager } from "@/components/catalog/Pager";
import { CatalogList } from "@/components/catalog/CatalogList";
import { officerAgencyOverview } from "@/lib/agencies/workspace";
import { requirePermission } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { parseCatalogParams, type SearchParams } from "@/lib/catalog/params";
import { listCatalog } from "@/lib/catalog/queries";
import { catalogText } from "@/lib/i18n/vi/catalog";
import { commonText } from "@/lib/i18n/vi/common";

export const metadata: Metadata = { title: commonText.workspace };

export default async function OfficerHome({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePermission("workspace.read", "/can-bo");
  const overview = await officerAgencyOverview(user);
  if (!overview) {
    return (
      <div className="card">
        <h1 className="text-2xl font-bold">{commonText.workspace}</h1>
        <p>Tài khoản chưa được gắn với cơ quan nào. Vui lòng liên hệ quản trị cơ quan.</p>
      </div>
    );
  }
  const { page } = parseCatalogParams(await searchParams);
  const services = await listCatalog({ agency: overview.agency.identifier }, page.kind === "page" ? { kind: "first" } : page);
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-bold">{commonText.workspace}</h1>
        <p className="text-slate-700">
          {overview.agency.name} · <span className="font-mono">{overview.agency.identifier}</span>
        </p>
        <p className="mt-2 flex flex-wrap gap-2">
          <Link href="/can-bo/ho-so" className="btn btn-primary">
            Hàng đợi hồ sơ
          </Link>
          {can(user, "feedback.handle") && (
            <Link href="/can-bo/phan-anh" className="btn btn-secondary">
              Phản ánh, kiến nghị
            </Link>
          )}
          <Link href="/can-bo/thong-ke" className="btn btn-secondary">
            Thống kê
          </Link>
          {can(user, "agency.manageOfficers") && (
            <Link href="/can-bo/quan-tri-co-quan/can-bo" className="btn btn-secondary">
              Quản lý cán bộ
            </Link>
          )}
          {can(user, "agency.manageServices") && (
            <Link href="/can-bo/quan-tri-co-quan/dich-vu" className="btn btn-secondary">
              Quản lý dịch vụ
            </Link>
          )}
        </p>
      </header>
      <section aria-labelledby="tong-quan" className="grid gap-3 sm:grid-cols-3">
        <h2 id="tong-quan" className="sr-only">
          Tổng quan
        </h2>
        {overview.byLevel.map((l) => (
          <div key={l.level} className="card">
            <p className="text-sm text-slate-700">{catalogText.levelName(l.level)}</p>
            <p className="text-2xl font-bold">{l.count.toLocaleString("vi-VN")}</p>
          </div>
        ))}
        <div className="card">
          <p className="text-sm text-slate-700">Cán bộ đang hoạt động</p>
          <p className="text-2xl font-bold">{overview.officers}</p>
        </div>
      </section>
      <section aria-labelledby="dich-vu">
        <h2 id="dich-vu" className="mb-2 text-lg font-semibold">
          {catalogText.agencyPage.services} ({services.total.toLocaleString("vi-VN")})
        </h2>
        <CatalogList items={services.items} />
        <CursorPager base="/can-bo" params={{}} prev={services.prev} next={services.next} />
      </section>
    </div>
  );
}
