// What sending a document takes, from either caller: the portal's compose form (the portal numbers the
// document) or an agency's own system through the API (the sender's system numbered it; an EdDocument).
// In both, attachments arrive already stored with their sha256, so the one transaction only records them.
import { z } from "zod";
import { isAgencyIdentifier } from "@/lib/agencies/identifier";
import { EdDocument } from "./schema";
import { DOCUMENT_TYPES } from "./types";

const StoredFile = z.object({
  name: z.string().min(1).max(255),
  contentType: z.string().max(200),
  size: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  storageKey: z.string().min(1),
});

const PortalDraft = z.object({
  numbering: z.literal("portal"),
  typeCode: z.string().refine((c) => c === "CV" || DOCUMENT_TYPES.some((t) => t.code === c), "Loại văn bản: vui lòng chọn loại văn bản."),
  subject: z.string().trim().min(5, "Trích yếu: vui lòng nhập trích yếu nội dung.").max(1000, "Trích yếu: không quá 1000 ký tự."),
  content: z.string().trim().max(20_000).optional(),
  /** Thẩm quyền ký (Decree 30): TM. on behalf of a collective, KT. deputy signing for the head, TL., TUQ., Q. */
  signerCompetence: z.enum(["", "TM.", "KT.", "TL.", "TUQ.", "Q."], { error: "Thẩm quyền ký: vui lòng chọn trong danh sách." }).optional(),
  signerPosition: z.string().trim().min(2, "Chức vụ người ký: vui lòng nhập.").max(200),
  signerName: z.string().trim().min(2, "Họ tên người ký: vui lòng nhập.").max(200),
  priority: z.coerce.number().int().min(0).max(3).default(0),
  secrecy: z.coerce.number().int().min(0).max(3).default(0),
  dueDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Hạn trả lời: ngày không hợp lệ.")
    .optional(),
  recipients: z
    .array(z.string().refine(isAgencyIdentifier, "Nơi nhận: mã định danh không hợp lệ."))
    .min(1, "Nơi nhận: vui lòng chọn ít nhất một cơ quan.")
    .max(100),
  messageId: z.uuid(),
  unitAbbreviation: z.string().trim().max(20).optional(),
  /** edXML business type: 0 new, 2 update of, 3 replacement for the document `replacesKey`. */
  businessType: z.coerce
    .number()
    .int()
    .refine((v) => v === 0 || v === 2 || v === 3, "Loại nghiệp vụ không hợp lệ.")
    .default(0),
  replacesKey: z.string().trim().max(200).optional(),
  /** The document this one answers (one the agency received). */
  responseForKey: z.string().trim().max(200).optional(),
  /** Files already checked and stored by storeDocumentFiles (attachments.ts). */
  attachments: z.array(StoredFile).max(10).default([]),
});

const SenderNumbered = z.object({
  numbering: z.literal("sender"),
  /** The message as the sender's system sent it; its attachments are the stored files below, in order. */
  message: EdDocument,
  /** sha256 of the message as received (the raw request body): what the recipients' acknowledgement echoes. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  attachments: z.array(StoredFile).max(100),
});

/** The portal form posts no `numbering`: a draft without one is the portal's. */
const withNumbering = (raw: unknown) =>
  raw !== null && typeof raw === "object" && !Array.isArray(raw) && !("numbering" in raw) ? { ...raw, numbering: "portal" } : raw;

export const SendInput = z.preprocess(withNumbering, z.discriminatedUnion("numbering", [PortalDraft, SenderNumbered]));

export type PortalDraft = z.output<typeof PortalDraft>;
export type SenderNumbered = z.output<typeof SenderNumbered>;
export type StoredFile = z.output<typeof StoredFile>;
