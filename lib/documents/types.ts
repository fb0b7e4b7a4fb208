// Inter-agency document vocabulary as pure data and functions: Decree 30/2020/NĐ-CP document types, urgency
// and secrecy, the QCVN 102:2016/BTTTT status codes and who may move them, number/notation and document ids.
import { isAgencyIdentifier } from "@/lib/agencies/identifier";

export interface DocumentType {
  /** ASCII code used in URLs, databases and edXML `Type` (Đ folds to D; see the note on collisions below). */
  code: string;
  /** Abbreviation printed in the notation (ký hiệu), e.g. "QĐ" in "15/QĐ-UBND"; null when the type has none. */
  abbreviation: string | null;
  name: string;
}

/**
 * The 29 administrative document types of Decree 30/2020/NĐ-CP (Article 7), in the decree's order, with the
 * abbreviations of its Appendix III. 27 have an abbreviation; công văn and thư công have none.
 *
 * Codes are the abbreviation folded to ASCII upper case. Two pairs would collide after folding (ĐA/DA and
 * HĐ/HD), so the Đ member of each pair spells Đ as "DD", as Telex typing does: đề án "DDA", hợp đồng "HDD".
 *
 * domain.md lists 24 of these; thông cáo (TC), bản ghi nhớ (GN) and bản thỏa thuận (TTh) are filled in from
 * memory of the decree's appendix [mem], as is thư công having no abbreviation [mem].
 */
export const DOCUMENT_TYPES: readonly DocumentType[] = [
  { code: "NQ", abbreviation: "NQ", name: "Nghị quyết" },
  { code: "QD", abbreviation: "QĐ", name: "Quyết định" },
  { code: "CT", abbreviation: "CT", name: "Chỉ thị" },
  { code: "QC", abbreviation: "QC", name: "Quy chế" },
  { code: "QYD", abbreviation: "QyĐ", name: "Quy định" },
  { code: "TC", abbreviation: "TC", name: "Thông cáo" }, // [mem]
  { code: "TB", abbreviation: "TB", name: "Thông báo" },
  { code: "HD", abbreviation: "HD", name: "Hướng dẫn" },
  { code: "CTR", abbreviation: "CTr", name: "Chương trình" },
  { code: "KH", abbreviation: "KH", name: "Kế hoạch" },
  { code: "PA", abbreviation: "PA", name: "Phương án" },
  { code: "DDA", abbreviation: "ĐA", name: "Đề án" },
  { code: "DA", abbreviation: "DA", name: "Dự án" },
  { code: "BC", abbreviation: "BC", name: "Báo cáo" },
  { code: "BB", abbreviation: "BB", name: "Biên bản" },
  { code: "TTR", abbreviation: "TTr", name: "Tờ trình" },
  { code: "HDD", abbreviation: "HĐ", name: "Hợp đồng" },
  { code: "CV", abbreviation: null, name: "Công văn" },
  { code: "CD", abbreviation: "CĐ", name: "Công điện" },
  { code: "GN", abbreviation: "GN", name: "Bản ghi nhớ" }, // [mem]
  { code: "TTH", abbreviation: "TTh", name: "Bản thỏa thuận" }, // [mem]
  { code: "GUQ", abbreviation: "GUQ", name: "Giấy ủy quyền" },
  { code: "GM", abbreviation: "GM", name: "Giấy mời" },
  { code: "GGT", abbreviation: "GGT", name: "Giấy giới thiệu" },
  { code: "GNP", abbreviation: "GNP", name: "Giấy nghỉ phép" },
  { code: "PG", abbreviation: "PG", name: "Phiếu gửi" },
  { code: "PC", abbreviation: "PC", name: "Phiếu chuyển" },
  { code: "PB", abbreviation: "PB", name: "Phiếu báo" },
  // Thư công is in Article 7's list; whether it carries a number and notation at all is unclear [?], so it is
  // numbered like a công văn (issuer-unit) rather than refused.
  { code: "THUCONG", abbreviation: null, name: "Thư công" },
];

/** The official letter: the one type the notation names by issuer and unit rather than by type. */
const OFFICIAL_LETTER_CODE = "CV";

export function documentTypeByCode(code: string): DocumentType | undefined {
  return DOCUMENT_TYPES.find((t) => t.code === code);
}

function documentTypeByAbbreviation(abbreviation: string): DocumentType | undefined {
  return DOCUMENT_TYPES.find((t) => t.abbreviation === abbreviation);
}

/** Độ khẩn (urgency), carried as edXML Priority. */
export const URGENCY = { 0: "Thường", 1: "Khẩn", 2: "Thượng khẩn", 3: "Hỏa tốc" } as const;

/** Độ mật (secrecy). */
export const SECRECY = { 0: "Thường", 1: "Mật", 2: "Tối mật", 3: "Tuyệt mật" } as const;

/** The status codes a receiving system reports back to the sender (QCVN 102:2016). */
export const QCVN_STATUS = {
  "01": "Đã đến",
  "02": "Từ chối",
  "03": "Đã tiếp nhận",
  "04": "Phân công",
  "05": "Đang xử lý",
  "06": "Hoàn thành",
  "13": "Lấy lại",
  "15": "Đồng ý lấy lại / cập nhật",
  "16": "Từ chối lấy lại",
} as const;
export type QcvnStatusCode = keyof typeof QCVN_STATUS;

function isQcvnStatusCode(value: string): value is QcvnStatusCode {
  return Object.hasOwn(QCVN_STATUS, value);
}

/** What the recipient's clerk may do from each status; anything absent is final for the clerk. */
const RECIPIENT_MOVES: Partial<Record<QcvnStatusCode, readonly QcvnStatusCode[]>> = {
  "01": ["02", "03"],
  "03": ["04", "05", "06"],
  "04": ["05", "06"],
  "05": ["06"],
  // A recall request is answered, never ignored: agree (15) or refuse (16).
  "13": ["15", "16"],
};

/** The sender may ask for the document back only while the recipient still holds it open. */
const RECALLABLE_FROM: readonly QcvnStatusCode[] = ["01", "03", "04", "05"];

export type StatusDecision = { ok: true; status: QcvnStatusCode } | { ok: false; message: string };

const label = (code: QcvnStatusCode) => `${code} (${QCVN_STATUS[code]})`;

/**
 * Whether `actor` may move one recipient's copy from `current` to `requested`. Inputs are plain strings
 * because they come from the database and the wire; unknown codes are refused, not thrown.
 * After a refused recall (16) the copy's handling status is the caller's to restore from its history: this
 * function sees only the current code, so 16 (like 02, 06 and 15) is final here.
 */
export function nextRecipientStatus(current: string, requested: string, actor: "sender" | "recipient"): StatusDecision {
  if (!isQcvnStatusCode(current)) return { ok: false, message: `Trạng thái hiện tại "${current}" không phải mã trạng thái QCVN 102.` };
  if (!isQcvnStatusCode(requested)) return { ok: false, message: `Trạng thái "${requested}" không phải mã trạng thái QCVN 102.` };
  if (current === requested) return { ok: false, message: `Văn bản đã ở trạng thái ${label(current)}.` };

  if (actor === "sender") {
    if (requested !== "13") {
      return { ok: false, message: `Bên gửi chỉ được yêu cầu lấy lại văn bản (13); không được chuyển sang ${label(requested)}.` };
    }
    if (!RECALLABLE_FROM.includes(current)) {
      return { ok: false, message: `Không thể yêu cầu lấy lại văn bản đang ở trạng thái ${label(current)}.` };
    }
    return { ok: true, status: requested };
  }

  if (requested === "13") return { ok: false, message: "Chỉ bên gửi mới được yêu cầu lấy lại văn bản (13)." };
  if ((requested === "15" || requested === "16") && current !== "13") {
    return { ok: false, message: `Chỉ trả lời ${label(requested)} khi bên gửi đã yêu cầu lấy lại (13).` };
  }
  if (current === "13" && requested !== "15" && requested !== "16") {
    return {
      ok: false,
      message: `Bên gửi đang yêu cầu lấy lại văn bản: phải đồng ý (15) hoặc từ chối (16) trước khi chuyển sang ${label(requested)}.`,
    };
  }
  const allowed = RECIPIENT_MOVES[current] ?? [];
  if (!allowed.includes(requested)) {
    return {
      ok: false,
      message: allowed.length
        ? `Không thể chuyển văn bản từ ${label(current)} sang ${label(requested)}; chỉ được chuyển sang ${allowed.map(label).join(", ")}.`
        : `Văn bản ở trạng thái ${label(current)} không thể chuyển sang trạng thái khác.`,
    };
  }
  return { ok: true, status: requested };
}

// ---------------------------------------------------------------------------------------------------------
// Number and notation (số, ký hiệu)

/**
 * One hyphen-separated part of a notation: letters (including Vietnamese, e.g. "TTĐT", "QyĐ"), digits and
 * the dot some units use ("UBND.VX"). Slash, comma and space are excluded because the document id and the
 * number/notation split on them.
 */
const NOTATION_PART = /^[\p{L}\p{N}.]+$/u;
const NOTATION_PART_MAX = 30;

export interface NotationParts {
  number: number;
  /** A DOCUMENT_TYPES code; "CV" when the notation starts with the issuer (official letters). */
  typeCode: string;
  issuerAbbreviation: string;
  unitAbbreviation?: string;
}

function checkPart(value: string, what: string): void {
  if (!NOTATION_PART.test(value) || value.length > NOTATION_PART_MAX) {
    throw new RangeError(`${what} "${value}" không hợp lệ: chỉ gồm chữ, số và dấu chấm, tối đa ${NOTATION_PART_MAX} ký tự.`);
  }
}

/**
 * "15/QĐ-UBND" for a typed document (number/type-issuer[-unit]); "123/UBND-VP" for an official letter
 * (number/issuer-unit), as Decree 30 Appendix I prescribes. The number is written as is: Decree 30 no longer
 * asks for a leading zero below 10 (Circular 01/2011 did). Throws RangeError on inputs no document may carry,
 * so a malformed notation is never minted.
 */
export function formatNotation(parts: { number: number; typeCode: string; issuerAbbreviation: string; unitAbbreviation?: string }): string {
  const { number, typeCode, issuerAbbreviation } = parts;
  const unit = parts.unitAbbreviation?.trim() || undefined;
  if (!Number.isSafeInteger(number) || number < 1) throw new RangeError(`Số văn bản phải là số nguyên dương, nhận được ${number}.`);
  const type = documentTypeByCode(typeCode);
  if (!type) throw new RangeError(`Loại văn bản "${typeCode}" không có trong danh mục Nghị định 30/2020/NĐ-CP.`);
  checkPart(issuerAbbreviation, "Chữ viết tắt tên cơ quan ban hành");
  if (unit) unit.split("-").forEach((u) => checkPart(u, "Chữ viết tắt tên đơn vị"));
  const segments = [type.abbreviation, issuerAbbreviation, unit].filter((s): s is string => !!s);
  return `${number}/${segments.join("-")}`;
}

/**
 * Reads "15/QĐ-UBND", "123/UBND-VP" or "7816/VPCP-TTĐT". A first segment that is a type abbreviation makes a
 * typed document; otherwise it is an official letter whose first segment is the issuer. Leading zeros
 * ("05/QĐ-UBND") are accepted. Legal documents with a year ("15/2020/NĐ-CP") are not Decree 30 types: null.
 * The form alone is ambiguous when an issuer's abbreviation is also a type's: Cục Thuế's letter "1234/CT-TTHT"
 * reads as a chỉ thị. Where the type is known (a stored document, an edXML DocumentType), trust that instead.
 */
export function parseNotation(value: string): NotationParts | null {
  const m = /^(\d{1,9})\/(.+)$/.exec(value.trim());
  if (!m) return null;
  const number = Number(m[1]);
  if (number < 1) return null;
  const segments = m[2]!.split("-");
  if (segments.some((s) => !NOTATION_PART.test(s) || s.length > NOTATION_PART_MAX)) return null;
  const type = documentTypeByAbbreviation(segments[0]!);
  if (type && segments.length >= 2) {
    const unit = segments.slice(2).join("-");
    return { number, typeCode: type.code, issuerAbbreviation: segments[1]!, ...(unit ? { unitAbbreviation: unit } : {}) };
  }
  if (type) return null; // "15/QĐ": a type with no issuer
  const unit = segments.slice(1).join("-");
  return { number, typeCode: OFFICIAL_LETTER_CODE, issuerAbbreviation: segments[0]!, ...(unit ? { unitAbbreviation: unit } : {}) };
}

/** The type abbreviation a notation (without its number, e.g. "QĐ-UBND") starts with, if it starts with one. */
export function notationTypeAbbreviation(notation: string): string | null {
  const first = notation.split("-")[0] ?? "";
  return documentTypeByAbbreviation(first)?.abbreviation ?? null;
}

// ---------------------------------------------------------------------------------------------------------
// Dates and the document id

/** A real calendar date written yyyy-mm-dd (2015-02-30 is not one). */
export function isIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** "Number/notation" as carried in document ids and ResponseFor: anything with a slash and no comma or space. */
export const NUMBER_NOTATION_RE = /^[^,\s/]+\/[^,\s]+$/u;

export interface DocumentIdParts {
  organId: string;
  /** yyyy-mm-dd */
  promulgationDate: string;
  /** number/notation, e.g. "7816/VPCP-TTĐT" */
  notation: string;
}

/**
 * The QCVN 102 document id `OrganId,yyyy/MM/dd,number/notation`, e.g.
 * "000.00.00.G22,2015/09/30,7816/VPCP-TTĐT". Throws RangeError on malformed parts so no bad id is minted.
 */
export function documentId(organId: string, promulgationDate: string, notation: string): string {
  if (!isAgencyIdentifier(organId)) throw new RangeError(`Mã định danh "${organId}" không đúng dạng QCVN 102:2016.`);
  if (!isIsoDate(promulgationDate)) throw new RangeError(`Ngày ban hành "${promulgationDate}" phải theo dạng yyyy-mm-dd.`);
  if (!NUMBER_NOTATION_RE.test(notation)) throw new RangeError(`Số, ký hiệu "${notation}" không hợp lệ.`);
  return `${organId},${promulgationDate.replaceAll("-", "/")},${notation}`;
}

/** The inverse of documentId; null for anything that is not one. */
export function parseDocumentId(value: string): DocumentIdParts | null {
  const parts = value.split(",");
  if (parts.length !== 3) return null;
  const [organId, date, notation] = parts as [string, string, string];
  if (!isAgencyIdentifier(organId) || !NUMBER_NOTATION_RE.test(notation)) return null;
  if (!/^\d{4}\/\d{2}\/\d{2}$/.test(date)) return null;
  const promulgationDate = date.replaceAll("/", "-");
  if (!isIsoDate(promulgationDate)) return null;
  return { organId, promulgationDate, notation };
}
