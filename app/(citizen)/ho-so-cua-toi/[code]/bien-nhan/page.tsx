import { notFound } from "next/navigation";
import type { Metadata } from "next";
import Link from "next/link";
import QRCode from "qrcode";
import { requirePermission } from "@/lib/auth/current-user";
import { getOwnDossier } from "@/lib/dossiers/citizen";
import { orPageError } from "@/lib/errors/page";
import { receiptData } from "@/lib/dossiers/receipt";
import { FeeBreakdown } from "@/components/forms/FeeBreakdown";
import { dossierAnswersView, filedFee } from "@/lib/forms/dossier-view";
import { formatDate, formatDateTime } from "@/lib/format";
import { trackingText } from "@/lib/i18n/vi/tracking";
import { decodeSegment } from "@/lib/http/segment";

export const metadata: Metadata = { title: "Giấy tiếp nhận hồ sơ và hẹn trả kết quả" };

export default async function ReceiptPage({ params }: { params: Promise<{ code: string }> }) {
  const code = decodeSegment((await params).code) ?? notFound();
  const user = await requirePermission("dossier.readOwn", `/ho-so-cua-toi/${code}/bien-nhan`);
  const d = orPageError(await getOwnDossier(user, code));
  const fee = filedFee(d.feeSnapshot);
  const r = receiptData(d, await dossierAnswersView(d), fee);
  const qr = await QRCode.toString(r.trackingUrl, { type: "svg", margin: 1, width: 140 });
  return (
    <article className="card mx-auto max-w-3xl space-y-4">
      <div className="grid grid-cols-2 gap-4 text-center text-sm">
        <p className="font-semibold uppercase">{r.agencyName}</p>
        <p>
          <span className="font-semibold">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</span>
          <br />
          <span className="font-semibold underline">Độc lập - Tự do - Hạnh phúc</span>
        </p>
      </div>
      <h1 className="text-center text-xl font-bold">GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ</h1>
      <p className="text-center">
        Mã hồ sơ: <strong>{r.code}</strong>
        <br />
        {trackingText.pin}: <strong data-testid="ma-tra-cuu">{r.trackingPin}</strong>
      </p>
      <p className="text-center text-sm text-slate-700">{trackingText.pinNote}</p>
      <dl className="grid gap-1 sm:grid-cols-[14rem_1fr]">
        <dt className="text-slate-700">Người nộp hồ sơ</dt>
        <dd>{r.applicantName}</dd>
        {(r.principal ?? []).map((row) => [
          <dt key={`${row.label}-dt`} className="text-slate-700">
            {row.label}
          </dt>,
          <dd key={`${row.label}-dd`} data-testid="chu-the-ho-so">
            {row.value}
          </dd>,
        ])}
        {r.applicantPhone && (
          <>
            <dt className="text-slate-700">Số điện thoại</dt>
            <dd>{r.applicantPhone}</dd>
          </>
        )}
        {r.applicantEmail && (
          <>
            <dt className="text-slate-700">Thư điện tử</dt>
            <dd>{r.applicantEmail}</dd>
          </>
        )}
        <dt className="text-slate-700">Thủ tục</dt>
        <dd>{r.serviceName}</dd>
        <dt className="text-slate-700">Hình thức nộp</dt>
        <dd>{r.channelLabel}</dd>
        <dt className="text-slate-700">Thời điểm nộp</dt>
        <dd>{formatDateTime(r.submittedAt)}</dd>
        {r.applicantAddress && (
          <>
            <dt className="text-slate-700">Địa chỉ</dt>
            <dd data-testid="dia-chi">{r.applicantAddress}</dd>
          </>
        )}
        <dt className="text-slate-700">Phí, lệ phí</dt>
        <dd>{r.feeText}</dd>
        <dt className="text-slate-700">Ngày hẹn trả kết quả</dt>
        <dd>
          <strong>{formatDate(r.dueDate)}</strong> ({r.processingDays} ngày làm việc)
        </dd>
      </dl>
      {fee && <FeeBreakdown fee={fee} headingLevel={2} />}
      <h2 className="font-semibold">Giấy tờ đã nhận</h2>
      <ol className="list-decimal pl-5" data-testid="giay-to-da-nhan">
        {r.papers.map((p, i) => (
          <li key={`${i}-${p.name}`}>
            {p.name}
            {p.copies ? ` — ${p.copies}` : ""}
          </li>
        ))}
      </ol>
      <figure className="flex items-center gap-4">
        <div
          className="h-[140px] w-[140px]"
          role="img"
          aria-label={`Mã QR tra cứu hồ sơ ${r.code}`}
          dangerouslySetInnerHTML={{ __html: qr }}
        />
        <figcaption className="text-sm">
          Quét mã để tra cứu tình trạng hồ sơ: <br />
          <a href={r.trackingUrl}>{r.trackingUrl}</a>
        </figcaption>
      </figure>
      <p className="flex gap-3">
        <a href={`/ho-so-cua-toi/${r.code}/bien-nhan/pdf`} className="btn btn-primary">
          Tải PDF
        </a>
        <Link href={`/ho-so-cua-toi/${r.code}`} className="btn btn-secondary">
          Về hồ sơ
        </Link>
      </p>
    </article>
  );
}
