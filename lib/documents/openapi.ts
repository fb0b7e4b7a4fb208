// The OpenAPI 3.1 description of /api/v1, generated with zod 4's z.toJSONSchema from the same schemas the
// API validates with and answers in, so the documentation cannot drift from what the endpoints do. Every
// refusal is an RFC 9457 problem (application/problem+json) whose `code` is stable.
import "server-only";
import { z } from "zod";
import { ProblemSchema } from "@/lib/errors/problem";
import { EdDocument } from "./schema";
import { StatusInput } from "./status";
import { PushDocumentBody, PushStatusBody } from "./push-schema";
import { inboundPaths, inboundSchemas } from "@/lib/sync/inbound-openapi";
import { syncOutPaths, syncOutSchemas, syncOutWebhooks } from "@/lib/sync/outbound-openapi";

const json = (schema: z.ZodType) => z.toJSONSchema(schema, { io: "input", unrepresentable: "any" });

const SendAnswer = z.object({
  documentKey: z.string().describe("Mã văn bản OrganId,yyyy/MM/dd,số/ký hiệu"),
  sha256: z.string().describe("sha256 của thông điệp đã nhận"),
  duplicate: z.boolean().describe("true khi là lần gửi lại cùng messageId"),
});

const Acknowledgement = z.object({ recipientId: z.uuid(), documentKey: z.string(), sha256: z.string(), acknowledgedAt: z.iso.datetime() });

const StatusAnswer = z.object({
  recipientId: z.uuid(),
  documentKey: z.string(),
  status: z.string().describe("Trạng thái hiện tại của bản"),
});

const answer = (description: string, schema: string) => ({
  description,
  content: { "application/json": { schema: { $ref: `#/components/schemas/${schema}` } } },
});
const problem = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
});
const error = problem("Yêu cầu không hợp lệ (mã lỗi trong code)");
const unauthorized = problem("Thiếu hoặc sai khóa API, hoặc khóa đã bị thu hồi (code unauthenticated; kèm WWW-Authenticate)");
const tooMany = problem(
  "Quá nhiều yêu cầu với khóa này (api_key_rate_limited), hoặc quá nhiều khóa sai từ địa chỉ này (too_many_wrong_keys); kèm Retry-After (giây)",
);
const notFound = problem("Không có, hoặc không thuộc cơ quan của khóa (code not_found)");

export function openApiDocument(baseUrl: string) {
  return {
    openapi: "3.1.0",
    info: {
      title: "Cổng Dịch vụ công Quốc gia — API liên thông văn bản",
      version: "1.0.0",
      description:
        "Gửi, nhận, xác nhận văn bản điện tử và trao đổi trạng thái xử lý theo QCVN 102:2016/BTTTT (edXML). Mỗi cơ quan dùng khóa API riêng; mỗi yêu cầu được ghi nhật ký trao đổi.",
    },
    servers: [{ url: `${baseUrl}/api/v1` }],
    security: [{ apiKey: [] }],
    components: {
      securitySchemes: { apiKey: { type: "http", scheme: "bearer", description: "Khóa API của cơ quan: `Authorization: Bearer dvc_…`" } },
      schemas: {
        EdDocument: json(EdDocument),
        StatusInput: json(StatusInput),
        Problem: json(ProblemSchema),
        // Issue 17: the dossier sync API, inbound half.
        ...inboundSchemas(),
        SendAnswer: json(SendAnswer),
        Acknowledgement: json(Acknowledgement),
        StatusAnswer: json(StatusAnswer),
        PushDocumentBody: json(PushDocumentBody),
        PushStatusBody: json(PushStatusBody),
        ...syncOutSchemas(),
      },
    },
    // What the portal POSTs to an agency's registered endpoint (Quản trị cơ quan → Kết nối hệ thống).
    webhooks: {
      "van-ban": {
        post: {
          summary: "Cổng chuyển văn bản tới địa chỉ nhận của cơ quan",
          description:
            'Thân JSON ký HMAC-SHA256 bằng khóa ký của địa chỉ nhận, trong tiêu đề X-Portal-Signature: sha256=<hex>. Trả 2xx kèm {"sha256": …} của thông điệp để xác nhận đã nhận; lỗi khác 2xx được gửi lại với thời gian chờ tăng dần.',
          requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/PushDocumentBody" } } } },
          responses: { "200": { description: "Đã nhận" } },
        },
      },
      "trang-thai": {
        post: {
          summary: "Cổng chuyển trạng thái xử lý của nơi nhận (hoặc yêu cầu lấy lại của bên gửi)",
          requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/PushStatusBody" } } } },
          responses: { "200": { description: "Đã nhận" } },
        },
      },
      ...syncOutWebhooks(),
    },
    paths: {
      "/van-ban": {
        post: {
          summary: "Gửi văn bản (JSON hoặc edXML); gửi lại cùng messageId được lưu một lần",
          requestBody: {
            required: true,
            content: {
              "application/json": { schema: { $ref: "#/components/schemas/EdDocument" } },
              "application/xml": { schema: { type: "string", description: "Thông điệp edXML theo QCVN 102:2016/BTTTT" } },
            },
          },
          responses: {
            "201": answer("Đã lưu và chuyển tới các nơi nhận", "SendAnswer"),
            "200": answer("Đã lưu trước đó (gửi lại cùng messageId)", "SendAnswer"),
            "400": problem(
              "Văn bản không hợp lệ (invalid_document, invalid_edxml, invalid_json, invalid_encoding, empty_body, unknown_recipient, self_recipient, unknown_replaced, unknown_answered, unsupported_attachment)",
            ),
            "401": unauthorized,
            "429": tooMany,
            "403": problem("Cơ quan gửi trong văn bản khác cơ quan của khóa (forbidden)"),
            "409": problem("Số văn bản đã dùng (number_used), hoặc messageId đã dùng cho văn bản khác (message_id_used)"),
            "413": problem("Nội dung quá lớn (too_large)"),
            "415": problem("Kiểu nội dung không được hỗ trợ (unsupported_media_type)"),
          },
        },
      },
      "/van-ban/den": {
        get: {
          summary: "Văn bản gửi tới cơ quan chưa được xác nhận",
          parameters: [
            { name: "dinh-dang", in: "query", schema: { type: "string", enum: ["json", "edxml"] } },
            { name: "tu", in: "query", schema: { type: "string", format: "date-time" } },
            { name: "so-luong", in: "query", schema: { type: "integer", minimum: 1, maximum: 50 } },
          ],
          responses: { "200": { description: "Danh sách văn bản đến" }, "400": error, "401": unauthorized, "429": tooMany },
        },
      },
      "/van-ban/den/{recipientId}/xac-nhan": {
        post: {
          summary: "Xác nhận đã nhận văn bản; trả lại sha256 của thông điệp (bằng chứng đã nhận)",
          parameters: [{ name: "recipientId", in: "path", required: true, schema: { type: "string", format: "uuid" } }],
          responses: { "200": answer("Đã xác nhận", "Acknowledgement"), "401": unauthorized, "429": tooMany, "404": notFound },
        },
      },
      "/van-ban/den/{recipientId}/trang-thai": {
        post: {
          summary: "Gửi trạng thái xử lý (03, 02, 04, 05, 06; 15/16 trả lời yêu cầu lấy lại; 13 bên gửi yêu cầu lấy lại)",
          parameters: [{ name: "recipientId", in: "path", required: true, schema: { type: "string", format: "uuid" } }],
          requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/StatusInput" } } } },
          responses: {
            "200": answer("Đã ghi nhận trạng thái", "StatusAnswer"),
            "400": error,
            "401": unauthorized,
            "429": tooMany,
            "404": notFound,
            "409": problem("Không được chuyển sang trạng thái này (invalid_transition)"),
            "413": problem("Nội dung quá lớn (too_large)"),
          },
        },
      },
      "/van-ban/di/trang-thai": {
        get: {
          summary: "Trạng thái xử lý tại từng nơi nhận của văn bản cơ quan đã gửi",
          parameters: [
            {
              name: "ma",
              in: "query",
              required: true,
              schema: { type: "string" },
              description: "Mã văn bản OrganId,yyyy/MM/dd,số/ký hiệu",
            },
          ],
          responses: {
            "200": { description: "Trạng thái theo nơi nhận" },
            "400": error,
            "401": unauthorized,
            "429": tooMany,
            "404": notFound,
          },
        },
      },
      // Issue 17: the dossier sync API, inbound half.
      ...inboundPaths(),
      ...syncOutPaths(),
    },
  };
}
