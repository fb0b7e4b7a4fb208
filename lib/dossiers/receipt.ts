// Form 01 (giấy tiếp nhận hồ sơ và hẹn trả kết quả) of a dossier, as data for the page and the PDF.
import "server-only";
import type { DossierAnswersView } from "@/lib/forms/dossier-view";
import { feeDetailLines, type FeeComputation } from "@/lib/forms/fees";
import type { DossierReceiptData } from "@/lib/pdf/receipt";
import { localDate } from "@/lib/calendar/time";
import { formatMoney } from "@/lib/format";
import { publicBaseUrl } from "@/lib/notify/notify";
import type { getOwnDossier } from "./citizen";
import { principalRows } from "@/lib/organisations/principal-view";
import { trackingPin } from "./tracking-pin";

type OwnDossier = NonNullable<Awaited<ReturnType<typeof getOwnDossier>>>;
/** What the receipt reads of a dossier: the applicant's view of it, or the agency's (lib/dossiers/bulk.ts). */
export type ReceiptSource = Omit<OwnDossier, "access" | "events">;

/**
 * The public tracking address of a dossier, with its PIN: scanning the receipt's QR code lands on the
 * result. The receipt is what proves the right to follow the dossier; the PIN in the address is no more
 * exposed than the PIN printed beside it (the portal's Referrer-Policy keeps the query to itself).
 */
function trackingUrl(code: string): string {
  return `${publicBaseUrl()}/tra-cuu-ho-so?ma=${encodeURIComponent(code)}&pin=${trackingPin(code)}`;
}

/**
 * The receipt of a dossier. `view` (lib/forms/dossier-view) gives the papers submitted, as the form named them,
 * and the address in words; `fee` how the fee was computed at filing. Only the papers submitted are listed,
 * never every paper the procedure names.
 */
export function receiptData(d: ReceiptSource, view?: DossierAnswersView, fee?: FeeComputation | null): DossierReceiptData {
  const answers = d.answers as Record<string, unknown>;
  const str = (k: string) => (typeof answers[k] === "string" ? (answers[k] as string) : undefined);
  const uploaded = d.attachments.filter((a) => a.purpose === "submission");
  const papers = view?.papers.length
    ? view.papers.map((p) => ({ name: p.label, copies: "Bản điện tử" }))
    : uploaded.map((a) => ({ name: a.fileName, copies: "Bản điện tử" }));
  return {
    agencyName: d.receivingAgency.name,
    code: d.code,
    applicantName: d.applicantName,
    // Issue 15: the organisation, or the person represented and their representative.
    principal: principalRows(d).map(({ label, value }) => ({ label, value })),
    applicantPhone: str("dienThoai"),
    applicantEmail: str("email"),
    applicantAddress: view?.labels.diaChi,
    serviceName: d.service.name,
    papers,
    channelLabel: "Trực tuyến qua Cổng Dịch vụ công Quốc gia",
    submittedAt: d.submittedAt,
    // The receipt (form 01) states the appointment made at receipt: the legal deadline. A later apology's date is
    // the apology's own form (04), and the pages show it as the date in force.
    dueDate: (d.legalDueAt ?? d.dueAt) ? localDate((d.legalDueAt ?? d.dueAt)!) : localDate(d.submittedAt),
    processingDays: d.processingDays,
    feeText:
      d.feeAmount === 0
        ? "Không thu phí, lệ phí"
        : d.onlineLevel === 4
          ? `${formatMoney(d.feeAmount)} (thanh toán trực tuyến)`
          : `${formatMoney(d.feeAmount)} (nộp tại bộ phận một cửa)`,
    feeDetails: fee ? feeDetailLines(fee) : undefined,
    trackingPin: trackingPin(d.code),
    trackingUrl: trackingUrl(d.code),
  };
}
