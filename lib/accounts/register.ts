// Citizen self-registration, through the mutation door. The answer never says whether the e-mail or the
// CCCD already has an account: every accepted registration gets the same "check your e-mail", and the
// e-mail says what happened, to the one person who can read it.
//   - new e-mail, new CCCD: an unverified account and a verification link (it cannot sign in until opened);
//   - the e-mail has an account: that address is told so (sign in / reset; a fresh link if unverified);
//   - the CCCD has an account (another e-mail): no second account; the new address is told how to recover
//     (reset via the address on file, or in person at a one-stop counter) and the holder gets a notice.
// An unverified registration older than its link releases its e-mail and CCCD, so nobody can hold a CCCD
// by registering it and never confirming.
import "server-only";
import { defineUseCase } from "@/lib/auth/door";
import type { Tx } from "@/lib/db/client";
import { hashPassword } from "@/lib/auth/password";
import { accountText } from "@/lib/i18n/vi/accounts";
import { hit } from "@/lib/security/rate-limit";
import { rateLimited, withLimits } from "./limits";
import { sendAccountMail } from "./mail";
import { checkNewPassword } from "./password-policy";
import { CitizenRegistration } from "./registration-schema";
import { issueToken, TOKEN_TTL_MS } from "./tokens";

/**
 * The form's rules plus the server's: the password must not be common or built from the person's details.
 * Checked only once the rest is valid: by then the submission has been counted against the client's limit
 * (registerCitizen), so nobody can make the server run the costly check without limit.
 */
const RegistrationInput = CitizenRegistration.superRefine((v, ctx) => checkNewPassword(ctx, v.password, v));

type RegistrationOutcome = "created" | "email_registered" | "cccd_registered";

/** Unverified registrations whose link has expired give back their e-mail and CCCD. */
async function releaseStale(tx: Tx, email: string, cccd: string, now: Date): Promise<void> {
  await tx.user.deleteMany({
    where: {
      OR: [{ email }, { cccd }],
      emailVerifiedAt: null,
      role: "CITIZEN",
      createdAt: { lt: new Date(now.getTime() - TOKEN_TTL_MS.VERIFY_EMAIL) },
    },
  });
}

const registerUseCase = defineUseCase({
  name: "account.register",
  permission: "public",
  schema: RegistrationInput,
  entityType: "user",
  async run(input, { tx }) {
    const now = new Date();
    await releaseStale(tx, input.email, input.cccd, now);
    const select = { id: true, email: true, emailVerifiedAt: true } as const;
    const [byEmail, byCccd] = await Promise.all([
      tx.user.findUnique({ where: { email: input.email }, select }),
      tx.user.findUnique({ where: { cccd: input.cccd }, select }),
    ]);
    // Hashed whichever way it goes, so the time taken does not tell either.
    const passwordHash = await hashPassword(input.password);

    if (!byEmail && !byCccd) {
      const user = await tx.user.create({
        data: {
          role: "CITIZEN",
          fullName: input.fullName,
          cccd: input.cccd,
          dateOfBirth: new Date(`${input.dateOfBirth}T00:00:00Z`),
          phone: input.phone,
          email: input.email,
          passwordHash,
          emailVerifiedAt: null,
        },
        select: { id: true },
      });
      const token = await issueToken(tx, user.id, "VERIFY_EMAIL", now);
      await sendAccountMail(tx, input.email, { kind: "verify", name: input.fullName, token });
      return { result: { accepted: true }, entityId: user.id, details: { outcome: "created" satisfies RegistrationOutcome } };
    }

    if (byEmail) {
      const verifyToken = byEmail.emailVerifiedAt ? null : await issueToken(tx, byEmail.id, "VERIFY_EMAIL", now);
      await sendAccountMail(tx, byEmail.email, { kind: "alreadyRegistered", verifyToken });
    }
    if (byCccd && byCccd.id !== byEmail?.id) {
      if (!byEmail) await sendAccountMail(tx, input.email, { kind: "cccdTaken" });
      await sendAccountMail(tx, byCccd.email, { kind: "cccdNotice" });
    }
    const outcome: RegistrationOutcome = byEmail ? "email_registered" : "cccd_registered";
    return { result: { accepted: true }, entityId: (byEmail ?? byCccd)!.id, details: { outcome } };
  },
});

/** Registration, limited per client address (LIMITS.register): only complete, valid submissions count. */
export const registerCitizen = withLimits(registerUseCase, {
  async before(raw, _actor, meta) {
    if (!CitizenRegistration.safeParse(raw).success) return null;
    const r = await hit("register", [meta.ip]);
    return r.ok
      ? null
      : { answer: rateLimited(accountText.errors.rateLimited(r.retryAfterSeconds), "register_rate_limited"), limit: "register" };
  },
});
