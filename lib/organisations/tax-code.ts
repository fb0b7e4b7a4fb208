// Enterprise / tax codes (mã số doanh nghiệp, mã số thuế): 10 digits `PP NNNNNNN C` for an enterprise or
// other organisation, or 13 digits for a dependent unit (a branch, a representative office), written
// `0123456789-001`: the parent's 10 digits and a 3-digit unit number (001–999). Stored as digits only. Pure.
//
// The check digit C (the 10th) is computed from the first nine digits N1..N9 with the weights
// 31, 29, 23, 19, 17, 13, 7, 5, 3: C = 10 − (Σ Ni·Wi mod 11). When the sum is a multiple of 11 that gives
// 10, which is no digit: it is taken as 0 here. Source: the rule as published by many independent
// implementations (e.g. open-source Vietnamese tax-code validators on GitHub, checked here against the
// published codes 0100109106 and 0314409058); the General Department of Taxation's own text of the rule
// (originally Decision 75/1998/QĐ-TCT) could not be consulted, so the "multiple of 11" case is NOT
// confirmed. Only the code's form is checked: the real portal verifies the enterprise against the national
// business registration database, which this project has no access to.

const WEIGHTS = [31, 29, 23, 19, 17, 13, 7, 5, 3] as const;

type TaxCodeProblem = "format" | "checkDigit" | "unit";

/** The check digit the first nine digits call for. */
export function taxCodeCheckDigit(nine: string): number {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(nine[i]) * WEIGHTS[i]!;
  return (10 - (sum % 11)) % 10;
}

/** A code as people type it: spaces, dots and the unit's dash removed. */
function normalizeTaxCode(raw: string): string {
  return raw.replace(/[\s.\-–]/g, "");
}

/**
 * The digits to store for a typed code, or why it is refused: not 10 or 13 digits ("format"), a wrong check
 * digit ("checkDigit"), or a dependent unit numbered 000 ("unit").
 */
export function parseTaxCode(raw: string): { ok: true; digits: string } | { ok: false; problem: TaxCodeProblem } {
  const trimmed = raw.trim();
  // A dash is allowed only where the unit number starts.
  if (/-/.test(trimmed) && !/^\d{10}\s*-\s*\d{3}$/.test(trimmed)) return { ok: false, problem: "format" };
  const digits = normalizeTaxCode(trimmed);
  if (!/^(\d{10}|\d{13})$/.test(digits)) return { ok: false, problem: "format" };
  if (taxCodeCheckDigit(digits) !== Number(digits[9])) return { ok: false, problem: "checkDigit" };
  if (digits.length === 13 && digits.endsWith("000")) return { ok: false, problem: "unit" };
  return { ok: true, digits };
}

/** Stored digits as written: `0123456789`, or `0123456789-001` for a dependent unit. */
export function formatTaxCode(digits: string): string {
  return digits.length === 13 ? `${digits.slice(0, 10)}-${digits.slice(10)}` : digits;
}
