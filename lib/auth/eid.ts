// Signing in with the national e-ID (OpenID Connect, lib/auth/options.ts verifies the ID token), and what
// an e-ID sign-in does to accounts:
// - the first sign-in of a person makes a CITIZEN account (no password) with the identity the e-ID vouched for;
// - an account already linked to the e-ID's subject signs in, its identity details refreshed;
// - a password account holding the same identity number is NOT signed in: a link request is held until the
//   citizen proves the account is theirs by its password (confirmEidLink);
// - a signed-in citizen stepping up links the e-ID to the current account when the numbers agree (or the
//   account has none and nobody else holds it), and gets a new session at the e-ID's level.
// The session's level is the token's `acr`; the account keeps the highest level it reached. Every outcome
// is audited (`auth.eidSignIn`) without the identity's details.
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record";
import { db, type Tx } from "@/lib/db/client";
import { eidText, type EidRefusal } from "@/lib/i18n/vi/eid";
import { check, clear, hit, refund } from "@/lib/security/rate-limit";
import { checkAcr, identityFromClaims, type EidIdentity } from "./eid-claims";
import { dummyHash, verifyPassword } from "./password";
import type { Role } from "./permissions";
import { authText } from "@/lib/i18n/vi/auth";
import { createSession, revokeSession, type AssuranceLevel, type SessionUser } from "./sessions";

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
      console.error(`auth.eidSignIn (${outcome}) not audited:`, err);
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

async function openSession(
  user: { id: string; role: Role },
  level: AssuranceLevel,
  meta: Meta,
  details: Record<string, string | number | boolean>,
): Promise<{ sessionId: string }> {
  const sessionId = await createSession(user.id, meta, { authMethod: "eid", assuranceLevel: level });
  await audit(meta, "ok", { level, ...details }, user);
  return { sessionId };
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

  if (current) return stepUp(id, level, current, meta, refuse);

  const linked = await db.user.findUnique({ where: { eidSubject: id.subject } });
  if (linked) {
    if (linked.disabledAt) return refuse("disabled", linked);
    if (linked.role !== "CITIZEN") return refuse("staff_account", linked);
    const holder = await db.user.findUnique({ where: { cccd: id.cccd }, select: { id: true } });
    if (holder && holder.id !== linked.id) return refuse("cccd_taken", linked);
    await db.user.update({ where: { id: linked.id }, data: identityData(id, level, linked) });
    const { sessionId } = await openSession(linked, level, meta, { account: "linked" });
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

  const created = await db.user.create({
    data: {
      role: "CITIZEN",
      email: id.email && !(await emailTaken(id.email)) ? id.email : null,
      passwordHash: null,
      ...identityData(id, level, null),
    },
  });
  const { sessionId } = await openSession(created, level, meta, { account: "created" });
  return { kind: "signedIn", sessionId, userId: created.id, role: created.role, created: true };
}

async function emailTaken(email: string): Promise<boolean> {
  return (await db.user.count({ where: { email } })) > 0;
}

async function stepUp(
  id: EidIdentity,
  level: AssuranceLevel,
  current: SessionUser,
  meta: Meta,
  refuse: (reason: EidRefusal, actor?: { id: string; role: Role }) => Promise<EidOutcome>,
): Promise<EidOutcome> {
  const me = await db.user.findUnique({ where: { id: current.id } });
  if (!me || me.disabledAt) return refuse("disabled", current);
  if (me.role !== "CITIZEN") return refuse("staff_account", me);
  if (me.eidSubject && me.eidSubject !== id.subject) return refuse("other_eid", me);
  if (!me.eidSubject) {
    const other = await db.user.findUnique({ where: { eidSubject: id.subject }, select: { id: true } });
    if (other) return refuse("eid_taken", me);
  }
  if (me.cccd !== id.cccd) {
    if (me.cccd) return refuse("cccd_mismatch", me);
    const holder = await db.user.findUnique({ where: { cccd: id.cccd }, select: { id: true } });
    if (holder) return refuse("cccd_taken", me);
  }
  await db.user.update({ where: { id: me.id }, data: identityData(id, level, me) });
  // The stronger session replaces the weaker one.
  await revokeSession(current.sessionId);
  const { sessionId } = await openSession(me, level, meta, { account: me.eidSubject ? "linked" : "stepUpLinked", stepUp: true });
  return { kind: "signedIn", sessionId, userId: me.id, role: me.role, created: false };
}

/** The account a live link request names (for the link page), or null when the token is unknown, used or expired. */
export async function pendingLink(token: string): Promise<{ email: string | null; fullName: string } | null> {
  const r = await liveRequest(db, token);
  return r ? { email: r.user.email, fullName: r.user.fullName } : null;
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
  const linked = await db.$transaction(async (tx) => {
    // Used once: of two concurrent confirmations only one gets past this line.
    const used = await tx.eidLinkRequest.updateMany({ where: { id: request.id, usedAt: null }, data: { usedAt: new Date() } });
    if (used.count !== 1) return false;
    const taken = await tx.user.findFirst({ where: { eidSubject: identity.subject, NOT: { id: user.id } }, select: { id: true } });
    if (taken) return false;
    await tx.user.update({ where: { id: user.id }, data: identityData(identity, level, user) });
    return true;
  });
  if (!linked) throw new EidLinkError(eidText.link.expired);
  const { sessionId } = await openSession(user, level, meta, { account: "passwordLinked" });
  return { id: user.id, sessionId, role: user.role, name: identity.fullName, email: user.email };
}
