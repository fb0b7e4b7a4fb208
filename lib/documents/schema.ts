// The JSON form of an inter-agency document message (QCVN 102:2016 edXML metadata), as the API accepts it
// and as edXML is read into; every error message is Vietnamese and starts with the field path.
import { z } from "zod";
import { isAgencyIdentifier } from "@/lib/agencies/identifier";
import {
  DOCUMENT_TYPES,
  SECRECY,
  URGENCY,
  documentId,
  documentTypeByCode,
  isIsoDate,
  notationTypeAbbreviation,
  NUMBER_NOTATION_RE,
  parseDocumentId,
} from "./types";

/** Total decoded size of all attachments in one message. */
export const MAX_ATTACHMENTS_BYTES = 20 * 1024 * 1024;
const MAX_RECIPIENTS = 500;
const MAX_ATTACHMENTS = 100;
const MAX_CONTENT_CHARS = 200_000;

type Issue = z.core.$ZodRawIssue;

/** "code.notation", "to.1.organId"; the whole document when the path is empty. */
export function fieldPath(path: readonly PropertyKey[] | undefined): string {
  return path && path.length ? path.map(String).join(".") : "(văn bản)";
}

const EXPECTED: Record<string, string> = {
  string: "chuỗi ký tự",
  number: "số",
  int: "số nguyên",
  object: "đối tượng",
  array: "danh sách",
  boolean: "giá trị đúng/sai",
};

/** A Vietnamese description of any issue zod raises here, for checks that do not say something more precise. */
function describe(iss: Issue): string {
  switch (iss.code) {
    case "invalid_type":
      return iss.input === undefined ? "bắt buộc phải có" : `phải là ${EXPECTED[iss.expected] ?? iss.expected}`;
    case "too_small":
      if (iss.origin === "string") return Number(iss.minimum) <= 1 ? "không được để trống" : `phải có ít nhất ${iss.minimum} ký tự`;
      if (iss.origin === "array") return `phải có ít nhất ${iss.minimum} phần tử`;
      return `phải ${iss.inclusive ? "lớn hơn hoặc bằng" : "lớn hơn"} ${iss.minimum}`;
    case "too_big":
      if (iss.origin === "string") return `tối đa ${iss.maximum} ký tự`;
      if (iss.origin === "array") return `tối đa ${iss.maximum} phần tử`;
      return `phải ${iss.inclusive ? "nhỏ hơn hoặc bằng" : "nhỏ hơn"} ${iss.maximum}`;
    case "invalid_format":
      return iss.format === "uuid" ? "phải là UUID" : iss.format === "email" ? "địa chỉ thư điện tử không hợp lệ" : "sai định dạng";
    case "invalid_value":
      return `phải là một trong: ${iss.values.map(String).join(", ")}`;
    case "unrecognized_keys":
      return `trường không được hỗ trợ: ${iss.keys.join(", ")}`;
    default:
      return "giá trị không hợp lệ";
  }
}

/**
 * The error map every schema here carries. zod resolves messages once the whole path is known, so the path
 * can lead the message. A missing field always says so; otherwise `text` (when given) replaces the generic
 * description, and may use the offending value.
 */
function vi(text?: string | ((input: unknown) => string)) {
  return {
    error: (iss: Issue) => {
      const what =
        iss.code === "invalid_type" && iss.input === undefined
          ? "bắt buộc phải có"
          : text === undefined
            ? describe(iss)
            : typeof text === "function"
              ? text(iss.input)
              : text;
      return `${fieldPath(iss.path)}: ${what}`;
    },
  };
}

const shown = (input: unknown) => (typeof input === "string" ? `"${input.length > 40 ? `${input.slice(0, 40)}…` : input}"` : String(input));

/** C0 controls other than tab and line breaks cannot appear in XML 1.0, so they are refused at the door. */
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

/** Free text: NFC so the same Vietnamese word compares equal however it was typed, trimmed, bounded. */
function text(max: number) {
  return z
    .string(vi())
    .normalize("NFC")
    .trim()
    .min(1, vi())
    .max(max, vi())
    .refine((v) => !CONTROL_CHARS.test(v), vi("chứa ký tự điều khiển không hợp lệ"));
}

const organId = () =>
  z.string(vi()).refine(
    isAgencyIdentifier,
    vi((v) => `${shown(v)} không phải mã định danh QCVN 102:2016 (dạng DDD.CC.BB.XNN, ví dụ 000.00.00.G22)`),
  );

const isoDate = () =>
  z.string(vi()).refine(
    isIsoDate,
    vi((v) => `ngày ${shown(v)} không hợp lệ (dạng yyyy-mm-dd, ví dụ 2015-09-30)`),
  );

const int = (min: number, max: number, text?: string) => z.number(vi(text)).int(vi(text)).min(min, vi(text)).max(max, vi(text));

const levels = (labels: Record<number, string>) =>
  Object.entries(labels)
    .map(([k, v]) => `${k} ${v.toLocaleLowerCase("vi")}`)
    .join(", ");

/**
 * Strict base64 (RFC 4648 §4, padded, no line breaks): what the JSON form carries. A single character-class
 * loop plus a length check rather than a grouped `(…{4})*` pattern, which exhausts V8's regex backtracking
 * stack on inputs of tens of megabytes.
 */
function isBase64(value: string): boolean {
  return value.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(value);
}

function base64DecodedBytes(b64: string): number {
  const padding = b64.endsWith("==") ? 2 : b64.endsWith("=") ? 1 : 0;
  return (b64.length / 4) * 3 - padding;
}

/** MIME type with optional parameters, e.g. "application/pdf" or "text/plain; charset=utf-8". */
const MIME_RE =
  /^[a-z0-9][a-z0-9!#$&^_.+-]{0,126}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}(?:\s*;\s*[a-z0-9!#$&^_.+-]+=(?:[a-z0-9!#$&^_.+-]+|"[^"\\]*"))*$/i;

const TYPE_CODES = DOCUMENT_TYPES.map((t) => t.code);

const Organisation = z.strictObject({ organId: organId(), organName: text(500) }, vi());

const Attachment = z.strictObject(
  {
    contentType: z.string(vi()).regex(
      MIME_RE,
      vi((v) => `kiểu nội dung ${shown(v)} không phải kiểu MIME hợp lệ (ví dụ application/pdf)`),
    ),
    name: text(255).refine((v) => !/[/\\]/.test(v), vi("tên tệp không được chứa dấu / hoặc \\")),
    description: text(1000).optional(),
    contentBase64: z
      .string(vi())
      .min(1, vi("tệp đính kèm rỗng"))
      .refine(isBase64, vi("nội dung không phải base64 hợp lệ (chỉ gồm A–Z, a–z, 0–9, +, /, đệm bằng =, độ dài chia hết cho 4)")),
  },
  vi(),
);

const MB = (n: number) => `${(n / 1024 / 1024).toLocaleString("vi-VN", { maximumFractionDigits: 1 })} MB`;
const bytes = (n: number) => n.toLocaleString("vi-VN");

export const EdDocument = z
  .strictObject(
    {
      from: z.strictObject(
        {
          organId: organId(),
          organName: text(500),
          address: text(500).optional(),
          email: z.email(vi("địa chỉ thư điện tử không hợp lệ")).max(254, vi()).optional(),
          phone: z
            .string(vi())
            .regex(
              /^\+?[0-9][0-9 ().-]{4,18}[0-9]$/,
              vi((v) => `số điện thoại ${shown(v)} không hợp lệ`),
            )
            .optional(),
        },
        vi(),
      ),
      to: z.array(Organisation, vi()).min(1, vi("phải có ít nhất một cơ quan nhận")).max(MAX_RECIPIENTS, vi()),
      code: z.strictObject(
        {
          number: int(1, 999_999_999, "số văn bản phải là số nguyên dương"),
          notation: z
            .string(vi())
            .max(100, vi())
            .regex(
              /^[\p{L}\p{N}.]+(?:-[\p{L}\p{N}.]+)*$/u,
              vi(
                (v) =>
                  `ký hiệu ${shown(v)} không hợp lệ: các phần cách nhau bằng dấu gạch ngang, không có số văn bản hay dấu / (ví dụ QĐ-UBND)`,
              ),
            ),
        },
        vi(),
      ),
      promulgation: z.strictObject({ place: text(200), date: isoDate() }, vi()),
      documentType: z.strictObject(
        {
          code: z.string(vi()).refine(
            (c) => TYPE_CODES.includes(c),
            vi((v) => `loại văn bản ${shown(v)} không có trong danh mục Nghị định 30/2020/NĐ-CP`),
          ),
          name: text(200),
        },
        vi(),
      ),
      subject: text(1000),
      content: text(MAX_CONTENT_CHARS).optional(),
      signer: z.strictObject({ competence: text(200).optional(), position: text(200), fullName: text(200) }, vi()),
      dueDate: isoDate().optional(),
      priority: int(0, 3, `độ khẩn phải là số nguyên từ 0 đến 3 (${levels(URGENCY)})`),
      secrecy: int(0, 3, `độ mật phải là số nguyên từ 0 đến 3 (${levels(SECRECY)})`),
      // The standard's steering-type code list is not in our reference, so only its shape is checked [?].
      steeringType: int(0, 9, "loại chỉ đạo phải là số nguyên từ 0 đến 9").optional(),
      responseFor: z
        .strictObject(
          {
            organId: organId(),
            code: z.string(vi()).regex(
              NUMBER_NOTATION_RE,
              vi((v) => `số, ký hiệu ${shown(v)} không hợp lệ (ví dụ 7816/VPCP-TTĐT)`),
            ),
            promulgationDate: isoDate(),
            documentId: z.string(vi()).refine(
              (v) => parseDocumentId(v) !== null,
              vi((v) => `${shown(v)} không phải mã văn bản dạng OrganId,yyyy/MM/dd,số/ký hiệu`),
            ),
          },
          vi(),
        )
        .optional(),
      trace: z.strictObject(
        {
          businessType: int(0, 3, "loại nghiệp vụ phải là 0 (mới), 1 (thu hồi), 2 (cập nhật) hoặc 3 (thay thế)"),
          replacesDocumentId: z
            .string(vi())
            .refine(
              (v) => parseDocumentId(v) !== null,
              vi((v) => `${shown(v)} không phải mã văn bản dạng OrganId,yyyy/MM/dd,số/ký hiệu`),
            )
            .optional(),
        },
        vi(),
      ),
      messageId: z.uuid(vi("mã thông điệp phải là UUID")),
      attachments: z.array(Attachment, vi()).max(MAX_ATTACHMENTS, vi()),
    },
    vi(),
  )
  // Cross-field rules. zod runs them only once every field is valid on its own, so they never have to reason
  // about a malformed value; a document with field errors reports those first.
  .superRefine((doc, ctx) => {
    const add = (path: (string | number)[], message: string) =>
      ctx.addIssue({ code: "custom", path, message: `${fieldPath(path)}: ${message}` });

    const type = documentTypeByCode(doc.documentType.code);
    const typeAbbreviation = notationTypeAbbreviation(doc.code.notation);
    if (type?.abbreviation && typeAbbreviation !== type.abbreviation) {
      add(
        ["code", "notation"],
        `ký hiệu của ${type.name.toLocaleLowerCase("vi")} phải bắt đầu bằng "${type.abbreviation}-" (ví dụ ${type.abbreviation}-UBND)`,
      );
    }
    // The converse (an official letter whose notation starts like a type) is legitimate: Cục Thuế signs
    // its letters "CT-…", the same letters as chỉ thị, so it is not refused.

    const seen = new Set<string>();
    doc.to.forEach((r, i) => {
      if (seen.has(r.organId)) add(["to", i, "organId"], `cơ quan ${r.organId} đã có trong danh sách nơi nhận`);
      seen.add(r.organId);
    });

    if (doc.dueDate && doc.dueDate < doc.promulgation.date) add(["dueDate"], "hạn xử lý không được trước ngày ban hành");

    if (doc.responseFor) {
      const r = doc.responseFor;
      const expected = documentId(r.organId, r.promulgationDate, r.code);
      if (r.documentId !== expected)
        add(["responseFor", "documentId"], `phải là "${expected}" (khớp mã định danh, ngày ban hành và số, ký hiệu)`);
    }

    if (doc.trace.businessType === 3 && !doc.trace.replacesDocumentId) {
      add(["trace", "replacesDocumentId"], "bắt buộc khi văn bản thay thế văn bản khác (businessType 3)");
    }
    if (doc.trace.businessType !== 3 && doc.trace.replacesDocumentId) {
      add(["trace", "replacesDocumentId"], "chỉ dùng khi văn bản thay thế văn bản khác (businessType 3)");
    }

    const total = doc.attachments.reduce((sum, a) => sum + base64DecodedBytes(a.contentBase64), 0);
    if (total > MAX_ATTACHMENTS_BYTES) {
      add(
        ["attachments"],
        `tổng dung lượng tệp đính kèm ${bytes(total)} byte vượt quá giới hạn ${MB(MAX_ATTACHMENTS_BYTES)} (${bytes(MAX_ATTACHMENTS_BYTES)} byte)`,
      );
    }
  });

export type EdDocument = z.output<typeof EdDocument>;

/** Every issue of a failed parse, one per line, each already starting with its field path. */
export function formatEdDocumentIssues(error: z.ZodError): string {
  return error.issues.map((i) => i.message).join("\n");
}
