import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/current-user";
import { verifyDossierHistories } from "@/lib/dossiers/integrity";

export const metadata: Metadata = { title: "Kiểm tra toàn vẹn lịch sử hồ sơ" };

const PROBLEM: Record<string, string> = {
  hash_mismatch: "Nội dung sự kiện đã bị sửa (mã băm không khớp)",
  broken_link: "Chuỗi liên kết bị đứt (sự kiện trước đã bị sửa hoặc xóa)",
  gap: "Thiếu sự kiện (số thứ tự không liên tục)",
  count_mismatch: "Số sự kiện không khớp số phiên bản hồ sơ (sự kiện cuối có thể đã bị xóa)",
};

export default async function IntegrityPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission("audit.read", "/quan-tri/kiem-tra-lich-su");
  const raw = (await searchParams).ma;
  const code = typeof raw === "string" && raw.trim() ? raw.trim().slice(0, 40) : undefined;
  const report = await verifyDossierHistories(code ? { codes: [code] } : { latest: 500 });
  return (
    <div className="space-y-4">
      <p className="text-sm">
        <Link href="/quan-tri">← Quản trị</Link>
      </p>
      <h1 className="text-2xl font-bold">Kiểm tra toàn vẹn lịch sử hồ sơ</h1>
      <p>Mỗi sự kiện xử lý hồ sơ mang mã băm của sự kiện trước; hệ thống tính lại toàn bộ chuỗi để phát hiện sự kiện bị sửa hoặc bị xóa.</p>
      <form method="get" className="flex flex-col gap-2 sm:flex-row" role="search">
        <label htmlFor="ma" className="sr-only">
          Mã hồ sơ
        </label>
        <input id="ma" name="ma" className="input flex-1" defaultValue={code} placeholder="Mã hồ sơ (để trống: 500 hồ sơ gần nhất)" />
        <button type="submit" className="btn btn-primary">
          Kiểm tra
        </button>
      </form>
      <p role="status" data-testid="ket-qua-kiem-tra">
        Đã kiểm tra {report.checked} hồ sơ:{" "}
        {report.problems.length === 0 ? "không phát hiện sai lệch." : `${report.problems.length} hồ sơ có sai lệch.`}
      </p>
      {report.problems.length > 0 && (
        <table className="w-full bg-white text-left text-sm">
          <caption className="sr-only">Hồ sơ có sai lệch</caption>
          <thead>
            <tr className="border-b">
              <th scope="col" className="p-2">
                Mã hồ sơ
              </th>
              <th scope="col" className="p-2">
                Sự kiện
              </th>
              <th scope="col" className="p-2">
                Sai lệch
              </th>
            </tr>
          </thead>
          <tbody>
            {report.problems.flatMap((p) =>
              p.problems.map((x) => (
                <tr key={`${p.code}-${x.seq}-${x.problem}`} className="border-b">
                  <td className="p-2">{p.code}</td>
                  <td className="p-2">{x.seq}</td>
                  <td className="p-2 font-semibold text-red-800">{PROBLEM[x.problem]}</td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      )}
    </div>
  );
}
