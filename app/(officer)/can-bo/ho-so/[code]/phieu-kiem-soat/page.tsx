// Form 05 (phiếu kiểm soát quá trình giải quyết hồ sơ) on screen: every hand-over of the dossier as an accessible table.
import { notFound } from "next/navigation";
import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/current-user";
import { officerControlSheet, type ControlSheetRow } from "@/lib/dossiers/control-sheet";
import { differingLegalDue } from "@/lib/dossiers/due";
import { dueDateText } from "@/lib/i18n/vi/due-dates";
import { orPageError } from "@/lib/errors/page";
import { formatDate, formatDateTime } from "@/lib/format";
import { FORM_TITLE, TIMING_LABEL, type HandOverParty } from "@/lib/pdf/one-stop-forms";
import { decodeSegment } from "@/lib/http/segment";

export const metadata: Metadata = { title: "Phiếu kiểm soát quá trình giải quyết hồ sơ" };

function Party({ p }: { p: HandOverParty | null }) {
  if (!p) return <span aria-label="Không có">—</span>;
  return (
    <>
      {p.person ?? p.role}
      {p.person && p.role && <span className="text-slate-700"> ({p.role})</span>}
      {p.agency && <span className="block text-slate-700">{p.agency}</span>}
    </>
  );
}

function Timing({ row }: { row: ControlSheetRow }) {
  if (!row.timing) return <>—</>;
  return <span className={row.timing === "late" ? "font-semibold text-red-800" : undefined}>{TIMING_LABEL[row.timing]}</span>;
}

export default async function ControlSheetPage({ params }: { params: Promise<{ code: string }> }) {
  const code = decodeSegment((await params).code) ?? notFound();
  const user = await requirePermission("workspace.read", `/can-bo/ho-so/${code}/phieu-kiem-soat`);
  const sheet = orPageError(await officerControlSheet(user, code));
  return (
    <article className="card space-y-4">
      <header className="space-y-1">
        <p className="text-sm text-slate-700">Mẫu số 05 — Thông tư 01/2018/TT-VPCP</p>
        <h1 className="text-xl font-bold">{FORM_TITLE.controlSheet}</h1>
        <p>
          Mã hồ sơ: <strong className="font-mono">{sheet.code}</strong>
        </p>
      </header>
      <dl className="grid gap-1 sm:grid-cols-[16rem_1fr]">
        <dt className="text-slate-700">Người nộp hồ sơ</dt>
        <dd>{sheet.applicantName}</dd>
        <dt className="text-slate-700">Nội dung yêu cầu giải quyết</dt>
        <dd>{sheet.serviceName}</dd>
        <dt className="text-slate-700">Cơ quan tiếp nhận hồ sơ</dt>
        <dd>{sheet.receivingAgencyName}</dd>
        <dt className="text-slate-700">Cơ quan (bộ phận) giải quyết hồ sơ</dt>
        <dd>{sheet.holderAgencyName}</dd>
        <dt className="text-slate-700">Ngày hẹn trả kết quả</dt>
        <dd>{sheet.dueAt ? <strong>{formatDate(sheet.dueAt)}</strong> : "Chưa xác định"}</dd>
        {differingLegalDue(sheet) && (
          <>
            <dt className="text-slate-700">{dueDateText.legal}</dt>
            <dd>{formatDate(differingLegalDue(sheet)!)}</dd>
          </>
        )}
        {sheet.papers.length > 0 && (
          <>
            <dt className="text-slate-700">Thành phần hồ sơ đã nộp</dt>
            <dd>
              <ol className="list-decimal pl-5" data-testid="giay-to-da-nop">
                {sheet.papers.map((p, i) => (
                  <li key={i}>{p}</li>
                ))}
              </ol>
            </dd>
          </>
        )}
      </dl>
      {/* Scrolls sideways on a phone; the table has nothing to focus, so the region itself takes the keyboard. */}
      <div className="overflow-x-auto" role="region" aria-label="Quá trình giao, nhận hồ sơ" tabIndex={0}>
        <table className="w-full border-collapse bg-white text-left text-sm">
          <caption className="mb-2 text-left font-semibold">Quá trình giao, nhận hồ sơ ({sheet.rows.length} bước)</caption>
          <thead>
            <tr className="border-b">
              <th scope="col" className="p-2">
                STT
              </th>
              <th scope="col" className="p-2">
                Bên giao
              </th>
              <th scope="col" className="p-2">
                Bên nhận
              </th>
              <th scope="col" className="p-2">
                Thời gian giao, nhận
              </th>
              <th scope="col" className="p-2">
                Nội dung xử lý
              </th>
              <th scope="col" className="p-2">
                Trạng thái sau bước
              </th>
              <th scope="col" className="p-2">
                Kết quả (trước hạn/đúng hạn/quá hạn)
              </th>
              <th scope="col" className="p-2">
                Ghi chú
              </th>
            </tr>
          </thead>
          <tbody>
            {sheet.rows.map((r) => (
              <tr key={r.seq} className="border-b align-top">
                <td className="p-2">{r.seq}</td>
                <td className="p-2">
                  <Party p={r.from} />
                </td>
                <td className="p-2">
                  <Party p={r.to} />
                </td>
                <td className="p-2">
                  Từ <time dateTime={r.start.toISOString()}>{formatDateTime(r.start)}</time>
                  <br />
                  Đến <time dateTime={r.end.toISOString()}>{formatDateTime(r.end)}</time>
                </td>
                <td className="p-2">{r.actionLabel}</td>
                <td className="p-2">{r.statusName ?? "—"}</td>
                <td className="p-2">
                  <Timing row={r} />
                </td>
                <td className="p-2">{r.note}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="flex flex-wrap gap-3">
        <a href={`/can-bo/ho-so/${sheet.code}/phieu-kiem-soat/pdf`} className="btn btn-primary">
          Tải PDF
        </a>
        <Link href={`/can-bo/ho-so/${sheet.code}`} className="btn btn-secondary">
          Về hồ sơ
        </Link>
      </p>
    </article>
  );
}
