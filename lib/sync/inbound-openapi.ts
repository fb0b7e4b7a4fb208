// The dossier sync API's inbound paths in the OpenAPI document (lib/documents/openapi.ts spreads them in),
// generated from the same zod schemas the routes validate with (lib/sync/schema.ts). Issue 17.
import "server-only";
import { z } from "zod";
import { DossierSyncAnswer, DossierView, InboundDossierBody, ReconcileBody, ReconcileReport, StatusPushBody } from "./schema";

const json = (schema: z.ZodType) => z.toJSONSchema(schema, { io: "input", unrepresentable: "any" });

export const inboundSchemas = () => ({
  InboundDossier: json(InboundDossierBody),
  StatusPush: json(StatusPushBody),
  Reconcile: json(ReconcileBody),
  DossierSyncAnswer: json(DossierSyncAnswer),
  DossierView: json(DossierView),
  ReconcileReport: json(ReconcileReport),
});

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const ok = (description: string, schema: string) => ({ description, content: { "application/json": { schema: ref(schema) } } });
const problem = (description: string) => ({ description, content: { "application/problem+json": { schema: ref("Problem") } } });
const body = (schema: string) => ({ required: true, content: { "application/json": { schema: ref(schema) } } });
const idempotencyKey = {
  name: "Idempotency-Key",
  in: "header",
  required: true,
  schema: { type: "string", pattern: "^[A-Za-z0-9._:-]{8,64}$" },
  description:
    "Khóa chống lặp: gửi lại cùng khóa và cùng nội dung nhận lại đúng câu trả lời đã lưu, không thay đổi gì; cùng khóa với nội dung khác bị từ chối 422 idempotency_key_reused",
};
const code = { name: "code", in: "path", required: true, schema: { type: "string" }, description: "Mã hồ sơ" };
const common = {
  "401": problem("Thiếu hoặc sai khóa API (unauthenticated)"),
  "429": problem("Quá nhiều yêu cầu (api_key_rate_limited, too_many_wrong_keys); kèm Retry-After"),
};
const unprocessable = problem("Dữ liệu không hợp lệ: errors[] nêu từng trường (invalid_body, unknown_service, code_agency, …)");
const notFound = problem("Không có, hoặc không thuộc cơ quan của khóa (dossier_not_found)");

export const inboundPaths = () => ({
  "/ho-so": {
    post: {
      summary: "Hệ thống một cửa của cơ quan tạo hồ sơ đã tiếp nhận tại bộ phận một cửa, cổng tỉnh hoặc bưu chính",
      parameters: [idempotencyKey],
      requestBody: body("InboundDossier"),
      responses: {
        "201": ok("Đã tạo; trackingPin in trên phiếu hẹn để tra cứu công khai", "DossierSyncAnswer"),
        "400": problem("Thiếu Idempotency-Key (idempotency_key_missing) hoặc JSON sai"),
        "409": problem("Mã hồ sơ đã có (code_taken)"),
        "422": unprocessable,
        ...common,
      },
    },
  },
  "/ho-so/{code}": {
    get: {
      summary: "Trạng thái, phiên bản và các mốc thời gian của hồ sơ trên Cổng",
      parameters: [code],
      responses: { "200": ok("Hồ sơ", "DossierView"), "404": notFound, ...common },
    },
  },
  "/ho-so/{code}/trang-thai": {
    post: {
      summary: "Cập nhật trạng thái (mã trạng thái quốc gia 1–10) kèm lý do, yêu cầu bổ sung, thư xin lỗi, kết quả",
      parameters: [code, idempotencyKey],
      requestBody: body("StatusPush"),
      responses: {
        "200": ok("Đã cập nhật", "DossierSyncAnswer"),
        "404": notFound,
        "409": problem(
          "version cũ (stale_version, kèm currentVersion và currentStatus) hoặc không chuyển được trạng thái (invalid_transition)",
        ),
        "422": unprocessable,
        ...common,
      },
    },
  },
  "/ho-so/doi-soat": {
    post: {
      summary: "Đối soát một ngày: số hồ sơ theo trạng thái hai phía và các hồ sơ chênh lệch; lưu theo cơ quan và ngày",
      requestBody: body("Reconcile"),
      responses: { "200": ok("Báo cáo đối soát", "ReconcileReport"), "422": unprocessable, ...common },
    },
  },
});
