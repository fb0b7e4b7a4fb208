// The OpenAPI 3.1 description of /api/v1, generated from the same zod schemas the API validates with,
// so the documentation cannot drift from what the endpoints accept.
import "server-only";
import { z } from "zod";
import { EdDocument } from "./schema";
import { StatusInput } from "./api";
import { PushDocumentBody, PushStatusBody } from "./push-schema";

const json = (schema: z.ZodType) => z.toJSONSchema(schema, { io: "input", unrepresentable: "any" });

const error = {
  description: "Lỗi, kèm lý do",
  content: { "application/json": { schema: { type: "object", properties: { error: { type: "string" } }, required: ["error"] } } },
};
const unauthorized = { description: "Thiếu hoặc sai khóa API (hoặc khóa đã bị thu hồi)", ...{ content: error.content } };
const notFound = { description: "Không có, hoặc không thuộc cơ quan của khóa", ...{ content: error.content } };

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
        PushDocumentBody: json(PushDocumentBody),
        PushStatusBody: json(PushStatusBody),
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
            "201": { description: "Đã lưu và chuyển tới các nơi nhận" },
            "200": { description: "Đã lưu trước đó (gửi lại cùng messageId)" },
            "400": error,
            "401": unauthorized,
            "403": { description: "Cơ quan gửi trong văn bản khác cơ quan của khóa", content: error.content },
            "409": { description: "Số văn bản đã dùng, hoặc messageId đã dùng cho văn bản khác", content: error.content },
            "413": error,
            "415": error,
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
          responses: { "200": { description: "Danh sách văn bản đến" }, "400": error, "401": unauthorized },
        },
      },
      "/van-ban/den/{recipientId}/xac-nhan": {
        post: {
          summary: "Xác nhận đã nhận văn bản; trả lại sha256 của thông điệp (bằng chứng đã nhận)",
          parameters: [{ name: "recipientId", in: "path", required: true, schema: { type: "string", format: "uuid" } }],
          responses: { "200": { description: "Đã xác nhận" }, "401": unauthorized, "404": notFound },
        },
      },
      "/van-ban/den/{recipientId}/trang-thai": {
        post: {
          summary: "Gửi trạng thái xử lý (03, 02, 04, 05, 06; 15/16 trả lời yêu cầu lấy lại; 13 bên gửi yêu cầu lấy lại)",
          parameters: [{ name: "recipientId", in: "path", required: true, schema: { type: "string", format: "uuid" } }],
          requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/StatusInput" } } } },
          responses: { "200": { description: "Đã ghi nhận trạng thái" }, "400": error, "401": unauthorized, "404": notFound, "409": error },
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
          responses: { "200": { description: "Trạng thái theo nơi nhận" }, "401": unauthorized, "404": notFound },
        },
      },
    },
  };
}
