// RFC 9457 problem details: how an AppError (or a use case's Failure) leaves the HTTP API. The `code` is
// the stable rule code; `errors` names each field at fault. Pure.
import { z } from "zod";
import { HTTP_STATUS, type Failure } from "./app-error";

/** The problem details every refusal carries; the API description (lib/documents/openapi.ts) publishes it. */
export const ProblemSchema = z.object({
  type: z.string().describe("Tài liệu về lỗi này"),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().describe("Mô tả lỗi bằng tiếng Việt"),
  code: z
    .string()
    .describe(
      "Mã lỗi ổn định, ví dụ unauthenticated, forbidden, not_found, invalid_document, invalid_edxml, invalid_json, invalid_query, number_used, message_id_used, unknown_recipient, invalid_transition, too_large, unsupported_media_type",
    ),
  instance: z.string().optional(),
  errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  /** The reference of an unexpected failure, as written to the server log. */
  reference: z.string().optional().describe("Mã tham chiếu của lỗi hệ thống, ghi trong nhật ký máy chủ"),
});

export type Problem = z.infer<typeof ProblemSchema>;

/** The problem types are documented at the API reference page, one anchor per code. */
const PROBLEM_BASE = "/tai-lieu-api#loi-";

const TITLES: Record<Failure["code"], string> = {
  invalid: "Dữ liệu không hợp lệ",
  unauthenticated: "Chưa xác thực",
  forbidden: "Không có quyền",
  not_found: "Không tìm thấy",
  conflict: "Xung đột dữ liệu",
  too_large: "Nội dung quá lớn",
  unsupported_media_type: "Kiểu nội dung không được hỗ trợ",
  unprocessable: "Dữ liệu không xử lý được",
  rate_limited: "Quá nhiều yêu cầu",
  unexpected: "Lỗi hệ thống",
};

export function toProblem(f: Failure, instance?: string): Problem {
  const errors = Object.entries(f.fieldErrors)
    .filter(([field]) => field !== "_form")
    .map(([field, message]) => ({ field, message }));
  return {
    type: `${PROBLEM_BASE}${f.reason.replace(/[^a-z0-9_.-]/gi, "-")}`,
    title: TITLES[f.code],
    status: HTTP_STATUS[f.code],
    detail: f.message,
    code: f.reason,
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
