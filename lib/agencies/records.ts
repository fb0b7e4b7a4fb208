// The shape of prisma/data/agencies.json; the seed refuses a file that does not match.
import { z } from "zod";
import { isAgencyIdentifier } from "./identifier";

export const AGENCY_KINDS = ["MINISTRY", "MINISTRY_LEVEL", "GOVERNMENT_AGENCY", "PROVINCE", "UNIT"] as const;

export const AgencyRecord = z.object({
  identifier: z.string().refine(isAgencyIdentifier, "not a QCVN 102 identifier (DDD.CC.BB.XNN)"),
  name: z.string().min(3),
  shortName: z.string().min(2),
  kind: z.enum(AGENCY_KINDS),
  provinceCode: z
    .string()
    .regex(/^\d{2}$/)
    .nullable(),
  parentIdentifier: z.string().nullable(),
  sampleIdentifier: z.boolean(),
});
export type AgencyRecord = z.infer<typeof AgencyRecord>;

export const AgencyFile = z.array(AgencyRecord).superRefine((rows, ctx) => {
  const ids = new Set<string>();
  for (const r of rows) {
    if (ids.has(r.identifier)) ctx.addIssue({ code: "custom", message: `duplicate identifier ${r.identifier}` });
    ids.add(r.identifier);
  }
  for (const r of rows) {
    if (r.parentIdentifier && !ids.has(r.parentIdentifier))
      ctx.addIssue({ code: "custom", message: `${r.identifier}: unknown parent ${r.parentIdentifier}` });
    if (r.kind === "PROVINCE" && !r.provinceCode) ctx.addIssue({ code: "custom", message: `${r.identifier}: a province needs its code` });
  }
});
