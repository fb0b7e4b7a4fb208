// The 2025 reorganisation as seed data: the two-level map in force from 1 July 2025 (34 provinces, 3,321
// communes, each with its predecessors on the three-level map; prisma/data/admin-units-2025.json) and the
// provincial People's Committees it retires (prisma/data/succession-2025.json). Read by the seed and the tests.
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { isAgencyIdentifier } from "./identifier";

const DATA_DIR = path.join(process.cwd(), "prisma", "data");
const code = (n: number) => z.string().regex(new RegExp(`^\\d{${n}}$`));

const AdminUnits2025File = z.object({
  source: z.object({
    package: z.string(),
    licence: z.string(),
    inForceFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    withoutPredecessors: z.array(code(5)),
    crossBorder: z.array(z.object({ commune: code(5), oldWard: code(5), oldProvince: code(2) })),
  }),
  provinces: z.array(z.object({ code: code(2), name: z.string().min(2), predecessors: z.array(code(2)).min(1) })),
  communes: z.array(z.object({ code: code(5), name: z.string().min(2), province: code(2), predecessors: z.array(code(5)) })),
});
type AdminUnits2025 = z.infer<typeof AdminUnits2025File>;

const identifier = z.string().refine(isAgencyIdentifier, "not a QCVN 102 identifier");
const Succession2025File = z.object({
  effective: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  basis: z.string(),
  retired: z.array(z.object({ identifier, provinceCode: code(2), successor: identifier })),
  recoded: z.array(z.object({ identifier, from: code(2), provinceCode: code(2) })),
});
type Succession2025 = z.infer<typeof Succession2025File>;

let units: AdminUnits2025 | undefined;
export function loadAdminUnits2025(): AdminUnits2025 {
  units ??= AdminUnits2025File.parse(JSON.parse(fs.readFileSync(path.join(DATA_DIR, "admin-units-2025.json"), "utf8")));
  return units;
}

let succession: Succession2025 | undefined;
export function loadSuccession2025(): Succession2025 {
  succession ??= Succession2025File.parse(JSON.parse(fs.readFileSync(path.join(DATA_DIR, "succession-2025.json"), "utf8")));
  return succession;
}

/** The 23 provinces formed by merging, with the old province codes merged into each (Resolution 202/2025/QH15). */
export const PROVINCE_MERGERS_2025 = loadAdminUnits2025()
  .provinces.filter((p) => p.predecessors.length > 1)
  .map((p) => ({ code: p.code, name: p.name, predecessors: p.predecessors }));

/** The 11 provinces the resolution left as they were. */
export const UNCHANGED_PROVINCES_2025 = loadAdminUnits2025()
  .provinces.filter((p) => p.predecessors.length === 1)
  .map((p) => ({ code: p.code, name: p.name }));
