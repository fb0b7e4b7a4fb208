// The bodies the portal POSTs to an agency's registered endpoint (see delivery.ts), as zod schemas: the
// OpenAPI description documents them as webhooks, and delivery.ts builds its bodies to these types.
import { z } from "zod";
import { EdDocument } from "./schema";

const Staff = z.object({ name: z.string(), department: z.string().optional() });

export const PushDocumentBody = z.object({
  type: z.literal("document"),
  recipientId: z.uuid().describe("Bản của cơ quan nhận; dùng cho /van-ban/den/{recipientId}/..."),
  documentKey: z.string().describe("Mã văn bản OrganId,yyyy/MM/dd,số/ký hiệu"),
  sha256: z.string().describe('sha256 của thông điệp; trả lại trong phản hồi {"sha256": …} để xác nhận đã nhận'),
  status: z.string(),
  arrivedAt: z.string(),
  document: EdDocument,
  attachmentsSha256: z.array(z.string()),
});

export const PushStatusBody = z.object({
  type: z.literal("status"),
  recipientId: z.uuid(),
  documentKey: z.string(),
  organId: z.string().describe("Cơ quan nhận có trạng thái này"),
  organName: z.string(),
  status: z.string().describe("Mã trạng thái QCVN 102 vừa đặt"),
  currentStatus: z.string().describe("Trạng thái hiện tại của bản (khác status khi từ chối lấy lại: 16 rồi trở về)"),
  at: z.string(),
  staff: Staff.nullable(),
  description: z.string().optional(),
});
