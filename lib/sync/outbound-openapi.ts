// Issue 17, dossier sync (outbound half) in the OpenAPI document (lib/documents/openapi.ts spreads these in): the
// webhook the portal POSTs to an agency's sync endpoint, and the endpoints the agency calls to pull dossiers,
// download their papers and acknowledge them. Generated from the schemas the code validates and answers with.
import "server-only";
import { z } from "zod";
import { AcknowledgeBody, PULL_MAX_LIMIT } from "./outbound";
import { AcknowledgeAnswer, DossierFiledPush, PullAnswer } from "./outbound-schema";

const json = (schema: z.ZodType) => z.toJSONSchema(schema, { io: "input", unrepresentable: "any" });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const problem = (description: string) => ({ description, content: { "application/problem+json": { schema: ref("Problem") } } });
const unauthorized = problem("Thiếu hoặc sai khóa API, hoặc khóa đã bị thu hồi (code unauthenticated)");
const tooMany = problem("Quá nhiều yêu cầu (api_key_rate_limited, too_many_wrong_keys); kèm Retry-After");
const notFound = problem("Không có, hoặc không phải hồ sơ đã chuyển đến cơ quan của khóa (dossier_not_found, paper_not_found)");
const codeParam = { name: "code", in: "path", required: true, schema: { type: "string" }, description: "Mã hồ sơ trên Cổng" };

export function syncOutSchemas() {
  return {
    DossierFiledPush: json(DossierFiledPush),
    DossierPullAnswer: json(PullAnswer),
    DossierAcknowledgeBody: json(AcknowledgeBody),
    DossierAcknowledgeAnswer: json(AcknowledgeAnswer),
  };
}

export function syncOutWebhooks() {
  return {
    "ho-so": {
      post: {
        summary: "Cổng chuyển hồ sơ nộp trực tuyến của dịch vụ đồng bộ tới hệ thống một cửa của cơ quan",
        description:
          "Thân JSON ký HMAC-SHA256 bằng khóa ký của địa chỉ nhận hồ sơ, trong tiêu đề X-Portal-Signature: sha256=<hex>. Trả 2xx khi đã nhận (hồ sơ chuyển sang DELIVERED); lỗi khác 2xx hoặc không kết nối được thì Cổng gửi lại với thời gian chờ tăng dần, sau cùng vào danh sách gửi không thành công. Sau đó hệ thống tải giấy tờ và xác nhận tiếp nhận.",
        requestBody: { required: true, content: { "application/json": { schema: ref("DossierFiledPush") } } },
        responses: { "200": { description: "Đã nhận" } },
      },
    },
  };
}

export function syncOutPaths() {
  return {
    "/ho-so/moi": {
      get: {
        summary: "Hồ sơ đã chuyển (hoặc đang chờ chuyển) đến cơ quan mà chưa được xác nhận tiếp nhận, cũ nhất trước",
        parameters: [{ name: "so-luong", in: "query", schema: { type: "integer", minimum: 1, maximum: PULL_MAX_LIMIT, default: 20 } }],
        responses: {
          "200": { description: "Danh sách hồ sơ", content: { "application/json": { schema: ref("DossierPullAnswer") } } },
          "400": problem("Tham số không hợp lệ (invalid_query; field so-luong)"),
          "401": unauthorized,
          "429": tooMany,
        },
      },
    },
    "/ho-so/{code}/giay-to/{id}": {
      get: {
        summary: "Tải một giấy tờ của hồ sơ đã chuyển đến cơ quan",
        parameters: [codeParam, { name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } }],
        responses: {
          "200": { description: "Nội dung tệp (Content-Type của tệp; X-Content-SHA256)", content: { "application/octet-stream": {} } },
          "401": unauthorized,
          "404": notFound,
          "429": tooMany,
        },
      },
    },
    "/ho-so/{code}/tiep-nhan": {
      post: {
        summary: "Hệ thống một cửa của cơ quan xác nhận đã tiếp nhận hồ sơ (ACKNOWLEDGED); gửi lại trả cùng kết quả",
        parameters: [codeParam],
        requestBody: { required: true, content: { "application/json": { schema: ref("DossierAcknowledgeBody") } } },
        responses: {
          "200": { description: "Đã xác nhận", content: { "application/json": { schema: ref("DossierAcknowledgeAnswer") } } },
          "400": problem("Thân yêu cầu không hợp lệ (invalid; trường sai được nêu trong fields)"),
          "401": unauthorized,
          "404": notFound,
          "429": tooMany,
        },
      },
    },
  };
}
