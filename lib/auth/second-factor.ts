// The second factor of officers and administrators: a TOTP authenticator (RFC 6238, otplib 13: 6 digits,
// 30-second steps, a step either side accepted) with ten one-time recovery codes. The shared secret is sealed
// at rest (lib/auth/totp-seal.ts); only recovery codes' SHA-256 is kept. A code's step is remembered, so the
// same code (or an older one) is refused a second time. Wrong codes are limited per account
// (LIMITS.secondFactorUser), and every attempt, enrolment, replacement and reset is audited, never with a code.
// Who owes it and where: lib/auth/second-factor-policy.ts. docs/second-factor.md.
import "server-only";
import { randomInt } from "node:crypto";
import { generateSecret, generateURI, verify } from "otplib";
import QRCode from "qrcode";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record";
import { db, type Tx } from "@/lib/db/client";
import { failure, type ActionResult } from "@/lib/errors/app-error";
import { secondFactorText } from "@/lib/i18n/vi/second-factor";
import { clear, hit, refund } from "@/lib/security/rate-limit";
import { auditActor, type Actor } from "./actor";
import type { CurrentUser } from "./current-user";
import { AppError, defineUseCase, type UseCase } from "./door";
import type { RequestMeta } from "./request-meta";
import { SECOND_FACTOR_REQUIRED_ROLES } from "./second-factor-policy";
import { openTotpSecret, recoveryCodeDigest, sealTotpSecret } from "./totp-seal";

const e = secondFactorText.errors;

const PERIOD = 30;
/** Seconds either side of now: one step before and one after (a phone's clock a little off, a code typed late). */
const TOLERANCE = PERIOD;
const RECOVERY_CODES = 10;
/** No 0/O, 1/I/L: read from paper without doubt. 31 symbols, 10 of them: about 49 bits per code. */
const RECOVERY_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
const RECOVERY_LENGTH = 10;

const NO_META: RequestMeta = { ip: "unknown", userAgent: null };

// --- codes -----------------------------------------------------------------------------------------------

/** A code as typed: spaces and dashes dropped, letters upper-case. */
function normalise(code: string): string {
  return code.replace(/[\s-]/g, "").toUpperCase();
}

const CodeInput = z.object({
  code: z
    .string({ error: e.code })
    .max(40, e.code)
    .transform(normalise)
    .refine((c) => /^\d{6}$/.test(c) || new RegExp(`^[${RECOVERY_ALPHABET}]{${RECOVERY_LENGTH}}$`).test(c), e.code),
});

const TotpInput = z.object({
  code: z
    .string({ error: e.code })
    .max(40, e.code)
    .transform(normalise)
    .refine((c) => /^\d{6}$/.test(c), e.code),
});

function recoveryHash(code: string): string {
  return recoveryCodeDigest(normalise(code));
}

function newRecoveryCode(): string {
  let s = "";
  for (let i = 0; i < RECOVERY_LENGTH; i++) s += RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)];
  return `${s.slice(0, 5)}-${s.slice(5)}`;
}

/** A fresh set of recovery codes replacing every earlier one; the codes in clear, to be shown once. */
async function replaceRecoveryCodes(tx: Tx, userId: string): Promise<string[]> {
  await tx.recoveryCode.deleteMany({ where: { userId } });
  const codes = Array.from({ length: RECOVERY_CODES }, newRecoveryCode);
  await tx.recoveryCode.createMany({ data: codes.map((c) => ({ userId, codeHash: recoveryHash(c) })) });
  return codes;
}

/** The step of a valid TOTP code for this secret now (±1 step), or null. */
async function totpStep(secret: string, code: string): Promise<number | null> {
  const r = await verify({ secret, token: code, period: PERIOD, epochTolerance: TOLERANCE });
  // The functional verify answers for HOTP too; a TOTP answer carries its time step.
  return r.valid && "timeStep" in r ? r.timeStep : null;
}

// --- who --------------------------------------------------------------------------------------------------

/** The signed-in staff member acting on their own second factor. */
function me(user: CurrentUser | null): CurrentUser {
  if (!user) throw new AppError("unauthenticated", e.verifyFirst);
  return user;
}

/** Managing an enrolled second factor (replace, new codes, turn off) needs the code given in this session first. */
function verifiedSession(user: CurrentUser | null): CurrentUser {
  const u = me(user);
  if (u.secondFactorDue === "verify") throw new AppError("forbidden", e.verifyFirst, undefined, "second_factor_due");
  return u;
}

async function lockedAccount(tx: Tx, userId: string) {
  await tx.$executeRaw`SELECT 1 FROM app_user WHERE id = ${userId}::uuid FOR UPDATE`;
  return tx.user.findUniqueOrThrow({
    where: { id: userId },
    select: {
      id: true,
      role: true,
      fullName: true,
      email: true,
      totpSecret: true,
      totpEnabledAt: true,
      totpLastStep: true,
      totpPendingSecret: true,
    },
  });
}

// --- reading ----------------------------------------------------------------------------------------------

export interface SecondFactorView {
  enabledAt: Date | null;
  /** Whether the role may turn it off (not VPCP administrators). */
  mayDisable: boolean;
  recoveryCodesLeft: number;
  /** A secret being enrolled: shown as a QR code and in text until its first code confirms it. */
  pending: { secret: string; uri: string; qrSvg: string } | null;
}

/** What the account page shows of the user's second factor. */
export async function secondFactorView(user: CurrentUser): Promise<SecondFactorView> {
  const u = await db.user.findUniqueOrThrow({
    where: { id: user.id },
    select: { email: true, fullName: true, totpEnabledAt: true, totpPendingSecret: true },
  });
  const recoveryCodesLeft = u.totpEnabledAt ? await db.recoveryCode.count({ where: { userId: user.id, usedAt: null } }) : 0;
  let pending: SecondFactorView["pending"] = null;
  const secret = u.totpPendingSecret ? openTotpSecret(u.totpPendingSecret, user.id) : null;
  if (secret) {
    const uri = generateURI({ issuer: secondFactorText.issuer, label: u.email ?? u.fullName, secret, period: PERIOD });
    const qrSvg = await QRCode.toString(uri, { type: "svg", margin: 2, width: 200, errorCorrectionLevel: "M" });
    pending = { secret, uri, qrSvg };
  }
  return { enabledAt: u.totpEnabledAt, mayDisable: !SECOND_FACTOR_REQUIRED_ROLES.includes(user.role), recoveryCodesLeft, pending };
}

// --- the code step after the password ---------------------------------------------------------------------

type Verified = { method: "totp" | "recovery"; recoveryCodesLeft: number };
/** A code checked: what the caller gets, or the refusal, returned as data so the door audits it as "failed". */
type Attempt<R> = { verified: true; value: R } | { verified: false; reason: "wrong_code" | "code_reused" };
type Refusal = { result: Attempt<never>; entityId: string; details: { reason: string; method?: string }; outcome: "failed" };

function refusal(userId: string, reason: "wrong_code" | "code_reused", method?: string): Refusal {
  return { result: { verified: false, reason }, entityId: userId, details: { reason, ...(method ? { method } : {}) }, outcome: "failed" };
}

const verifyAttempt = defineUseCase({
  name: "auth.secondFactor.verify",
  permission: "account.secondFactor",
  schema: CodeInput,
  entityType: "user",
  async run({ code }, { tx, user }): Promise<Refusal | { result: Attempt<Verified>; entityId: string; details: { method: string } }> {
    const u = me(user);
    const account = await lockedAccount(tx, u.id);
    if (!account.totpEnabledAt || !account.totpSecret)
      throw new AppError("invalid", e.notEnrolled, undefined, "second_factor_not_enrolled");
    const now = new Date();
    let method: Verified["method"];
    if (/^\d{6}$/.test(code)) {
      method = "totp";
      const secret = openTotpSecret(account.totpSecret, u.id);
      if (!secret) throw new AppError("conflict", e.sealBroken, undefined, "second_factor_unreadable");
      const step = await totpStep(secret, code);
      if (step === null) return refusal(u.id, "wrong_code", method);
      const last = account.totpLastStep === null ? null : Number(account.totpLastStep);
      if (last !== null && step <= last) return refusal(u.id, "code_reused", method);
      await tx.user.update({ where: { id: u.id }, data: { totpLastStep: BigInt(step) } });
    } else {
      method = "recovery";
      const used = await tx.recoveryCode.updateMany({
        where: { userId: u.id, codeHash: recoveryHash(code), usedAt: null },
        data: { usedAt: now },
      });
      if (used.count !== 1) return refusal(u.id, "wrong_code", method);
    }
    await tx.session.update({ where: { id: u.sessionId }, data: { secondFactorAt: now } });
    const recoveryCodesLeft = await tx.recoveryCode.count({ where: { userId: u.id, usedAt: null } });
    return { result: { verified: true, value: { method, recoveryCodesLeft } }, entityId: u.id, details: { method } };
  },
});

/**
 * The attempts a use case counts against LIMITS.secondFactorUser: each is counted before its code is checked
 * (so a burst gets no more than the budget), a success forgets the count, input that was not a code at all
 * gives its count back. A refused attempt is audited (the door's "failed" entry; a limit's "denied" one).
 */
function limitedCodeAttempt<R>(inner: UseCase<Attempt<R>>): UseCase<R> {
  const call = async (actor: Actor, raw: unknown, meta: RequestMeta = NO_META): Promise<ActionResult<R>> => {
    const key = actor.kind === "user" ? [actor.user.id] : null;
    if (key) {
      const counted = await hit("secondFactorUser", key);
      if (!counted.ok) {
        await recordAudit(db, {
          ...auditActor(actor),
          action: inner.useCaseName,
          outcome: "denied",
          entityType: "rate_limit",
          entityId: "secondFactorUser",
          ip: meta.ip,
          userAgent: meta.userAgent,
        });
        return failure("rate_limited", e.tooMany(counted.retryAfterSeconds), "second_factor_rate_limited");
      }
    }
    const r = await inner(actor, raw, meta);
    if (key) {
      if (r.ok && r.data.verified) await clear("secondFactorUser", key);
      else if (!r.ok && r.code !== "rate_limited") await refund("secondFactorUser", key);
    }
    if (!r.ok) return r;
    if (r.data.verified) return { ok: true, data: r.data.value };
    const message = r.data.reason === "code_reused" ? e.reused : e.wrongCode;
    return failure("invalid", message, r.data.reason, { code: message });
  };
  return Object.assign(call, { useCaseName: inner.useCaseName });
}

/** The code step after the password: a TOTP code or a recovery code, which then counts as given for this session. */
export const verifySecondFactor = limitedCodeAttempt(verifyAttempt);

// --- enrolment --------------------------------------------------------------------------------------------

/** A new secret to enrol (or to replace the authenticator in use, which stays valid until the new one is confirmed). */
export const startSecondFactorEnrolment = defineUseCase({
  name: "auth.secondFactor.enrolStart",
  permission: "account.secondFactor",
  schema: z.object({}).passthrough(),
  entityType: "user",
  async run(_input, { tx, user }) {
    const u = verifiedSession(user);
    const account = await lockedAccount(tx, u.id);
    await tx.user.update({ where: { id: u.id }, data: { totpPendingSecret: sealTotpSecret(generateSecret(), u.id) } });
    return {
      result: { replacing: account.totpEnabledAt !== null },
      entityId: u.id,
      details: { replacing: account.totpEnabledAt !== null },
    };
  },
});

type Enrolled = { recoveryCodes: string[] };

const confirmAttempt = defineUseCase({
  name: "auth.secondFactor.enrol",
  permission: "account.secondFactor",
  schema: TotpInput,
  entityType: "user",
  async run({ code }, { tx, user }): Promise<Refusal | { result: Attempt<Enrolled>; entityId: string; details: { replaced: boolean } }> {
    const u = verifiedSession(user);
    const account = await lockedAccount(tx, u.id);
    const secret = account.totpPendingSecret ? openTotpSecret(account.totpPendingSecret, u.id) : null;
    if (!secret) throw new AppError("invalid", e.noPending, undefined, "second_factor_no_pending");
    const step = await totpStep(secret, code);
    if (step === null) return refusal(u.id, "wrong_code");
    const replaced = account.totpEnabledAt !== null;
    const now = new Date();
    await tx.user.update({
      where: { id: u.id },
      data: { totpSecret: account.totpPendingSecret, totpPendingSecret: null, totpEnabledAt: now, totpLastStep: BigInt(step) },
    });
    const recoveryCodes = await replaceRecoveryCodes(tx, u.id);
    // This session has just shown it holds the authenticator.
    await tx.session.update({ where: { id: u.sessionId }, data: { secondFactorAt: now } });
    return { result: { verified: true, value: { recoveryCodes } }, entityId: u.id, details: { replaced } };
  },
});

/** Confirms the secret being enrolled with its first code: the second factor is on, ten recovery codes are shown once. */
export const confirmSecondFactorEnrolment = limitedCodeAttempt(confirmAttempt);

/** Ten new recovery codes, replacing every earlier one (shown once). */
export const regenerateRecoveryCodes = defineUseCase({
  name: "auth.secondFactor.recoveryCodes",
  permission: "account.secondFactor",
  schema: z.object({}).passthrough(),
  entityType: "user",
  async run(_input, { tx, user }) {
    const u = verifiedSession(user);
    const account = await lockedAccount(tx, u.id);
    if (!account.totpEnabledAt) throw new AppError("invalid", e.notEnrolled, undefined, "second_factor_not_enrolled");
    return { result: { recoveryCodes: await replaceRecoveryCodes(tx, u.id) }, entityId: u.id };
  },
});

/** What clearing a second factor writes: no secret, no codes (the account may enrol again). */
async function clearSecondFactor(tx: Tx, userId: string): Promise<void> {
  await tx.user.update({
    where: { id: userId },
    data: { totpSecret: null, totpPendingSecret: null, totpEnabledAt: null, totpLastStep: null },
  });
  await tx.recoveryCode.deleteMany({ where: { userId } });
}

/** Turns one's own second factor off; roles that must have one (VPCP administrators) may only replace it. */
export const disableSecondFactor = defineUseCase({
  name: "auth.secondFactor.disable",
  permission: "account.secondFactor",
  schema: z.object({}).passthrough(),
  entityType: "user",
  async run(_input, { tx, user }) {
    const u = verifiedSession(user);
    if (SECOND_FACTOR_REQUIRED_ROLES.includes(u.role))
      throw new AppError("forbidden", e.notAllowedToDisable, undefined, "second_factor_required");
    const account = await lockedAccount(tx, u.id);
    if (!account.totpEnabledAt) throw new AppError("invalid", e.notEnrolled, undefined, "second_factor_not_enrolled");
    await clearSecondFactor(tx, u.id);
    return { result: { disabled: true }, entityId: u.id };
  },
});

// --- an administrator's reset of someone who lost both -----------------------------------------------------

/** Clears the target's second factor and ends every session of theirs (they may enrol again after signing in). */
async function resetAccount(tx: Tx, id: string): Promise<number> {
  await lockedAccount(tx, id);
  await clearSecondFactor(tx, id);
  return (await tx.session.updateMany({ where: { userId: id, revokedAt: null }, data: { revokedAt: new Date() } })).count;
}

/** An agency administrator resets the second factor of an officer of their own agency (lost phone and codes). */
export const resetOfficerSecondFactor = defineUseCase({
  name: "auth.secondFactor.reset",
  permission: "agency.manageOfficers",
  schema: z.object({ officerId: z.guid(e.userNotFound) }),
  entityType: "user",
  async run({ officerId }, { tx, user }) {
    const admin = me(user);
    const id = officerId.toLowerCase();
    const target = await tx.user.findUnique({ where: { id }, select: { id: true, role: true, agencyId: true, fullName: true } });
    // Only officers of the administrator's own agency; anyone else reads as not found.
    if (!target || target.role !== "OFFICER" || admin.agencyId == null || target.agencyId !== admin.agencyId || target.id === admin.id) {
      throw new AppError("not_found", e.userNotFound, "officerId", "second_factor_reset_not_found");
    }
    const revokedSessions = await resetAccount(tx, id);
    return { result: { officerId: id, fullName: target.fullName }, entityId: id, details: { revokedSessions } };
  },
});

/** The VPCP resets the second factor of an agency administrator (of any agency). */
export const resetAgencyAdminSecondFactor = defineUseCase({
  name: "auth.secondFactor.reset",
  permission: "agency.manage",
  schema: z.object({ userId: z.guid(e.userNotFound) }),
  entityType: "user",
  async run({ userId }, { tx }) {
    const id = userId.toLowerCase();
    const target = await tx.user.findUnique({
      where: { id },
      select: { id: true, role: true, fullName: true, agency: { select: { identifier: true } } },
    });
    if (!target || target.role !== "AGENCY_ADMIN")
      throw new AppError("not_found", e.userNotFound, "userId", "second_factor_reset_not_found");
    const revokedSessions = await resetAccount(tx, id);
    return {
      result: { userId: id, fullName: target.fullName, agency: target.agency?.identifier ?? null },
      entityId: id,
      details: { revokedSessions },
    };
  },
});

/** An agency's administrator accounts with their second factor, for the VPCP's agency page. */
export async function agencyAdminsOf(agencyId: number) {
  return db.user.findMany({
    where: { agencyId, role: "AGENCY_ADMIN" },
    select: { id: true, fullName: true, email: true, totpEnabledAt: true, disabledAt: true },
    orderBy: [{ fullName: "asc" }, { id: "asc" }],
  });
}
