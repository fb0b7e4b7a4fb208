// The 63 provinces of 2016 and their administrative codes (Decision 124/2004), from the seed data file.
import agencies from "@/prisma/data/agencies.json";

interface AgencyRow {
  kind: string;
  provinceCode: string | null;
  shortName: string;
}

const provinces = (agencies as AgencyRow[]).filter((a) => a.kind === "PROVINCE" && a.provinceCode);

export const PROVINCE_CODES: ReadonlySet<string> = new Set(provinces.map((p) => p.provinceCode as string));
