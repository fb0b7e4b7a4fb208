// Renders the one-stop forms of Circular 01/2018/TT-VPCP that follow a dossier after its receipt: 02 (request to
// supplement), 03 (refusal), 04 (apology with a new return date) and 05 (processing-control sheet), as A4 PDFs.
import { isoDateToVn, PdfLayout, vnDateTime, vnLongDate, vnParts } from "@/lib/pdf/layout";

export const FORM_TITLE = {
  supplement: "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ",
  refusal: "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ",
  apology: "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ",
  controlSheet: "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ",
} as const;

/** Each step of the control sheet set against the due date, in the circular's words. */
export type StepTiming = "early" | "onTime" | "late";

export const TIMING_LABEL: Record<StepTiming, string> = {
  early: "Trước hạn",
  onTime: "Đúng hạn",
  late: "Quá hạn",
};

/** One side of a hand-over: an officer of an agency, the applicant, the system, or an agency not yet at a person. */
export interface HandOverParty {
  agency: string | null;
  person: string | null;
  role: string | null;
}

export interface ControlSheetEntry {
  seq: number;
  from: HandOverParty;
  /** Null when nobody takes the dossier on (it has ended with the one who handled it last). */
  to: HandOverParty | null;
  start: Date;
  end: Date;
  actionLabel: string;
  statusName: string | null;
  note: string | null;
  timing: StepTiming | null;
}

export interface ControlSheetData {
  agencyName: string;
  code: string;
  applicantName: string;
  serviceName: string;
  receivingAgencyName: string;
  holderAgencyName: string;
  /** The date in force (moved by an apology). */
  dueAt: Date | null;
  /** The legal deadline, printed too when it falls on another day. */
  legalDueAt?: Date | null;
  rows: ControlSheetEntry[];
  printedAt: Date;
  /** The papers submitted with the dossier, as the form named them (only those submitted). */
  papers?: string[];
}

/** What every form after the receipt names: the agency, the dossier, the person and the procedure. */
interface FormBase {
  agencyName: string;
  code: string;
  applicantName: string;
  serviceName: string;
  /** The officer who recorded the step; null when the event has no person behind it. */
  officerName: string | null;
  /** When the step was recorded: the form's date. */
  issuedAt: Date;
}

export interface SupplementRequestData extends FormBase {
  receivedAt: Date | null;
  papers: string[];
  reason: string;
}

export interface RefusalData extends FormBase {
  submittedAt: Date;
  reason: string;
}

export interface ApologyData extends FormBase {
  receivedAt: Date | null;
  processingDays: number;
  /** yyyy-mm-dd: the return date first promised, when known. */
  previousDate: string | null;
  /** yyyy-mm-dd: the new return date. */
  newDate: string;
  reason: string;
}

/** "10:05 04/05/2016" in Vietnam's time, short enough for a table cell. */
function vnShortDateTime(d: Date): string {
  const p = vnParts(d);
  return `${p.hour}:${p.minute} ${p.day}/${p.month}/${p.year}`;
}

/** A party on one or two lines: "Trần Văn Bình (Cán bộ)" above the agency. */
function partyText(p: HandOverParty | null): string {
  if (!p) return "—";
  const who = p.person ? `${p.person}${p.role ? ` (${p.role})` : ""}` : (p.role ?? "");
  return [who, p.agency ?? ""].filter(Boolean).join("\n") || "—";
}

function vnDayOf(d: Date): string {
  const p = vnParts(d);
  return `${p.day}/${p.month}/${p.year}`;
}

async function start(title: string, d: { agencyName: string; code: string; serviceName: string }, at: Date): Promise<PdfLayout> {
  const pdf = await PdfLayout.create({ title: `${title} — ${d.code}`, author: d.agencyName, subject: d.serviceName });
  pdf.nationalHeader({ agencyName: d.agencyName, placeAndDate: vnLongDate(at) });
  pdf.heading(title);
  pdf.text(`Mã hồ sơ: ${d.code}`, { bold: true, align: "center", after: 10 });
  return pdf;
}

/** Form 02: what the applicant must add or correct, and why; issued by the officer who checked the dossier. */
export async function renderSupplementRequest(d: SupplementRequestData): Promise<Uint8Array> {
  const papers = d.papers.map((p) => p.trim()).filter(Boolean);
  // A request naming nothing to add cannot be answered; the state machine refuses it, so this is a caller's bug.
  if (papers.length === 0) throw new RangeError("a supplementation request must name at least one paper");
  const pdf = await start(FORM_TITLE.supplement, d, d.issuedAt);
  pdf.text(d.receivedAt ? `Ngày ${vnDayOf(d.receivedAt)}, ${d.agencyName} tiếp nhận hồ sơ của:` : `${d.agencyName} nhận được hồ sơ của:`, {
    after: 2,
  });
  pdf.keyValue("Ông/Bà:", d.applicantName, { boldValue: true });
  pdf.keyValue("Nội dung yêu cầu giải quyết:", d.serviceName);
  pdf.space(4);
  pdf.text(
    "Sau khi xem xét, đối chiếu hồ sơ với các quy định hiện hành, đề nghị Ông/Bà bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:",
    {
      after: 4,
    },
  );
  pdf.table(
    [
      { header: "STT", share: 0.1, align: "center" },
      { header: "Giấy tờ cần bổ sung, hoàn thiện", share: 0.9 },
    ],
    papers.map((p, i) => [String(i + 1), p]),
  );
  pdf.keyValue("Lý do:", d.reason);
  pdf.space(4);
  pdf.text(
    `Ông/Bà nộp giấy tờ bổ sung trực tuyến tại trang hồ sơ của mình trên Cổng Dịch vụ công Quốc gia. Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, Ông/Bà liên hệ ${
      d.officerName ? `cán bộ ${d.officerName}` : d.agencyName
    } để được hướng dẫn.`,
    { after: 12 },
  );
  pdf.signatures([{ title: "Người hướng dẫn", note: `(${vnDateTime(d.issuedAt)})`, name: d.officerName ?? undefined }]);
  return pdf.save();
}

/** Form 03: the dossier is not received for processing, with the reason. */
export async function renderRefusal(d: RefusalData): Promise<Uint8Array> {
  const pdf = await start(FORM_TITLE.refusal, d, d.issuedAt);
  pdf.text(`${d.agencyName} nhận được hồ sơ của:`, { after: 2 });
  pdf.keyValue("Ông/Bà:", d.applicantName, { boldValue: true });
  pdf.keyValue("Nội dung yêu cầu giải quyết:", d.serviceName);
  pdf.keyValue("Thời gian nộp hồ sơ:", vnDateTime(d.submittedAt));
  pdf.space(4);
  pdf.text(`Qua xem xét, ${d.agencyName} không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:`, { after: 2 });
  pdf.text(d.reason, { bold: true, after: 6 });
  pdf.text("Xin thông báo để Ông/Bà được biết và thực hiện./.", { after: 12 });
  pdf.signatures([{ title: "Người tiếp nhận hồ sơ", note: `(${vnDateTime(d.issuedAt)})`, name: d.officerName ?? undefined }]);
  return pdf.save();
}

/** Form 04: the agency apologises for a late result, says why, and promises a new return date. */
export async function renderApology(d: ApologyData): Promise<Uint8Array> {
  // Validate first: a wrong date printed on an apology is a second broken promise.
  const newDate = isoDateToVn(d.newDate);
  const previous = d.previousDate ? isoDateToVn(d.previousDate) : null;
  const pdf = await start(FORM_TITLE.apology, d, d.issuedAt);
  pdf.text(
    d.receivedAt
      ? `Ngày ${vnDayOf(d.receivedAt)}, ${d.agencyName} tiếp nhận giải quyết hồ sơ của:`
      : `${d.agencyName} tiếp nhận giải quyết hồ sơ của:`,
    {
      after: 2,
    },
  );
  pdf.keyValue("Ông/Bà:", d.applicantName, { boldValue: true });
  pdf.keyValue("Nội dung yêu cầu giải quyết:", d.serviceName);
  pdf.keyValue("Thời gian giải quyết theo quy định:", `${d.processingDays} ngày làm việc`);
  if (previous) pdf.keyValue("Ngày hẹn trả kết quả:", previous);
  pdf.space(4);
  pdf.text(`Tuy nhiên đến nay, ${d.agencyName} chưa trả kết quả giải quyết hồ sơ của Ông/Bà.`, { after: 2 });
  pdf.keyValue("Lý do:", d.reason);
  pdf.space(4);
  pdf.text(
    `Sự chậm trễ này đã gây phiền hà cho Ông/Bà. ${d.agencyName} xin lỗi Ông/Bà và sẽ trả kết quả giải quyết hồ sơ cho Ông/Bà vào:`,
    { after: 2 },
  );
  pdf.text(`Ngày ${newDate}`, { bold: true, align: "center", after: 6 });
  pdf.text("Kính mong nhận được sự thông cảm của Ông/Bà vì sự chậm trễ này./.", { after: 4 });
  if (d.officerName) pdf.text(`Cán bộ lập phiếu: ${d.officerName}`, { size: 10, grey: true, after: 8 });
  pdf.signatures([{ title: "Thủ trưởng cơ quan, đơn vị", note: "(Ký, ghi rõ họ tên và đóng dấu)" }]);
  return pdf.save();
}

/** Form 05: every hand-over of the dossier, who gave it to whom and when, set against the due date. */
export async function renderControlSheet(d: ControlSheetData): Promise<Uint8Array> {
  const pdf = await start(FORM_TITLE.controlSheet, d, d.printedAt);
  pdf.text(`(Kèm theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả mã hồ sơ ${d.code})`, { size: 10, align: "center", grey: true, after: 8 });
  pdf.keyValue("Người nộp hồ sơ:", d.applicantName, { boldValue: true });
  pdf.keyValue("Nội dung yêu cầu giải quyết:", d.serviceName);
  pdf.keyValue("Cơ quan tiếp nhận hồ sơ:", d.receivingAgencyName);
  pdf.keyValue("Cơ quan (bộ phận) giải quyết hồ sơ:", d.holderAgencyName);
  pdf.keyValue("Ngày hẹn trả kết quả:", d.dueAt ? vnDayOf(d.dueAt) : "Chưa xác định");
  if (d.dueAt && d.legalDueAt && vnDayOf(d.legalDueAt) !== vnDayOf(d.dueAt)) pdf.keyValue("Hạn theo quy định:", vnDayOf(d.legalDueAt));
  if (d.papers?.length) {
    pdf.text("Thành phần hồ sơ đã nộp:", { bold: true, after: 2 });
    d.papers.forEach((p, i) => pdf.text(`${i + 1}. ${p}`, { size: 10, after: 1 }));
  }
  pdf.space(6);
  pdf.table(
    [
      { header: "STT", share: 0.05, align: "center" },
      { header: "Bên giao", share: 0.19 },
      { header: "Bên nhận", share: 0.19 },
      { header: "Thời gian giao, nhận", share: 0.15 },
      { header: "Nội dung xử lý, trạng thái", share: 0.18 },
      { header: "Kết quả (trước hạn/ đúng hạn/ quá hạn)", share: 0.11 },
      { header: "Ghi chú", share: 0.13 },
    ],
    d.rows.map((r) => [
      String(r.seq),
      partyText(r.from),
      partyText(r.to),
      `Từ ${vnShortDateTime(r.start)}\nĐến ${vnShortDateTime(r.end)}`,
      r.statusName ? `${r.actionLabel}\n→ ${r.statusName}` : r.actionLabel,
      r.timing ? TIMING_LABEL[r.timing] : "—",
      r.note ?? "",
    ]),
    8,
  );
  pdf.text(`In lúc ${vnDateTime(d.printedAt)}.`, { size: 9, grey: true });
  return pdf.save();
}
