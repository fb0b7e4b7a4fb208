// RFC 9457 problem details: how an AppError (or a use case's Failure) leaves the HTTP API. The `code` is
// the stable rule code; `errors` names each field at fault. Pure.
import { z } from "zod";
import { HTTP_STATUS, type Failure } from "./app-error";
import { apiErrorMessages, fieldMessageEn, KIND_TITLES, type ApiLanguage } from "./messages";

const BilingualSchema = z.object({
  vi: z.string().describe("Tiếng Việt"),
  en: z.string().describe("English"),
});

/** The problem details every refusal carries; the API description (lib/documents/openapi.ts) publishes it. */
export const ProblemSchema = z.object({
  type: z.string().describe("Tài liệu về lỗi này"),
  title: z.string().describe("Tên loại lỗi, theo Accept-Language (mặc định tiếng Việt; en: tiếng Anh)"),
  status: z.number().int(),
  detail: z
    .string()
    .describe("Mô tả lỗi: tiếng Việt, chi tiết như trước (mặc định); với Accept-Language: en, nghĩa của mã lỗi bằng tiếng Anh"),
  code: z
    .string()
    .describe(
      "Mã lỗi ổn định, ví dụ unauthenticated, forbidden, not_found, invalid_document, invalid_edxml, invalid_json, invalid_query, number_used, message_id_used, unknown_recipient, invalid_transition, too_large, unsupported_media_type",
    ),
  /** The code's meaning in both languages, from the one table (lib/errors/messages.ts), whatever Accept-Language says. */
  messages: BilingualSchema.describe("Nghĩa của mã lỗi bằng tiếng Việt và tiếng Anh (bảng mã lỗi trên /tai-lieu-api)"),
  instance: z.string().optional(),
  errors: z
    .array(
      z.object({
        field: z.string(),
        message: z.string().describe("Lỗi của trường, tiếng Việt"),
        messages: BilingualSchema.describe("Lỗi của trường bằng tiếng Việt và tiếng Anh"),
      }),
    )
    .optional(),
  /** The reference of an unexpected failure, as written to the server log. */
  reference: z.string().optional().describe("Mã tham chiếu của lỗi hệ thống, ghi trong nhật ký máy chủ"),
});

export type Problem = z.infer<typeof ProblemSchema>;

/** The problem types are documented at the API reference page, one anchor per code. */
const PROBLEM_BASE = "/tai-lieu-api#loi-";

/**
 * The problem of a failure. `language` (from Accept-Language: lib/errors/messages.ts apiLanguage) picks the title
 * and detail: Vietnamese keeps today's detailed message; English gives the code's meaning. Both languages are
 * always in `messages`, and per field in `errors[].messages`.
 */
export function toProblem(f: Failure, instance?: string, language: ApiLanguage = "vi"): Problem {
  const messages = apiErrorMessages(f.reason, f.code);
  const errors = Object.entries(f.fieldErrors)
    .filter(([field]) => field !== "_form")
    .map(([field, message]) => ({ field, message, messages: { vi: message, en: fieldMessageEn(field) } }));
  const detail = language === "en" ? messages.en + (f.reference ? ` (reference ${f.reference})` : "") : f.message;
  return {
    type: `${PROBLEM_BASE}${f.reason.replace(/[^a-z0-9_.-]/gi, "-")}`,
    title: KIND_TITLES[f.code][language],
    status: HTTP_STATUS[f.code],
    detail,
    code: f.reason,
    messages,
    ...(instance ? { instance } : {}),
    ...(errors.length ? { errors } : {}),
    ...(f.reference ? { reference: f.reference } : {}),
    ...(f.details ?? {}),
  };
}

/** The HTTP response of a problem: application/problem+json, never cached. */
export function problemResponse(p: Problem, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(p), {
    status: p.status,
    headers: { "Content-Type": "application/problem+json; charset=utf-8", "Cache-Control": "no-store", ...headers },
  });
}
