// What a citizen gives to register, and the rules it must meet (pure: the server adds the password's
// guessability check in register.ts).
import { z } from "zod";
import { checkCccd } from "@/lib/identity/cccd";
import { normaliseMobile } from "@/lib/identity/phone";
import { accountText } from "@/lib/i18n/vi/accounts";
import { newPasswordField } from "./password-rules";

const e = accountText.errors;

function isPastDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value) return false;
  const year = d.getUTCFullYear();
  return d.getTime() <= Date.now() && year >= 1900;
}

const always = () => true;

export const CitizenRegistration = z
  .object({
    fullName: z.string().trim().min(2, e.fullName).max(100, e.fullName),
    cccd: z
      .string()
      .trim()
      .regex(/^\d{12}$/, e.cccdFormat),
    dateOfBirth: z.string().trim().refine(isPastDate, e.dateOfBirth),
    phone: z
      .string()
      .trim()
      .transform((v, ctx) => {
        const n = normaliseMobile(v);
        if (!n) {
          ctx.addIssue({ code: "custom", message: e.phone });
          return z.NEVER;
        }
        return n;
      }),
    email: z.string().trim().toLowerCase().pipe(z.email(e.email).max(254, e.email)),
    // Length only (no composition rules, NIST SP 800-63B); how guessable it is, the server decides
    // (password-policy.ts, added by register.ts).
    password: newPasswordField(),
    passwordConfirm: z.string(),
  })
  // The cross-field checks run even when another field failed, so every error shows at once.
  .refine((v) => v.password === v.passwordConfirm, { path: ["passwordConfirm"], message: e.passwordConfirm, when: always })
  .superRefine(
    (v, ctx) => {
      if (typeof v.cccd !== "string" || typeof v.dateOfBirth !== "string" || !/^\d{12}$/.test(v.cccd)) return;
      const problem = checkCccd(v.cccd, isPastDate(v.dateOfBirth) ? v.dateOfBirth : undefined);
      if (problem && problem !== "format") {
        const message =
          problem === "province" ? e.cccdProvince : problem === "century" ? e.cccdCentury : e.cccdBirthYear(v.dateOfBirth.slice(2, 4));
        ctx.addIssue({ code: "custom", path: ["cccd"], message });
      }
    },
    { when: always },
  );

export type CitizenRegistration = z.output<typeof CitizenRegistration>;

/** The fields a failed registration hands back to the form (never the passwords). */
export const REGISTRATION_KEPT_FIELDS = ["fullName", "cccd", "dateOfBirth", "phone", "email"] as const;
