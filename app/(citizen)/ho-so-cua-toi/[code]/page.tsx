import { notFound } from "next/navigation";
import { dossierSyncText } from "@/lib/i18n/vi/dossier-sync";
import type { Metadata } from "next";
import Link from "next/link";
import { paperOrigins } from "@/lib/papers/queries";
import { RatingForm, SupplementForm, WithdrawForm } from "@/components/dossiers/CitizenForms";
import { DossierTimeline } from "@/components/dossiers/DossierTimeline";
import { DueDate } from "@/components/dossiers/DueDate";
import { dueDateText } from "@/lib/i18n/vi/due-dates";
import { PaymentPanel } from "@/components/payments/PaymentPanel";
import { AnswerSections } from "@/components/forms/AnswerSections";
import { FeeBreakdown } from "@/components/forms/FeeBreakdown";
import { dossierAnswersView, filedFee } from "@/lib/forms/dossier-view";
import { requirePermission } from "@/lib/auth/current-user";
import { getOwnDossier } from "@/lib/dossiers/citizen";
import { orPageError } from "@/lib/errors/page";
import { availableActions } from "@/lib/dossiers/state-machine";
import { isStatus, STATUS, statusName } from "@/lib/dossiers/status";
import { formatDate, formatDateTime } from "@/lib/format";
import { trackingPin } from "@/lib/dossiers/tracking-pin";
import { trackingText } from "@/lib/i18n/vi/tracking";
import { activeGateway, paymentsForDossier } from "@/lib/payments/payments";
import { MAX_FILE_BYTES } from "@/lib/files/sniff";
import { rateAction, startPaymentAction, supplyAction, withdrawAction } from "./actions";
import { decodeSegment } from "@/lib/http/segment";
import { signatureLabel, signingText } from "@/lib/i18n/vi/signing";
import { resultSignatures } from "@/lib/signing/results";
import { principalLabel } from "@/lib/organisations/labels";
import { syncOutText } from "@/lib/i18n/vi/sync-out";

type Props = { params: Promise<{ code: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export const metadata: Metadata = { title: "Chi tiết hồ sơ" };

export default async function DossierPage({ params, searchParams }: Props) {
  const code = decodeSegment((await params).code) ?? notFound();
  const user = await requirePermission("dossier.readOwn", `/ho-so-cua-toi/${code}`);
  const d = orPageError(await getOwnDossier(user, code));
  const sp = await searchParams;
  const status = isStatus(d.status) ? d.status : STATUS.NEW;
  // Filed on the citizen's behalf: they follow it, the representative who filed acts (lib/dossiers/visibility).
  const readOnly = d.access !== "owner";
  const mayWithdraw = !readOnly && availableActions(status, "applicant").includes("withdraw");
  const supplementRequest = [...d.events].reverse().find((e) => e.action === "requestSupplement");
  const requestData = (supplementRequest?.data ?? {}) as { papers?: string[] };
  const results = d.attachments.filter((a) => a.purpose === "result");
  // The latest apology since the deadline last (re)started: its new date is the date in force (dossier.dueAt).
  const lastApology = [...d.events].reverse().find((e) => e.action === "apologize" || e.action === "receive" || e.action === "supply");
  const apology = lastApology?.action === "apologize" ? lastApology : undefined;
  const submitted = d.attachments.filter((a) => a.purpose === "submission" || a.purpose === "supplement");
  const payments = await paymentsForDossier(d.id);
  const origins = await paperOrigins(d.id, submitted);
  const signatures = await resultSignatures(results.map((r) => r.id));
  const view = await dossierAnswersView(d);
  const fee = filedFee(d.feeSnapshot);
  return (
    <div className="space-y-6 wrap-anywhere">
      {sp["da-nop"] && (
        <p role="status" className="rounded border border-green-700 bg-green-50 p-3 text-green-900">
          Đã nộp hồ sơ thành công. Mã hồ sơ: <strong>{d.code}</strong>. Ngày hẹn trả kết quả: {d.dueAt ? formatDate(d.dueAt) : "—"}.
        </p>
      )}
      <header className="space-y-1">
        <p className="text-sm">
          <Link href="/ho-so-cua-toi">← Hồ sơ của tôi</Link>
        </p>
        <h1 className="text-2xl font-bold">{d.service.name}</h1>
        <p>
          Mã hồ sơ: <strong data-testid="ma-ho-so">{d.code}</strong>
        </p>
        <p>
          Trạng thái: <strong data-testid="trang-thai">{statusName(d.status)}</strong> · Cơ quan đang giải quyết: {d.holderAgency.name}
        </p>
        {principalLabel(user.id, d) && <p data-testid="chu-the">{principalLabel(user.id, d)}</p>}
        {/* Issue 17 (sync-out): a service the agency processes in its own one-stop system. */}
        {d.deliveryState && (
          <div
            role="note"
            aria-labelledby="he-thong-co-quan"
            data-testid="he-thong-co-quan"
            className="rounded border border-sky-800 bg-sky-50 p-2 text-sky-950"
          >
            <h2 id="he-thong-co-quan" className="font-semibold">
              {syncOutText.citizen.heading}
            </h2>
            <p>{syncOutText.citizen.sent}</p>
            {d.deliveredAt && <p data-testid="da-chuyen">{syncOutText.citizen.deliveredAt(formatDateTime(d.deliveredAt))}</p>}
            {d.acknowledgedAt ? (
              <p data-testid="da-tiep-nhan-he-thong">{syncOutText.citizen.acknowledgedAt(formatDateTime(d.acknowledgedAt))}</p>
            ) : (
              !d.deliveredAt && <p>{syncOutText.citizen.waiting}</p>
            )}
          </div>
        )}
        {/* Issue 17: received at the agency's counter; its own system moves it, the portal shows where it stands. */}
        {d.origin === "AGENCY_SYSTEM" && (
          <p role="note" data-testid="ho-so-dong-bo" className="rounded border border-sky-800 bg-sky-50 p-2 text-sky-950">
            {dossierSyncText.citizen.receivedAtAgency(d.receivingAgency.name)}. {dossierSyncText.citizen.readOnly}
          </p>
        )}
      </header>

      <section className="card space-y-2" aria-labelledby="bien-nhan">
        <h2 id="bien-nhan" className="text-lg font-semibold">
          Tiếp nhận và hẹn trả kết quả
        </h2>
        <dl className="grid gap-1 sm:grid-cols-[16rem_1fr]">
          <dt className="text-slate-700">Thời điểm nộp</dt>
          <dd>{formatDateTime(d.submittedAt)}</dd>
          <dt className="text-slate-700">{trackingText.pin}</dt>
          <dd>
            <strong data-testid="ma-tra-cuu">{trackingPin(d.code)}</strong>{" "}
            <span className="text-sm text-slate-700">({trackingText.pinNote})</span>
          </dd>
          <dt className="text-slate-700">Thời hạn giải quyết</dt>
          <dd>{d.processingDays} ngày làm việc</dd>
          <dt className="text-slate-700">Ngày hẹn trả kết quả</dt>
          <dd>
            <DueDate dueAt={d.dueAt} legalDueAt={d.legalDueAt} testId="ngay-hen" />
            {apology && (
              <span className="block text-sm" data-testid="thu-xin-loi">
                {dueDateText.apologyNote}: {apology.note}
              </span>
            )}
          </dd>
          {d.receivedAt && (
            <>
              <dt className="text-slate-700">Cơ quan tiếp nhận lúc</dt>
              <dd>{formatDateTime(d.receivedAt)}</dd>
            </>
          )}
          {d.returnedAt && (
            <>
              <dt className="text-slate-700">Trả kết quả lúc</dt>
              <dd>{formatDateTime(d.returnedAt)}</dd>
            </>
          )}
        </dl>
        <p className="flex flex-wrap gap-3">
          <Link href={`/ho-so-cua-toi/${d.code}/bien-nhan`}>Xem giấy tiếp nhận (mẫu 01)</Link>
          <a href={`/ho-so-cua-toi/${d.code}/bien-nhan/pdf`}>Tải giấy tiếp nhận (PDF)</a>
        </p>
      </section>

      <section className="card space-y-2" aria-labelledby="thong-tin">
        <h2 id="thong-tin" className="text-lg font-semibold">
          Thông tin kê khai
        </h2>
        <AnswerSections sections={view.sections} />
        {view.papers.length > 0 && (
          <>
            <h3 className="font-semibold">Thành phần hồ sơ đã nộp</h3>
            <ul className="list-disc pl-5" data-testid="giay-to-da-nop">
              {view.papers.map((p) => (
                <li key={p.fieldId}>
                  {p.label}: {p.fileName}
                </li>
              ))}
            </ul>
          </>
        )}
        {fee && <FeeBreakdown fee={fee} />}
      </section>

      {!readOnly && (
        <PaymentPanel
          dossier={{
            id: d.id,
            code: d.code,
            onlineLevel: d.onlineLevel,
            feeAmount: d.feeAmount,
            paidAmount: d.paidAmount,
            status: d.status,
          }}
          payments={payments}
          searchParams={sp}
          startPayment={startPaymentAction}
          gatewayConfigured={activeGateway() !== null}
        />
      )}

      {status === STATUS.SUPPLEMENT_REQUESTED && (
        <section className="card space-y-2 border-amber-700" aria-labelledby="bo-sung">
          <h2 id="bo-sung" className="text-lg font-semibold">
            Cơ quan yêu cầu bổ sung, hoàn thiện hồ sơ
          </h2>
          {supplementRequest?.note && <p>Lý do: {supplementRequest.note}</p>}
          {requestData.papers && (
            <ul className="list-disc pl-5" aria-label="Giấy tờ cần bổ sung">
              {requestData.papers.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          )}
          {!readOnly && <SupplementForm code={d.code} version={d.version} action={supplyAction} maxFileBytes={MAX_FILE_BYTES} />}
        </section>
      )}

      {(status === STATUS.DONE || status === STATUS.RETURNED) && (
        <section className="card space-y-2" aria-labelledby="ket-qua">
          <h2 id="ket-qua" className="text-lg font-semibold">
            Kết quả giải quyết
          </h2>
          {d.onlineLevel === 4 && results.length > 0 ? (
            <ul>
              {results.map((r) => (
                <li key={r.id}>
                  <a href={`/api/tai-lieu/${r.id}`}>Tải kết quả: {r.fileName}</a>{" "}
                  <span className="text-sm text-slate-700" data-testid="chu-ky-ket-qua">
                    ({signatureLabel(signatures.get(r.id))})
                  </span>
                </li>
              ))}
              <li>
                <Link href="/xac-minh-ket-qua">{signingText.verifyLink}</Link>
              </li>
            </ul>
          ) : (
            <p>Kết quả được trả trực tiếp tại bộ phận một cửa của {d.holderAgency.name}.</p>
          )}
        </section>
      )}

      {status === STATUS.RETURNED && !readOnly && (
        <section className="card space-y-2" aria-labelledby="danh-gia">
          <h2 id="danh-gia" className="text-lg font-semibold">
            Đánh giá mức độ hài lòng
          </h2>
          {d.ratedAt ? (
            <p>
              Ông/bà đã đánh giá {d.rating}/5.{d.ratingComment ? ` Góp ý: ${d.ratingComment}` : ""}
            </p>
          ) : (
            <RatingForm code={d.code} action={rateAction} />
          )}
        </section>
      )}

      <section className="card" aria-labelledby="tien-do">
        <h2 id="tien-do" className="mb-2 text-lg font-semibold">
          Quá trình xử lý
        </h2>
        <DossierTimeline events={d.events} formBase={`/ho-so-cua-toi/${d.code}/phieu`} />
      </section>

      <section className="card" aria-labelledby="giay-to">
        <h2 id="giay-to" className="mb-2 text-lg font-semibold">
          Giấy tờ đã nộp
        </h2>
        <ul className="list-disc pl-5">
          {submitted.map((a) => (
            <li key={a.id}>
              <a href={`/api/tai-lieu/${a.id}`}>{a.fileName}</a>{" "}
              <span className="text-sm text-slate-700">
                ({Math.max(1, Math.round(a.size / 1024))} KB{origins.has(a.id) && <>, {origins.get(a.id)}</>})
              </span>
            </li>
          ))}
        </ul>
      </section>

      {mayWithdraw && (
        <section className="card space-y-2" aria-labelledby="rut">
          <h2 id="rut" className="text-lg font-semibold">
            Rút hồ sơ
          </h2>
          <WithdrawForm code={d.code} version={d.version} action={withdrawAction} />
        </section>
      )}
    </div>
  );
}
