// Citizen identity numbers (căn cước công dân), 12 digits `PPP G YY RRRRRR`: PPP is "0" + the province
// code of birth registration, G encodes sex and century, YY the last two digits of the birth year.
import { PROVINCE_CODES } from "@/lib/agencies/provinces";

export type CccdProblem = "format" | "province" | "century" | "birthYear";

export interface CccdInfo {
  provinceCode: string;
  sex: "male" | "female";
  birthYear2: number;
  century: number;
}

export function parseCccd(value: string): { ok: true; info: CccdInfo } | { ok: false; problem: CccdProblem } {
  if (!/^\d{12}$/.test(value)) return { ok: false, problem: "format" };
  const province = value.slice(0, 3);
  if (province[0] !== "0" || !PROVINCE_CODES.has(province.slice(1))) return { ok: false, problem: "province" };
  const g = Number(value[3]);
  // 0/1: 1900s, 2/3: 2000s, 4/5: 2100s, 6/7: 2200s, 8/9: 2300s; even = male.
  const century = 1900 + Math.floor(g / 2) * 100;
  return {
    ok: true,
    info: { provinceCode: province.slice(1), sex: g % 2 === 0 ? "male" : "female", birthYear2: Number(value.slice(4, 6)), century },
  };
}

/** Checks a CCCD against a date of birth (yyyy-mm-dd). */
export function checkCccd(value: string, dateOfBirth?: string): CccdProblem | null {
  const parsed = parseCccd(value);
  if (!parsed.ok) return parsed.problem;
  if (dateOfBirth) {
    const year = Number(dateOfBirth.slice(0, 4));
    if (Math.floor(year / 100) * 100 !== parsed.info.century) return "century";
    if (year % 100 !== parsed.info.birthYear2) return "birthYear";
  }
  return null;
}
