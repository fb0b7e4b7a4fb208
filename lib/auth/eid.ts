// Signing in with the national e-ID (OpenID Connect, lib/auth/options.ts verifies the ID token), and what
// an e-ID sign-in does to accounts:
// - the first sign-in of a person makes a CITIZEN account (no password) with the identity the e-ID vouched for;
// - an account already linked to the e-ID's subject signs in, its identity details refreshed;
// - a password account holding the same identity number is NOT signed in: a link request is held until the
//   citizen proves the account is theirs by its password (confirmEidLink);
//   (or, when that account's number was only typed at registration, never verified, the e-ID's person
//   claims the number for a new e-ID account: claimEidCccd);
// - a signed-in citizen stepping up links the e-ID to the current account only when the account's number
//   equals the e-ID's, and gets a new session at the e-ID's level.
// Each path's writes are one transaction; a unique violation from a concurrent sign-in is retried once.
// The session's level is the token's `acr`; the account keeps the highest level it reached. Every outcome
// is audited (`auth.eidSignIn`) without the identity's details.
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record";
import { db, type Tx } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/errors/app-error";
import { accountText } from "@/lib/i18n/vi/accounts";
import { eidText, type EidRefusal } from "@/lib/i18n/vi/eid";
import { EMAIL_KIND } from "@/lib/notify/email";
import { publicBaseUrl } from "@/lib/notify/notify";
import { enqueue } from "@/lib/notify/outbox";
import { check, clear, hit, refund } from "@/lib/security/rate-limit";
import { checkAcr, identityFromClaims, type EidIdentity } from "./eid-claims";
import { dummyHash, verifyPassword } from "./password";
import type { Role } from "./permissions";
import { authText } from "@/lib/i18n/vi/auth";
import { createSession, type AssuranceLevel, type SessionUser } from "./sessions";
import { errorField, log } from "@/lib/ops/log";

type Meta = { ip: string; userAgent: string | null };

const LINK_TTL_MS = 15 * 60_000;
const AUDIT_WAIT_MS = 60_000;

/** The e-ID is offered only when the portal is configured for it. */
export function eidConfigured(): boolean {
  return Boolean(process.env.EID_ISSUER && process.env.EID_CLIENT_ID && process.env.EID_CLIENT_SECRET);
}

type EidOutcome =
  | { kind: "signedIn"; sessionId: string; userId: string; role: Role; created: boolean }
  | { kind: "link"; token: string }
  | { kind: "refused"; reason: EidRefusal };

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

async function audit(
  meta: Meta,
  outcome: "ok" | "denied" | "failed",
  details: Record<string, string | number | boolean>,
  actor?: { id: string; role: Role },
): Promise<void> {
  await db
    .$transaction(
      (tx) =>
        recordAudit(tx, {
          actorId: actor?.id,
          actorRole: actor?.role,
          action: "auth.eidSignIn",
          outcome,
          entityType: "user",
          entityId: actor?.id,
          ip: meta.ip,
          userAgent: meta.userAgent,
          details,
        }),
      { maxWait: AUDIT_WAIT_MS, timeout: AUDIT_WAIT_MS },
    )
    .catch((err: unknown) => {
      if (outcome === "ok") throw err;
      log.error({ outcome, err: errorField(err) }, "auth.eidSignIn not audited");
    });
}

/** A refusal that happened before the portal saw any claims (the token failed verification). */
export async function auditEidFailure(reason: string, meta: Meta): Promise<void> {
  await audit(meta, "failed", { reason: reason.slice(0, 80) });
}

/** The identity fields an e-ID sign-in writes (verified; never edited by hand while verified). */
function identityData(id: EidIdentity, level: AssuranceLevel, current: { assuranceLevel: number } | null) {
  return {
    fullName: id.fullName,
    cccd: id.cccd,
    dateOfBirth: new Date(`${id.dateOfBirth}T00:00:00Z`),
    address: id.address,
    phone: id.phone,
    eidSubject: id.subject,
    identityVerifiedAt: new Date(),
    assuranceLevel: Math.max(level, current?.assuranceLevel ?? 1),
  };
}

/** An e-ID session row, in the caller's transaction. */
function sessionIn(tx: Tx, userId: string, meta: Meta, level: AssuranceLevel): Promise<string> {
  return createSession(userId, meta, { authMethod: "eid", assuranceLevel: level }, tx);
}

/** Opens the e-ID session and audits the sign-in, in the caller's transaction. */
async function openSessionIn(
  tx: Tx,
  user: { id: string; role: Role },
  level: AssuranceLevel,
  meta: Meta,
  details: Record<string, string | number | boolean>,
): Promise<string> {
  const sessionId = await sessionIn(tx, user.id, meta, level);
  await recordAudit(tx, {
    actorId: user.id,
    actorRole: user.role,
    action: "auth.eidSignIn",
    outcome: "ok",
    entityType: "user",
    entityId: user.id,
    ip: meta.ip,
    userAgent: meta.userAgent,
    details: { level, ...details },
  });
  return sessionId;
}

/** The e-ID's e-mail for a new account: only a verified one (eid-claims), and only when no account has it. */
async function freeEmail(tx: Tx, email: string | null): Promise<string | null> {
  if (!email) return null;
  return (await tx.user.count({ where: { email } })) > 0 ? null : email;
}

/** A new CITIZEN account (no password) with the identity the e-ID vouched for. */
async function createEidAccount(tx: Tx, id: EidIdentity, level: AssuranceLevel) {
  const email = await freeEmail(tx, id.email);
  return tx.user.create({
    data: {
      role: "CITIZEN",
      email,
      // The column defaults to now(); without an e-mail there is nothing verified.
      emailVerifiedAt: email ? new Date() : null,
      passwordHash: null,
      ...identityData(id, level, null),
    },
  });
}

/**
 * An e-ID sign-in whose ID token openid-client has verified (signature, issuer, audience, expiry, nonce):
 * checks the level against what was asked and applies the account rules above. `current` is the live
 * session of the browser that started it (step-up), if any.
 */
export async function completeEidSignIn(
  claims: Record<string, unknown>,
  asked: AssuranceLevel,
  current: SessionUser | null,
  meta: Meta,
): Promise<EidOutcome> {
  const refuse = async (reason: EidRefusal, actor?: { id: string; role: Role }): Promise<EidOutcome> => {
    await audit(meta, "denied", { reason, asked }, actor);
    return { kind: "refused", reason };
  };
  const acr = checkAcr(claims.acr, asked);
  if (!acr.ok) return refuse(acr.reason, current ?? undefined);
  const parsed = identityFromClaims(claims);
  if (!parsed.ok) return refuse("claims_invalid", current ?? undefined);
  const id = parsed.identity;
  const level = acr.level;

  // A concurrent sign-in of the same person (or a new account with the same e-mail) may write first: the
  // transaction then fails on a unique index with nothing written, and one more try sees what is there now.
  for (let attempt = 0; ; attempt++) {
    try {
      return current ? await stepUp(id, level, current, meta, refuse) : await signInFresh(id, level, meta, refuse);
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      if (attempt >= 1) return refuse("conflict", current ?? undefined);
    }
  }
}

type Refuse = (reason: EidRefusal, actor?: { id: string; role: Role }) => Promise<EidOutcome>;

async function signInFresh(id: EidIdentity, level: AssuranceLevel, meta: Meta, refuse: Refuse): Promise<EidOutcome> {
  const linked = await db.user.findUnique({ where: { eidSubject: id.subject } });
  if (linked) {
    if (linked.disabledAt) return refuse("disabled", linked);
    if (linked.role !== "CITIZEN") return refuse("staff_account", linked);
    const holder = await db.user.findUnique({ where: { cccd: id.cccd }, select: { id: true } });
    if (holder && holder.id !== linked.id) return refuse("cccd_taken", linked);
    const sessionId = await db.$transaction(async (tx) => {
      await tx.user.update({ where: { id: linked.id }, data: identityData(id, level, linked) });
      return openSessionIn(tx, linked, level, meta, { account: "linked" });
    });
    return { kind: "signedIn", sessionId, userId: linked.id, role: linked.role, created: false };
  }

  const holder = await db.user.findUnique({ where: { cccd: id.cccd } });
  if (holder) {
    if (holder.disabledAt) return refuse("disabled", holder);
    if (holder.role !== "CITIZEN") return refuse("staff_account", holder);
    if (holder.eidSubject || !holder.passwordHash) return refuse("cccd_taken", holder);
    const token = randomBytes(32).toString("base64url");
    await db.eidLinkRequest.create({
      data: {
        tokenHash: sha256(token),
        userId: holder.id,
        claims: { ...id },
        assuranceLevel: level,
        expiresAt: new Date(Date.now() + LINK_TTL_MS),
      },
    });
    await audit(meta, "denied", { reason: "link_required", level }, holder);
    return { kind: "link", token };
  }

  const { user, sessionId } = await db.$transaction(async (tx) => {
    const user = await createEidAccount(tx, id, level);
    return { user, sessionId: await openSessionIn(tx, user, level, meta, { account: "created" }) };
  });
  return { kind: "signedIn", sessionId, userId: user.id, role: user.role, created: true };
}

async function stepUp(id: EidIdentity, level: AssuranceLevel, current: SessionUser, meta: Meta, refuse: Refuse): Promise<EidOutcome> {
  const me = await db.user.findUnique({ where: { id: current.id } });
  if (!me || me.disabledAt) return refuse("disabled", current);
  if (me.role !== "CITIZEN") return refuse("staff_account", me);
  if (me.eidSubject && me.eidSubject !== id.subject) return refuse("other_eid", me);
  if (!me.eidSubject) {
    const other = await db.user.findUnique({ where: { eidSubject: id.subject }, select: { id: true } });
    if (other) return refuse("eid_taken", me);
  }
  // Linked only to the account whose CCCD is the e-ID's number. An account without one is not linked
  // implicitly (anyone can make a password account and step up with someone else's e-ID otherwise).
  if (me.cccd !== id.cccd) return refuse(me.cccd ? "cccd_mismatch" : "no_cccd", me);
  const sessionId = await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: me.id }, data: identityData(id, level, me) });
    // The stronger session replaces the weaker one.
    await tx.session.updateMany({ where: { id: current.sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
    return openSessionIn(tx, me, level, meta, { account: me.eidSubject ? "linked" : "stepUpLinked", stepUp: true });
  });
  return { kind: "signedIn", sessionId, userId: me.id, role: me.role, created: false };
}

/** The account a live link request names (for the link page), or null when the token is unknown, used or expired. */
export async function pendingLink(token: string): Promise<{ email: string | null; fullName: string; canClaim: boolean } | null> {
  const r = await liveRequest(db, token);
  return r ? { email: maskEmail(r.user.email), fullName: r.user.fullName, canClaim: claimable(r.user) } : null;
}

/** An e-mail shown to whoever holds a link token: first letter, ***, the domain (n***@example.vn). */
function maskEmail(email: string | null): string | null {
  if (!email) return null;
  const at = email.lastIndexOf("@");
  return at > 0 ? `${email[0]}***${email.slice(at)}` : "***";
}

/** The CCCD of an account can be claimed by the e-ID's person only while the e-ID never verified it. */
function claimable(u: { identityVerifiedAt: Date | null; eidSubject: string | null; role: Role; disabledAt: Date | null }): boolean {
  return !u.identityVerifiedAt && !u.eidSubject && u.role === "CITIZEN" && !u.disabledAt;
}

async function liveRequest(client: typeof db | Tx, token: string) {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const r = await client.eidLinkRequest.findUnique({ where: { tokenHash: sha256(token) }, include: { user: true } });
  if (!r || r.usedAt || r.expiresAt.getTime() <= Date.now()) return null;
  return r;
}

export class EidLinkError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EidLinkError";
  }
}

const LinkInput = z.object({ token: z.string().min(1).max(200), password: z.string().min(1, eidText.link.passwordRequired).max(256) });

/**
 * The citizen proves the account a link request names is theirs (its password, throttled as sign-in is):
 * the e-ID is linked to it and a session at the e-ID's level opens. Throws EidLinkError with the words to show.
 */
export async function confirmEidLink(
  raw: unknown,
  meta: Meta,
): Promise<{ id: string; sessionId: string; role: Role; name: string; email: string | null }> {
  const parsed = LinkInput.safeParse(raw);
  if (!parsed.success) throw new EidLinkError(parsed.error.issues[0]?.message ?? eidText.link.passwordRequired);
  const request = await liveRequest(db, parsed.data.token);
  if (!request) throw new EidLinkError(eidText.link.expired);
  const user = request.user;
  const key = user.email ?? user.id;
  const limits = [
    { name: "signInClient", parts: [meta.ip], message: authText.tooManyFromClient },
    { name: "signInAccountClient", parts: [key, meta.ip], message: authText.tooManyAttempts },
  ] as const;
  for (const l of limits) {
    const now = await check(l.name, l.parts);
    if (!now.ok) throw new EidLinkError(l.message(Math.max(1, Math.ceil(now.retryAfterSeconds / 60))));
  }
  for (const l of limits) {
    const counted = await hit(l.name, l.parts);
    if (!counted.ok) throw new EidLinkError(l.message(Math.max(1, Math.ceil(counted.retryAfterSeconds / 60))));
  }
  const ok = await verifyPassword(user.passwordHash ?? (await dummyHash()), parsed.data.password);
  if (!ok) {
    await audit(meta, "failed", { reason: "link_bad_password" }, user);
    throw new EidLinkError(eidText.link.badPassword);
  }
  if (user.disabledAt) throw new EidLinkError(eidText.refused.disabled);
  await clear("signInAccountClient", [key, meta.ip]);
  await refund("signInClient", [meta.ip]);

  const identity = request.claims as unknown as EidIdentity;
  const level: AssuranceLevel = request.assuranceLevel === 2 ? 2 : 1;
  const sessionId = await db.$transaction(async (tx) => {
    // Used once: of two concurrent confirmations only one gets past this line.
    const used = await tx.eidLinkRequest.updateMany({ where: { id: request.id, usedAt: null }, data: { usedAt: new Date() } });
    if (used.count !== 1) return null;
    const taken = await tx.user.findFirst({ where: { eidSubject: identity.subject, NOT: { id: user.id } }, select: { id: true } });
    if (taken) return null;
    await tx.user.update({ where: { id: user.id }, data: identityData(identity, level, user) });
    return openSessionIn(tx, user, level, meta, { account: "passwordLinked" });
  });
  if (!sessionId) throw new EidLinkError(eidText.link.expired);
  return { id: user.id, sessionId, role: user.role, name: identity.fullName, email: user.email };
}

/**
 * "I do not have this account": the person the e-ID vouched for (the link request's token, live, used once)
 * claims the identity number that a password account only typed at registration. Since the e-ID proves the
 * number and the other account never had it verified, the number is cleared from that account and a new e-ID
 * account is made, as a first sign-in does; the citizen then signs in with the e-ID. Never when the other
 * account's identity is verified. Audited (`auth.eidClaimCccd`, ids only); the other account's owner is told
 * by e-mail when it has one. Throws EidLinkError with the words to show.
 */
export async function claimEidCccd(token: unknown, meta: Meta): Promise<{ userId: string }> {
  if (typeof token !== "string") throw new EidLinkError(eidText.link.expired);
  try {
    return await db.$transaction(async (tx) => {
      const request = await liveRequest(tx, token);
      if (!request) throw new EidLinkError(eidText.link.expired);
      const other = request.user;
      const identity = request.claims as unknown as EidIdentity;
      if (!claimable(other)) throw new EidLinkError(eidText.claim.notAllowed);
      const used = await tx.eidLinkRequest.updateMany({ where: { id: request.id, usedAt: null }, data: { usedAt: new Date() } });
      if (used.count !== 1) throw new EidLinkError(eidText.link.expired);
      // The other account's pending requests go too: it no longer holds the number they were made for.
      await tx.eidLinkRequest.updateMany({ where: { userId: other.id, usedAt: null }, data: { usedAt: new Date() } });
      // Only while the other account still holds the number, unverified (a concurrent link or claim loses here).
      const cleared = await tx.user.updateMany({
        where: { id: other.id, cccd: identity.cccd, identityVerifiedAt: null, eidSubject: null },
        data: { cccd: null },
      });
      if (cleared.count !== 1) throw new EidLinkError(eidText.link.expired);
      if (await tx.user.findUnique({ where: { eidSubject: identity.subject }, select: { id: true } }))
        throw new EidLinkError(eidText.refused.eid_taken);
      const level: AssuranceLevel = request.assuranceLevel === 2 ? 2 : 1;
      const created = await createEidAccount(tx, identity, level);
      await recordAudit(tx, {
        actorId: created.id,
        actorRole: created.role,
        action: "auth.eidClaimCccd",
        outcome: "ok",
        entityType: "user",
        entityId: created.id,
        ip: meta.ip,
        userAgent: meta.userAgent,
        details: { otherUserId: other.id, level },
      });
      if (other.email) {
        const mail = eidText.claim.mail;
        await enqueue(tx, EMAIL_KIND, {
          to: other.email,
          subject: mail.subject,
          text: mail.body(new URL("/dang-nhap", publicBaseUrl()).toString()) + accountText.mail.signature,
        });
      }
      return { userId: created.id };
    });
  } catch (err) {
    // A concurrent sign-in made the e-ID's account (or took the e-mail) first: nothing was written.
    if (isUniqueViolation(err)) throw new EidLinkError(eidText.link.expired);
    if (err instanceof EidLinkError && err.message === eidText.claim.notAllowed) await audit(meta, "denied", { reason: "claim_verified" });
    throw err;
  }
}
