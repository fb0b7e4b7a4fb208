// What an agency administrator keeps for the agency's own document system: API keys (issue, rotate, revoke,
// listed with last use), the push endpoint (URL, signing secret shown once), and the dead-letter list of
// messages the portal gave up delivering, with a resend. A VPCP administrator sees every agency's dead
// letters; an agency administrator only the agency's own. Every mutation goes through the door.
import "server-only";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { defineUseCase, AppError } from "@/lib/auth/door";
import type { CurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { integrationText } from "@/lib/i18n/vi/integration";
import { BlockedAddressError, hostOf, outboundPolicy, resolveChecked, urlRefusal } from "@/lib/http/ssrf";
import { resendDead } from "@/lib/notify/outbox";
import { issueApiKey, listApiKeys, revokeApiKey } from "./api-keys";
import { DOCUMENT_PUSH_KIND } from "./delivery";
import { DOSSIER_DELIVER_KIND } from "@/lib/sync/outbound";

const t = integrationText;

function agencyOf(user: CurrentUser | null): number {
  if (user?.agencyId == null) throw new AppError("forbidden", "Tài khoản chưa gắn với cơ quan nào.");
  return user.agencyId;
}

/** A signing secret: 32 random bytes, base64url. */
export const newSecret = () => `whsec_${randomBytes(32).toString("base64url")}`;

export async function integrationSettings(user: CurrentUser) {
  if (user.agencyId == null) return null;
  const [keys, endpoint] = await Promise.all([
    listApiKeys(user.agencyId),
    db.documentEndpoint.findUnique({ where: { agencyId: user.agencyId }, select: { url: true, enabled: true, updatedAt: true } }),
  ]);
  return { keys, endpoint };
}

// ---- API keys --------------------------------------------------------------------------------------------

export const issueAgencyApiKey = defineUseCase({
  name: "apikey.issue",
  permission: "agency.integration",
  schema: z.object({ label: z.string({ error: t.keys.labelRequired }).trim().min(2, t.keys.labelRequired).max(200, t.keys.labelRequired) }),
  entityType: "api_key",
  async run(input, { tx, user }) {
    const agencyId = agencyOf(user);
    const { id, key } = await issueApiKey(agencyId, input.label, tx);
    // The key itself is never audited, only which key was issued.
    return { result: { id, key }, entityId: id, details: { label: input.label, prefix: key.slice(0, 12) } };
  },
});

const KeyRef = z.object({ keyId: z.uuid({ error: t.keys.notFound }) });

export const revokeAgencyApiKey = defineUseCase({
  name: "apikey.revoke",
  permission: "agency.integration",
  schema: KeyRef,
  entityType: "api_key",
  async run(input, { tx, user }) {
    if (!(await revokeApiKey(agencyOf(user), input.keyId, tx))) throw new AppError("not_found", t.keys.notFound);
    return { result: { id: input.keyId }, entityId: input.keyId };
  },
});

/** A new key with the old one's name, and the old one revoked, in one transaction. */
export const rotateAgencyApiKey = defineUseCase({
  name: "apikey.rotate",
  permission: "agency.integration",
  schema: KeyRef,
  entityType: "api_key",
  async run(input, { tx, user }) {
    const agencyId = agencyOf(user);
    const old = await tx.apiKey.findFirst({ where: { id: input.keyId, agencyId, revokedAt: null }, select: { label: true } });
    if (!old || !(await revokeApiKey(agencyId, input.keyId, tx))) throw new AppError("not_found", t.keys.notFound);
    const { id, key } = await issueApiKey(agencyId, old.label, tx);
    return { result: { id, key }, entityId: id, details: { replaces: input.keyId, prefix: key.slice(0, 12) } };
  },
});

// ---- Push endpoint ---------------------------------------------------------------------------------------

/**
 * The endpoint's address as typed: http(s), no credentials, https unless PUSH_ALLOW_HTTP, and no literal
 * address the portal does not connect to (loopback, private, link-local… in any spelling: the URL parser
 * has already turned 2130706433 or 0x7f.1 into 127.0.0.1). Its name is resolved in the use case.
 */
export const EndpointUrl = z
  .string({ error: t.endpoint.urlInvalid })
  .trim()
  .max(2000, t.endpoint.urlInvalid)
  .superRefine((v, ctx) => {
    const refusal = urlRefusal(v, outboundPolicy());
    if (refusal === "invalid_url") ctx.addIssue({ code: "custom", message: t.endpoint.urlInvalid });
    else if (refusal === "https_required") ctx.addIssue({ code: "custom", message: t.endpoint.httpsRequired });
    else if (refusal === "blocked_address") ctx.addIssue({ code: "custom", message: t.endpoint.blockedAddress });
  });

/**
 * The registered name must not resolve to an address the portal does not connect to. A name that does not
 * resolve now (not yet published, DNS down) is accepted: every push resolves and checks it again.
 */
export async function refuseBlockedHost(url: string): Promise<void> {
  const host = hostOf(new URL(url));
  try {
    await resolveChecked(host, { timeoutMs: 3_000 });
  } catch (err) {
    if (err instanceof BlockedAddressError) throw new AppError("invalid", t.endpoint.blockedAddress, "url");
  }
}

/** Saves the agency's endpoint. The first save creates the signing secret and returns it, once. */
export const saveEndpoint = defineUseCase({
  name: "document.endpoint.save",
  permission: "agency.integration",
  schema: z.object({ url: EndpointUrl, enabled: z.enum(["true", "false"]).default("true") }),
  entityType: "document_endpoint",
  async run(input, { tx, user }) {
    const agencyId = agencyOf(user);
    await refuseBlockedHost(input.url);
    const enabled = input.enabled === "true";
    const existing = await tx.documentEndpoint.findUnique({ where: { agencyId }, select: { agencyId: true } });
    if (existing) {
      await tx.documentEndpoint.update({ where: { agencyId }, data: { url: input.url, enabled } });
      return { result: { secret: null as string | null }, entityId: String(agencyId), details: { url: input.url, enabled } };
    }
    const secret = newSecret();
    await tx.documentEndpoint.create({ data: { agencyId, url: input.url, enabled, secret } });
    return { result: { secret: secret as string | null }, entityId: String(agencyId), details: { url: input.url, enabled, created: true } };
  },
});

export const regenerateEndpointSecret = defineUseCase({
  name: "document.endpoint.secret",
  permission: "agency.integration",
  schema: z.object({}),
  entityType: "document_endpoint",
  async run(_input, { tx, user }) {
    const agencyId = agencyOf(user);
    const secret = newSecret();
    const { count } = await tx.documentEndpoint.updateMany({ where: { agencyId }, data: { secret } });
    if (count === 0) throw new AppError("not_found", t.endpoint.missing);
    return { result: { secret }, entityId: String(agencyId) };
  },
});

export const removeEndpoint = defineUseCase({
  name: "document.endpoint.remove",
  permission: "agency.integration",
  schema: z.object({}),
  entityType: "document_endpoint",
  async run(_input, { tx, user }) {
    const agencyId = agencyOf(user);
    const { count } = await tx.documentEndpoint.deleteMany({ where: { agencyId } });
    if (count === 0) throw new AppError("not_found", t.endpoint.missing);
    return { result: {}, entityId: String(agencyId) };
  },
});

// ---- Dead letters ----------------------------------------------------------------------------------------

export interface DeadLetter {
  id: string;
  kind: string;
  agencyName: string | null;
  documentKey: string | null;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  diedAt: Date;
}

/** Whose dead letters the user may see: everyone's for a VPCP administrator, else the agency's own pushes. */
function deadScope(user: CurrentUser | null): { all: true } | { agencyId: number } | null {
  if (can(user, "admin.read")) return { all: true };
  if (can(user, "outbox.resend") && user?.agencyId != null) return { agencyId: user.agencyId };
  return null;
}

/** The dead letters the user may see, newest first, with the document each push was about. */
export async function listDeadLetters(user: CurrentUser, limit = 100): Promise<DeadLetter[]> {
  const scope = deadScope(user);
  if (!scope) return [];
  const agencyFilter = "agencyId" in scope ? scope.agencyId : null;
  const rows = await db.$queryRaw<
    {
      id: bigint;
      kind: string;
      agency_name: string | null;
      document_key: string | null;
      attempts: number;
      last_error: string | null;
      created_at: Date;
      died_at: Date;
    }[]
  >`
    SELECT o.id, o.kind, a.name AS agency_name, COALESCE(d1.document_key, d2.document_key, ds.code) AS document_key,
           o.attempts, o.last_error, o.created_at, o.next_attempt_at AS died_at
      FROM outbox_message o
      LEFT JOIN agency a ON a.id = o.agency_id
      LEFT JOIN document_recipient r1 ON o.kind = ${DOCUMENT_PUSH_KIND} AND o.payload->>'type' = 'document' AND r1.id::text = o.payload->>'recipientId'
      LEFT JOIN document d1 ON d1.id = r1.document_id
      LEFT JOIN document_status_event e ON o.kind = ${DOCUMENT_PUSH_KIND} AND o.payload->>'type' = 'status' AND e.id::text = o.payload->>'eventId'
      LEFT JOIN document_recipient r2 ON r2.id = e.recipient_id
      LEFT JOIN document d2 ON d2.id = r2.document_id
      LEFT JOIN dossier ds ON o.kind = ${DOSSIER_DELIVER_KIND} AND ds.id::text = o.payload->>'dossierId'
     WHERE o.status = 'DEAD'
       AND (${agencyFilter}::int IS NULL OR (o.agency_id = ${agencyFilter}::int AND o.kind IN (${DOCUMENT_PUSH_KIND}, ${DOSSIER_DELIVER_KIND})))
     ORDER BY o.id DESC
     LIMIT ${limit}`;
  return rows.map((r) => ({
    id: r.id.toString(),
    kind: r.kind,
    agencyName: r.agency_name,
    documentKey: r.document_key,
    attempts: r.attempts,
    lastError: r.last_error,
    createdAt: r.created_at,
    diedAt: r.died_at,
  }));
}

/** Gives a dead letter a fresh set of attempts; an agency administrator only for the agency's own pushes. */
export const resendDeadLetter = defineUseCase({
  name: "outbox.resend",
  permission: "outbox.resend",
  schema: z.object({ id: z.string().regex(/^\d{1,18}$/, t.dead.notFound) }),
  entityType: "outbox_message",
  async run(input, { tx, user }) {
    const scope = deadScope(user);
    if (!scope) throw new AppError("not_found", t.dead.notFound);
    // An agency administrator resends the agency's own pushes: documents, and (issue 17) dossiers for its one-stop system.
    const kinds = "agencyId" in scope ? [DOCUMENT_PUSH_KIND, DOSSIER_DELIVER_KIND] : [undefined];
    let resent = false;
    for (const kind of kinds) {
      const only = "agencyId" in scope && kind ? { agencyId: scope.agencyId, kind } : undefined;
      if (await resendDead(BigInt(input.id), { only, client: tx })) {
        resent = true;
        break;
      }
    }
    if (!resent) throw new AppError("not_found", t.dead.notFound);
    return { result: { id: input.id }, entityId: input.id };
  },
});
