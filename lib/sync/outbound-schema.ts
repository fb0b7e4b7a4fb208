// Issue 17, dossier sync (outbound half): the bodies the portal sends an agency's one-stop system and the answers of
// its outbound endpoints, as zod schemas (the OpenAPI document is generated from them, lib/sync/outbound-openapi.ts).
// Pure: the reference client (scripts/sync-client) checks what it receives with the same schemas.
import { z } from "zod";

const DeliveredPaper = z.object({
  id: z.uuid(),
  field: z.string().nullable().describe("Trường của tờ khai mà giấy tờ trả lời"),
  name: z.string().describe("Tên tệp"),
  contentType: z.string(),
  size: z.number().int(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  url: z.string().describe("GET với khóa API của cơ quan: /api/v1/ho-so/{code}/giay-to/{id}"),
});

export const DeliveredDossierSchema = z.object({
  code: z.string().describe("Mã hồ sơ trên Cổng"),
  version: z.number().int().describe("Phiên bản hiện tại (dùng cho cập nhật trạng thái)"),
  status: z.number().int().min(1).max(10).describe("Mã trạng thái quốc gia 1–10"),
  deliveryState: z.enum(["PENDING", "DELIVERED", "ACKNOWLEDGED"]).nullable(),
  serviceCode: z.string(),
  procedureCode: z.string(),
  applicant: z.object({
    name: z.string(),
    personalId: z.string().optional().describe("Số định danh cá nhân (12 chữ số)"),
    phone: z.string().nullable(),
    email: z.string().nullable(),
  }),
  submittedAt: z.iso.datetime(),
  dueAt: z.iso.datetime().nullable(),
  answers: z.record(z.string(), z.unknown()).describe("Các câu trả lời của tờ khai, theo mã trường"),
  answerLabels: z.record(z.string(), z.unknown()).describe("Nhãn hiển thị của các câu trả lời (tên lựa chọn, địa chỉ đầy đủ, tên tệp)"),
  papers: z.array(DeliveredPaper),
  fees: z.object({ total: z.number().int(), paid: z.number().int(), detail: z.unknown() }).describe("Phí, lệ phí (đồng)"),
});

/** What the portal POSTs to the agency's sync endpoint, signed in X-Portal-Signature: sha256=<hex>. */
export const DossierFiledPush = z.object({ event: z.literal("dossier.filed"), dossier: DeliveredDossierSchema });

export const PullAnswer = z.object({ items: z.array(DeliveredDossierSchema) });

export const AcknowledgeAnswer = z.object({
  code: z.string(),
  status: z.number().int(),
  version: z.number().int().describe("Phiên bản mới: gửi kèm lần cập nhật trạng thái tiếp theo"),
  deliveryState: z.literal("ACKNOWLEDGED"),
  acknowledgedAt: z.iso.datetime(),
  externalCode: z.string().nullable(),
});
