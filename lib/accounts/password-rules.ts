// The length rules of a new password (pure: the forms, the schemas and the server share them). How
// guessable a password is, is decided on the server only (password-policy.ts: its dictionaries are large).
//
// NIST SP 800-63B: no composition rules (no "must contain a digit"), any printable or Unicode character
// including spaces, at least 64 characters allowed, and every new password checked against a blocklist of
// common, expected or compromised values. Revision 4 (2025) asks 15 characters of a password that is the
// only factor and 8 of one used with a second factor; revision 3 (2017) asked 8. The portal asks 12: above
// revision 3 and short of revision 4's single-factor 15, because every new password must also pass the
// blocklist and guessability check, sign-in is throttled per account and client, and the hash is argon2id.
// Raising it is this one constant (existing passwords keep working; the rule applies to new ones).
import { z } from "zod";
import { accountText } from "@/lib/i18n/vi/accounts";

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

/** Characters as a person counts them: one per Unicode code point, after NFC (ệ typed either way is one). */
export function passwordLength(password: string): number {
  return [...password.normalize("NFC")].length;
}

/** A new password's field: length only, with the field named and a hint in the message. */
export function newPasswordField(label: string = accountText.password) {
  const e = accountText.passwordRules;
  return z
    .string()
    .refine((p) => passwordLength(p) >= PASSWORD_MIN_LENGTH, e.tooShort(label, PASSWORD_MIN_LENGTH))
    .refine((p) => passwordLength(p) <= PASSWORD_MAX_LENGTH, e.tooLong(label, PASSWORD_MAX_LENGTH));
}
