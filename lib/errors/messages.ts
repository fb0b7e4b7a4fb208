// The one bilingual table of the agency API's error codes (/api/v1/**): each stable `code` a problem can carry
// with its meaning in Vietnamese and English, and each kind's title in both. A problem publishes both
// (`messages: { vi, en }`), its title and detail follow Accept-Language (Vietnamese by default), and the API
// reference page (/tai-lieu-api) lists the same table. tests/unit/api-error-messages.test.ts checks that every
// code raised in lib/documents, lib/sync, lib/api and app/api is here. Pure.
import type { ErrorKind } from "./app-error";

interface Bilingual {
  vi: string;
  en: string;
}

export type ApiLanguage = keyof Bilingual;

/** Each kind's title (the problem's `title`). */
export const KIND_TITLES: Record<ErrorKind, Bilingual> = {
  invalid: { vi: "Dữ liệu không hợp lệ", en: "Invalid request" },
  unauthenticated: { vi: "Chưa xác thực", en: "Not authenticated" },
  forbidden: { vi: "Không có quyền", en: "Forbidden" },
  not_found: { vi: "Không tìm thấy", en: "Not found" },
  conflict: { vi: "Xung đột dữ liệu", en: "Conflict" },
  too_large: { vi: "Nội dung quá lớn", en: "Content too large" },
  unsupported_media_type: { vi: "Kiểu nội dung không được hỗ trợ", en: "Unsupported media type" },
  unprocessable: { vi: "Dữ liệu không xử lý được", en: "Unprocessable content" },
  rate_limited: { vi: "Quá nhiều yêu cầu", en: "Too many requests" },
  unexpected: { vi: "Lỗi hệ thống", en: "Internal error" },
};

/** The codes a rule names (beyond the kinds, which are codes too when no rule names itself); issue 17 added the dossier sync API's. */
type RuleCode =
  | "foreign_sender"
  | "invalid_query"
  | "invalid_json"
  | "invalid_encoding"
  | "empty_body"
  | "invalid_document"
  | "invalid_edxml"
  | "unknown_recipient"
  | "self_recipient"
  | "unknown_replaced"
  | "number_used"
  | "message_id_used"
  | "invalid_transition"
  | "reason_required"
  | "concurrent_change"
  | "stale"
  | "unknown_answered"
  | "unsupported_attachment"
  | "api_key_rate_limited"
  | "too_many_wrong_keys"
  | "invalid_body"
  | "idempotency_key_missing"
  | "idempotency_key_reused"
  | "unknown_service"
  | "code_agency"
  | "code_taken"
  | "dossier_not_found"
  | "paper_not_found"
  | "not_synced"
  | "stale_version"
  | "same_status"
  | "apology_not_later"
  | "external_code_taken";

type ApiErrorCode = ErrorKind | RuleCode;

/** The meaning of every code, in both languages (the order is the reference page's). */
export const API_ERROR_MESSAGES: Record<ApiErrorCode, Bilingual> = {
  unauthenticated: {
    vi: "Thiếu khóa API, hoặc khóa không hợp lệ hay đã bị thu hồi.",
    en: "The API key is missing, invalid or revoked.",
  },
  forbidden: { vi: "Khóa API không được làm việc này.", en: "The API key may not do this." },
  foreign_sender: {
    vi: "from.organId không phải cơ quan của khóa API: không gửi văn bản thay cơ quan khác.",
    en: "from.organId is not the API key's agency: a document cannot be sent on another agency's behalf.",
  },
  not_found: {
    vi: "Không tìm thấy, hoặc không thuộc cơ quan của khóa API.",
    en: "Not found, or not the API key's agency's.",
  },
  invalid: { vi: "Dữ liệu không hợp lệ; `errors` chỉ rõ từng trường.", en: "The data is invalid; `errors` names each field." },
  invalid_query: { vi: "Tham số truy vấn không hợp lệ.", en: "A query parameter is invalid." },
  invalid_json: { vi: "Nội dung không phải JSON hợp lệ.", en: "The body is not valid JSON." },
  invalid_encoding: { vi: "Nội dung không phải văn bản UTF-8 hợp lệ.", en: "The body is not valid UTF-8 text." },
  empty_body: { vi: "Nội dung yêu cầu rỗng.", en: "The request body is empty." },
  invalid_document: {
    vi: "Văn bản (EdDocument) không đúng lược đồ; `errors` chỉ rõ từng trường.",
    en: "The document (EdDocument) does not match the schema; `errors` names each field.",
  },
  invalid_edxml: {
    vi: "Gói tin edXML không đọc được hoặc không đúng cấu trúc.",
    en: "The edXML package cannot be read or is not well structured.",
  },
  unknown_recipient: {
    vi: "Không tìm thấy cơ quan nhận, hoặc cơ quan đã giải thể mà không có cơ quan kế thừa.",
    en: "The recipient agency does not exist, or was dissolved without a successor.",
  },
  self_recipient: { vi: "Cơ quan không gửi văn bản cho chính mình.", en: "An agency cannot send a document to itself." },
  unknown_replaced: {
    vi: "Không tìm thấy văn bản được cập nhật, thay thế của cơ quan gửi.",
    en: "The document to update or replace was not found among the sender's documents.",
  },
  number_used: {
    vi: "Số văn bản cùng loại, cùng năm đã được dùng.",
    en: "This document number is already used for the same type and year.",
  },
  message_id_used: {
    vi: "Mã thông điệp đã được dùng cho văn bản khác.",
    en: "The message id is already used for another document.",
  },
  invalid_transition: {
    vi: "Không được chuyển sang trạng thái này từ trạng thái hiện tại.",
    en: "This status change is not allowed from the current status.",
  },
  reason_required: { vi: "Từ chối văn bản (02) phải nêu lý do.", en: "Refusing a document (02) requires a reason." },
  conflict: { vi: "Xung đột với dữ liệu hiện có.", en: "The request conflicts with existing data." },
  concurrent_change: {
    vi: "Một yêu cầu khác cùng lúc vừa ghi dữ liệu này trước; gửi lại để nhận kết quả.",
    en: "A concurrent request wrote this data first; send again to get the result.",
  },
  stale: {
    vi: "Văn bản vừa được cập nhật bởi yêu cầu khác; đọc lại rồi gửi lại.",
    en: "The document was just updated by another request; read it again, then resend.",
  },
  unknown_answered: {
    vi: "Không tìm thấy văn bản được trả lời trong sổ văn bản đến của cơ quan: chỉ trả lời được văn bản cơ quan đã nhận.",
    en: "The document answered is not in the agency's incoming register: only a received document can be answered.",
  },
  unsupported_attachment: {
    vi: "Tệp đính kèm có nội dung (nhận biết theo các byte đầu, không theo tên hay kiểu khai báo) không phải PDF, JPEG, PNG, DOCX, XLSX, ODT hoặc ODS.",
    en: "An attachment's content (recognised by its first bytes, not its name or declared type) is not PDF, JPEG, PNG, DOCX, XLSX, ODT or ODS.",
  },
  too_large: { vi: "Nội dung yêu cầu vượt quá giới hạn.", en: "The request body exceeds the limit." },
  rate_limited: { vi: "Quá nhiều yêu cầu trong thời gian ngắn; thử lại sau.", en: "Too many requests in a short time; try again later." },
  api_key_rate_limited: {
    vi: "Khóa API đã dùng hết số yêu cầu cho phép trong mỗi phút; thử lại sau số giây ghi ở tiêu đề Retry-After.",
    en: "The API key has used its requests for this minute; try again after the seconds given in the Retry-After header.",
  },
  too_many_wrong_keys: {
    vi: "Có quá nhiều lần gửi khóa API sai từ địa chỉ này; mọi khóa gửi từ địa chỉ này bị từ chối đến hết thời gian ghi ở tiêu đề Retry-After.",
    en: "Too many wrong API keys came from this address; every key from it is refused until the time given in the Retry-After header.",
  },
  unsupported_media_type: {
    vi: "Kiểu nội dung không được hỗ trợ: dùng application/json hoặc application/xml.",
    en: "Unsupported content type: use application/json or application/xml.",
  },
  unprocessable: {
    vi: "Dữ liệu đúng cú pháp nhưng không xử lý được (API đồng bộ hồ sơ, HTTP 422): errors[] nêu từng trường.",
    en: "Well-formed but cannot be processed (dossier sync API, HTTP 422): errors[] names each field.",
  },
  invalid_body: {
    vi: "Thân yêu cầu không đúng lược đồ; errors[] nêu từng trường.",
    en: "The request body does not match the schema; errors[] names each field.",
  },
  idempotency_key_missing: {
    vi: "Thiếu tiêu đề Idempotency-Key, hoặc giá trị không hợp lệ.",
    en: "The Idempotency-Key header is missing or invalid.",
  },
  idempotency_key_reused: {
    vi: "Idempotency-Key này đã được dùng cho một yêu cầu có nội dung khác.",
    en: "This Idempotency-Key was already used for a request with a different body.",
  },
  unknown_service: {
    vi: "Không tìm thấy dịch vụ công (serviceCode hoặc procedureCode) của cơ quan.",
    en: "The agency has no such public service (serviceCode or procedureCode).",
  },
  code_agency: {
    vi: "Mã hồ sơ phải bắt đầu bằng mã định danh của cơ quan của khóa API.",
    en: "The dossier code must start with the API key's agency identifier.",
  },
  code_taken: { vi: "Mã hồ sơ đã có trên Cổng.", en: "The dossier code already exists on the portal." },
  dossier_not_found: {
    vi: "Không có hồ sơ này, hoặc hồ sơ không thuộc cơ quan của khóa API.",
    en: "No such dossier, or it is not the API key's agency's.",
  },
  paper_not_found: { vi: "Không có giấy tờ này trong hồ sơ.", en: "No such paper in the dossier." },
  not_synced: {
    vi: "Hồ sơ không được giải quyết trên hệ thống một cửa của cơ quan nên không nhận trạng thái qua API.",
    en: "The dossier is not processed in the agency's one-stop system, so its status cannot be set through the API.",
  },
  stale_version: {
    vi: "version đã cũ: hồ sơ vừa thay đổi; currentVersion và currentStatus cho biết hiện trạng.",
    en: "The version is stale: the dossier has just changed; currentVersion and currentStatus give its state now.",
  },
  same_status: {
    vi: "Hồ sơ đã ở trạng thái này.",
    en: "The dossier already has this status.",
  },
  apology_not_later: {
    vi: "Ngày hẹn mới trong thư xin lỗi phải sau ngày hẹn hiện tại.",
    en: "The new due date of an apology must be later than the current one.",
  },
  external_code_taken: {
    vi: "Mã hồ sơ trên hệ thống của cơ quan đã được dùng cho hồ sơ khác.",
    en: "The agency system's dossier code is already used for another dossier.",
  },
  unexpected: {
    vi: "Lỗi hệ thống; `reference` là mã tra cứu trong nhật ký của Cổng.",
    en: "Internal error; `reference` is the id to look up in the portal's log.",
  },
};

/** A field at fault in English: the Vietnamese message (the rule's own words) is kept as it is; English names the field. */
export const fieldMessageEn = (field: string): string => `${field}: invalid or missing value.`;

const isApiErrorCode = (v: string): v is ApiErrorCode => Object.hasOwn(API_ERROR_MESSAGES, v);

/** The words of a code; a code of another module (e.g. a dossier rule passed through) takes its kind's. */
export function apiErrorMessages(code: string, kind: ErrorKind): Bilingual {
  return isApiErrorCode(code) ? API_ERROR_MESSAGES[code] : API_ERROR_MESSAGES[kind];
}

/** The language a client asked for (Accept-Language, by quality): English when it prefers English, else Vietnamese. */
export function apiLanguage(acceptLanguage: string | null | undefined): ApiLanguage {
  if (!acceptLanguage) return "vi";
  const ranked = acceptLanguage
    .split(",")
    .map((part, i) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { lang: tag.trim().toLowerCase().split("-")[0]!, q: q === undefined ? 1 : Number(q), i };
    })
    .filter((x) => (x.lang === "vi" || x.lang === "en") && x.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  return ranked[0]?.lang === "en" ? "en" : "vi";
}
