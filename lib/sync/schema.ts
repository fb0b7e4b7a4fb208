// The dossier sync API's bodies (issue 17, inbound half): one zod schema per request, used to validate what
// an agency's one-stop system sends AND to describe it in the OpenAPI document (lib/sync/openapi.ts), so the
// description cannot drift from the check. Every message names its field first ("applicant.personalId: …"),
// as the document API's schemas do. Pure.
import { z } from "zod";

/** Idempotency-Key header: 8–64 characters of letters, digits and . _ : - */
export const IDEMPOTENCY_KEY_RE = /^[A-Za-z0-9._:-]{8,64}$/;

/** The national dossier code format `<agency identifier>-<yymmdd>-<sequence>` (lib/dossiers/code.ts). */
const CODE_RE = /^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}-\d{6}-\d{4,5}$/;

/** The code's yymmdd is a real day (30 February is not), read as 20yy. */
function codeDayIsReal(code: string): boolean {
  const yymmdd = code.split("-").at(-2) ?? "";
  const iso = `20${yymmdd.slice(0, 2)}-${yymmdd.slice(2, 4)}-${yymmdd.slice(4, 6)}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso;
}

/** Dates the portal keeps: from 2000 to 2099 (a year 0000 or 10000 is a typing error, and PostgreSQL refuses some). */
const plausibleYear = (iso: string) => {
  const y = Number(iso.slice(0, 4));
  return y >= 2000 && y <= 2099;
};

const datetime = (field: string) =>
  z.iso
    .datetime({ offset: true, error: `${field}: phải là thời điểm ISO 8601 có múi giờ, ví dụ 2026-12-20T08:30:00+07:00` })
    .refine(plausibleYear, { error: `${field}: năm phải từ 2000 đến 2099` });

const text = (field: string, max: number) =>
  z
    .string({ error: `${field}: phải là chuỗi ký tự` })
    .trim()
    .min(1, { error: `${field}: không được để trống` })
    .max(max, { error: `${field}: tối đa ${max} ký tự` });

export const DossierCode = z
  .string({ error: "code: bắt buộc phải có" })
  .trim()
  .toUpperCase()
  .max(40, { error: "code: tối đa 40 ký tự" })
  .regex(CODE_RE, {
    error: "code: phải theo định dạng mã hồ sơ quốc gia <mã cơ quan>-<yymmdd>-<số thứ tự 4–5 chữ số>, ví dụ 000.00.00.H29-261220-0001",
  })
  .refine(codeDayIsReal, { error: "code: phần ngày yymmdd của mã không phải là một ngày có thật" });

/** National status codes 1–10 (lib/dossiers/status.ts). */
const StatusCode = (field = "status") =>
  z
    .number({ error: `${field}: phải là số nguyên từ 1 đến 10 (mã trạng thái hồ sơ quốc gia)` })
    .int({ error: `${field}: phải là số nguyên từ 1 đến 10` })
    .min(1, { error: `${field}: phải là số nguyên từ 1 đến 10` })
    .max(10, { error: `${field}: phải là số nguyên từ 1 đến 10` });

const SYNC_CHANNELS = ["counter", "provincial_portal", "post"] as const;

/** POST /api/v1/ho-so: a dossier received at the agency (counter, provincial portal, post). */
export const InboundDossierBody = z
  .strictObject(
    {
      code: DossierCode,
      serviceCode: text("serviceCode", 40).optional(),
      procedureCode: text("procedureCode", 40).optional(),
      applicant: z.strictObject(
        {
          name: text("applicant.name", 200),
          personalId: z
            .string({ error: "applicant.personalId: bắt buộc phải có" })
            .regex(/^\d{12}$/, { error: "applicant.personalId: số định danh cá nhân gồm đúng 12 chữ số" }),
          phone: z
            .string({ error: "applicant.phone: phải là chuỗi ký tự" })
            .regex(/^\+?[0-9][0-9 ().-]{4,18}[0-9]$/, { error: "applicant.phone: số điện thoại không hợp lệ" })
            .optional(),
          email: z.email({ error: "applicant.email: địa chỉ thư điện tử không hợp lệ" }).max(254).optional(),
        },
        { error: "applicant: phải là đối tượng { name, personalId, phone?, email? }" },
      ),
      channel: z.enum(SYNC_CHANNELS, { error: "channel: phải là counter, provincial_portal hoặc post" }),
      receivedAt: datetime("receivedAt"),
      dueAt: datetime("dueAt"),
      status: StatusCode().default(2),
    },
    { error: "Nội dung phải là đối tượng { code, serviceCode | procedureCode, applicant, channel, receivedAt, dueAt, status }" },
  )
  .superRefine((b, ctx) => {
    if (!b.serviceCode && !b.procedureCode)
      ctx.addIssue({ code: "custom", path: ["serviceCode"], message: "serviceCode: cần serviceCode hoặc procedureCode" });
    if (Date.parse(b.dueAt) < Date.parse(b.receivedAt))
      ctx.addIssue({ code: "custom", path: ["dueAt"], message: "dueAt: ngày hẹn trả không được trước ngày tiếp nhận" });
  });
export type InboundDossierBody = z.output<typeof InboundDossierBody>;

/** POST /api/v1/ho-so/{code}/trang-thai: a status change on the national codes. */
export const StatusPushBody = z.strictObject(
  {
    version: z
      .number({ error: "version: bắt buộc phải có (phiên bản hồ sơ hệ thống nhìn thấy lần cuối)" })
      .int({ error: "version: phải là số nguyên dương" })
      .positive({ error: "version: phải là số nguyên dương" }),
    status: StatusCode(),
    at: datetime("at"),
    reason: text("reason", 2000).optional(),
    supplementation: z
      .strictObject(
        {
          papers: z
            .array(text("supplementation.papers[]", 300), { error: "supplementation.papers: phải là danh sách giấy tờ" })
            .min(1, { error: "supplementation.papers: cần ít nhất một giấy tờ" })
            .max(50, { error: "supplementation.papers: tối đa 50 giấy tờ" }),
          note: text("supplementation.note", 2000).optional(),
        },
        { error: "supplementation: phải là đối tượng { papers, note? }" },
      )
      .optional(),
    apology: z
      .strictObject(
        { newDueAt: datetime("apology.newDueAt"), reason: text("apology.reason", 2000) },
        { error: "apology: phải là đối tượng { newDueAt, reason }" },
      )
      .optional(),
    result: z
      .strictObject(
        {
          name: text("result.name", 300),
          number: text("result.number", 100).optional(),
          signedAt: datetime("result.signedAt").optional(),
        },
        { error: "result: phải là đối tượng { name, number?, signedAt? }" },
      )
      .optional(),
    /** Fees asked (status 6): the amount in đồng. An addition to the shared contract: the state machine needs it. */
    fees: z
      .strictObject(
        {
          amount: z
            .number({ error: "fees.amount: phải là số tiền (đồng)" })
            .int({ error: "fees.amount: phải là số nguyên (đồng)" })
            .positive({ error: "fees.amount: phải lớn hơn 0" })
            .max(1_000_000_000, { error: "fees.amount: tối đa 1.000.000.000 đồng" }),
        },
        { error: "fees: phải là đối tượng { amount }" },
      )
      .optional(),
  },
  { error: "Nội dung phải là đối tượng { version, status, at, reason?, supplementation?, apology?, result?, fees? }" },
);
export type StatusPushBody = z.output<typeof StatusPushBody>;

/** POST /api/v1/ho-so/doi-soat: the agency's side of one day. */
export const ReconcileBody = z.strictObject(
  {
    date: z.iso.date({ error: "date: phải là ngày YYYY-MM-DD" }).refine(plausibleYear, { error: "date: năm phải từ 2000 đến 2099" }),
    dossiers: z
      .array(
        z.strictObject(
          {
            code: DossierCode,
            status: StatusCode("dossiers[].status"),
            version: z
              .number({ error: "dossiers[].version: phải là số nguyên dương" })
              .int({ error: "dossiers[].version: phải là số nguyên dương" })
              .positive({ error: "dossiers[].version: phải là số nguyên dương" }),
          },
          { error: "dossiers[]: phải là đối tượng { code, status, version }" },
        ),
        { error: "dossiers: phải là danh sách { code, status, version }" },
      )
      .max(10_000, { error: "dossiers: tối đa 10.000 hồ sơ mỗi lần đối soát" }),
  },
  { error: "Nội dung phải là đối tượng { date, dossiers }" },
);
export type ReconcileBody = z.output<typeof ReconcileBody>;

// ---- Answers (documented in the OpenAPI description) ------------------------------------------------------

export const DossierSyncAnswer = z.object({
  code: z.string(),
  status: z.number().int().describe("Mã trạng thái hồ sơ quốc gia 1–10"),
  version: z.number().int().describe("Phiên bản hiện tại: gửi lại ở lần cập nhật trạng thái sau"),
  dueAt: z.string().nullable().optional(),
  /** Printed on the agency's receipt: with the code it lets anyone follow the dossier at /tra-cuu-ho-so. */
  trackingPin: z.string().optional().describe("Mã tra cứu 6 chữ số in trên phiếu hẹn: cùng mã hồ sơ cho phép tra cứu công khai"),
});

export const DossierView = z.object({
  code: z.string(),
  externalCode: z.string().nullable(),
  origin: z.enum(["PORTAL", "AGENCY_SYSTEM"]),
  serviceCode: z.string(),
  status: z.number().int(),
  version: z.number().int(),
  submittedAt: z.string(),
  receivedAt: z.string().nullable(),
  dueAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  returnedAt: z.string().nullable(),
  syncedAt: z.string().nullable(),
});

export const ReconcileReport = z.object({
  agency: z.string(),
  date: z.string(),
  agencyCounts: z.record(z.string(), z.number().int()).describe("Số hồ sơ theo trạng thái, phía hệ thống của cơ quan"),
  portalCounts: z.record(z.string(), z.number().int()).describe("Số hồ sơ theo trạng thái, phía Cổng"),
  differences: z.array(
    z.object({
      code: z.string(),
      agencyStatus: z.number().int().nullable(),
      portalStatus: z.number().int().nullable(),
      agencyVersion: z.number().int().nullable(),
      portalVersion: z.number().int().nullable(),
    }),
  ),
});
export type ReconcileReport = z.infer<typeof ReconcileReport>;
