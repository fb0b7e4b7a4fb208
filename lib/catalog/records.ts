// The shape of a procedure record in prisma/data/procedures.json (National Database on
// Administrative Procedures fields). The seed refuses a file that does not match.
import { z } from "zod";
import { AGENCY_IDENTIFIER_RE } from "@/lib/agencies/identifier";

const CHANNEL_KINDS = ["in_person", "online", "post"] as const;

const Fee = z.object({ description: z.string().min(1), amount: z.number().int().nonnegative() });
export const Channel = z.object({ kind: z.enum(CHANNEL_KINDS), processingDays: z.number().int().nonnegative(), fees: z.array(Fee) });
export const Component = z.object({
  name: z.string().min(1),
  kind: z.enum(["submit", "show"]),
  copies: z.string().nullish(),
  template: z.string().nullish(),
});
export const LegalBasis = z.object({
  number: z.string().min(1),
  title: z.string().min(1),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  issuer: z.string().min(1),
});

/** The details of a procedure record that can be marked as confirmed. */
const CONFIRMABLE = ["code", "name", "fees", "processingDays", "components", "legalBasis", "result", "conditions"] as const;

export const ProcedureRecord = z.object({
  code: z.string().regex(/^\d\.\d{6}$/, "national code d.dddddd"),
  sample: z.boolean(),
  name: z.string().min(3),
  field: z.string().min(2),
  implementingLevel: z.enum(["central", "province", "district", "commune"]),
  agency: z.union([z.literal("province"), z.string().regex(AGENCY_IDENTIFIER_RE)]),
  implementingAgencyName: z.string().min(2),
  competentAgencyName: z.string().min(2),
  onlineLevel: z.union([z.literal(3), z.literal(4)]),
  applicants: z.array(z.enum(["individual", "business"])).min(1),
  channels: z.array(Channel).min(1),
  components: z.array(Component),
  result: z.string().min(1),
  conditions: z.string(),
  steps: z.array(z.string()),
  legalBasis: z.array(LegalBasis).min(1),
  /**
   * The details of this record that were checked against published material (the national database, the
   * legal instrument, the ministry's portal). `sample: false` says the record as a whole is trusted; this
   * says which parts were verified. Absent: nothing was checked detail by detail.
   */
  confirmed: z.array(z.enum(CONFIRMABLE)).optional(),
});
export type ProcedureRecord = z.infer<typeof ProcedureRecord>;
export type Channel = z.infer<typeof Channel>;
export type Component = z.infer<typeof Component>;
export type LegalBasis = z.infer<typeof LegalBasis>;

export const ProcedureFile = z.array(ProcedureRecord).superRefine((rows, ctx) => {
  const seen = new Set<string>();
  for (const r of rows) {
    if (seen.has(r.code)) ctx.addIssue({ code: "custom", message: `duplicate procedure code ${r.code}` });
    seen.add(r.code);
  }
});
