// Delivery of documents and status messages to the agency at the other end. An agency that registered a
// push endpoint gets each message POSTed to it through the outbox (retries with exponential backoff, then
// the dead-letter list an admin can resend from); every other agency finds it in its portal register at
// once. Pull (GET /api/v1/van-ban/den) always works as well: a push is an addition, never the only copy.
import "server-only";
import { createHash, createHmac } from "node:crypto";
import { z } from "zod";
import { db, type Tx } from "@/lib/db/client";
import { guardedPost, OutboundError, type OutboundLimits } from "@/lib/http/outbound";
import type { Resolver } from "@/lib/http/ssrf";
import { enqueue, PermanentFailure } from "@/lib/notify/outbox";
import { logExchange, type ExchangeRow } from "./exchange-log";
import { inboxItems, recipientForMessage } from "./message";
import type { PushDocumentBody, PushStatusBody } from "./push-schema";
import { childLog } from "@/lib/ops/log";

const opsLog = childLog({ module: "document-push" });

export const DOCUMENT_PUSH_KIND = "document.push";
/**
 * Each push: a connection within 5 s, the whole answer within 15 s, and at most 64 KB of it (an
 * acknowledgement is a few bytes of JSON). The outbox runs at most 2 pushes per agency at once
 * (lib/notify/outbox.ts), so a slow agency holds two slots for at most 15 s each, never the outbox.
 */
export const PUSH_LIMITS: OutboundLimits = { connectTimeoutMs: 5_000, totalTimeoutMs: 15_000, maxResponseBytes: 64 * 1024 };
export const SIGNATURE_HEADER = "x-portal-signature";

const PushPayload = z.discriminatedUnion("type", [
  z.object({ type: z.literal("document"), agencyId: z.number().int(), recipientId: z.uuid() }),
  z.object({ type: z.literal("status"), agencyId: z.number().int(), eventId: z.string().regex(/^\d+$/) }),
]);
type PushPayload = z.infer<typeof PushPayload>;

async function endpointOf(client: Pick<Tx, "documentEndpoint">, agencyId: number) {
  return client.documentEndpoint.findFirst({ where: { agencyId, enabled: true } });
}

/** Queues the message for the agency's endpoint, or records that it is in the agency's portal register. */
async function route(tx: Tx, payload: PushPayload, log: { documentKey: string; requestInAt: Date; sha256: string | null }): Promise<void> {
  if (await endpointOf(tx, payload.agencyId)) {
    await enqueue(tx, DOCUMENT_PUSH_KIND, payload, { agencyId: payload.agencyId });
    return;
  }
  const now = new Date();
  await logExchange(tx, {
    operation: "deliver",
    agencyId: payload.agencyId,
    documentKey: log.documentKey,
    requestInAt: log.requestInAt,
    requestOutAt: now,
    responseInAt: now,
    responseOutAt: now,
    success: true,
    size: 0,
    sha256: log.sha256,
  });
}

/** After a document is stored (portal or API): each recipient gets it. Call in the storing transaction. */
export async function deliverDocument(tx: Tx, documentId: string): Promise<void> {
  const d = await tx.document.findUniqueOrThrow({
    where: { id: documentId },
    select: { documentKey: true, sha256: true, sentAt: true, recipients: { select: { id: true, agencyId: true } } },
  });
  for (const r of d.recipients) {
    await route(
      tx,
      { type: "document", agencyId: r.agencyId, recipientId: r.id },
      { documentKey: d.documentKey, requestInAt: d.sentAt, sha256: d.sha256 },
    );
  }
}

/** After a status event on a copy: the other side learns it (the sender, or for a recall the recipient). */
export async function deliverStatus(tx: Tx, eventId: bigint, to: "sender" | "recipient"): Promise<void> {
  const e = await tx.documentStatusEvent.findUniqueOrThrow({
    where: { id: eventId },
    select: { at: true, recipient: { select: { agencyId: true, document: { select: { documentKey: true, senderAgencyId: true } } } } },
  });
  const agencyId = to === "sender" ? e.recipient.document.senderAgencyId : e.recipient.agencyId;
  await route(
    tx,
    { type: "status", agencyId, eventId: eventId.toString() },
    { documentKey: e.recipient.document.documentKey, requestInAt: e.at, sha256: null },
  );
}

/** The JSON body pushed for a message, and what identifies it. */
async function buildBody(
  payload: PushPayload,
): Promise<{ body: unknown; documentKey: string; requestInAt: Date; expectSha: string | null } | null> {
  if (payload.type === "document") {
    const r = await db.documentRecipient.findUnique({
      where: { id: payload.recipientId },
      include: recipientForMessage,
    });
    if (!r) return null;
    const [item] = await inboxItems([r]);
    return {
      body: { type: "document", ...item! } satisfies z.input<typeof PushDocumentBody>,
      documentKey: r.document.documentKey,
      requestInAt: r.document.sentAt,
      expectSha: r.document.sha256,
    };
  }
  const e = await db.documentStatusEvent.findUnique({
    where: { id: BigInt(payload.eventId) },
    include: {
      recipient: { include: { agency: { select: { identifier: true, name: true } }, document: { select: { documentKey: true } } } },
    },
  });
  if (!e) return null;
  return {
    body: {
      type: "status",
      recipientId: e.recipientId,
      documentKey: e.recipient.document.documentKey,
      organId: e.recipient.agency.identifier,
      organName: e.recipient.agency.name,
      status: e.status,
      currentStatus: e.recipient.status,
      at: e.at.toISOString(),
      staff: e.staffName ? { name: e.staffName, ...(e.department ? { department: e.department } : {}) } : null,
      ...(e.description ? { description: e.description } : {}),
    } satisfies z.input<typeof PushStatusBody>,
    documentKey: e.recipient.document.documentKey,
    requestInAt: e.at,
    expectSha: null,
  };
}

/** The signature a receiver checks: `sha256=` HMAC-SHA256 of the exact body with the endpoint's secret. */
function signBody(secret: string, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
}

/** Endpoints the portal will not connect to: not a passing fault, the message goes to the dead-letter list at once. */
const REFUSED = new Set(["blocked_address", "https_required", "invalid_url"]);

function faultOf(err: unknown): string {
  if (err instanceof OutboundError) return err.fault;
  return "network";
}

/**
 * One signed push to an agency system's endpoint (documents here, dossiers in lib/sync/outbound.ts): the body
 * signed with the endpoint's secret, its sha256 in a header, the exchange logged with its four timestamps whatever
 * happens. Answers the 2xx response; throws otherwise so the outbox retries (PermanentFailure for an endpoint the
 * portal will not connect to). `what` names the push in the operations log.
 */
export async function signedPush(p: {
  endpoint: { url: string; secret: string };
  body: string;
  log: Pick<ExchangeRow, "operation" | "agencyId" | "documentKey" | "requestInAt">;
  limits: OutboundLimits;
  resolve?: Resolver;
  /** How the operations log names it, and the caller's logger (its module). */
  what: { label: string; fields: Record<string, unknown>; logger: Pick<typeof opsLog, "warn"> };
}): Promise<{ status: number; body: string; responseInAt: Date }> {
  const sha256 = createHash("sha256").update(p.body).digest("hex");
  const log = { ...p.log, requestOutAt: new Date(), size: Buffer.byteLength(p.body), sha256 };
  let response: { status: number; body: string };
  try {
    response = await guardedPost(p.endpoint.url, {
      headers: {
        "content-type": "application/json; charset=utf-8",
        [SIGNATURE_HEADER]: signBody(p.endpoint.secret, p.body),
        "x-portal-message-sha256": sha256,
      },
      body: p.body,
      limits: p.limits,
      resolve: p.resolve,
    });
  } catch (err) {
    await logExchange(db, { ...log, responseInAt: null, responseOutAt: new Date(), success: false, faultCode: faultOf(err) });
    p.what.logger.warn({ ...p.what.fields, fault: faultOf(err) }, `${p.what.label} failed`);
    if (err instanceof OutboundError && REFUSED.has(err.fault)) throw new PermanentFailure(err.message, { cause: err });
    throw err;
  }
  const responseInAt = new Date();
  // 2xx only: a redirect is not followed, and is a failure like any other answer.
  if (response.status < 200 || response.status > 299) {
    await logExchange(db, { ...log, responseInAt, responseOutAt: new Date(), success: false, faultCode: `http_${response.status}` });
    p.what.logger.warn({ ...p.what.fields, status: response.status }, `${p.what.label} refused`);
    throw new Error(`${p.endpoint.url} answered ${response.status}`);
  }
  await logExchange(db, { ...log, responseInAt, responseOutAt: new Date(), success: true });
  return { ...response, responseInAt };
}

/**
 * The outbox handler: POSTs one message to the agency's endpoint and logs the exchange with its four
 * timestamps. A 2xx answer is delivery; for a document, an answer echoing its sha256 is also the
 * agency's acknowledgement (the copy leaves its pull inbox). Anything else throws, so the outbox retries:
 * a redirect (never followed), an address the portal does not connect to (checked again at each attempt,
 * as the agency's DNS may have changed), a timeout, an oversized answer.
 * `resolve` and `limits` are for tests (a resolver that answers what a test needs, short timeouts).
 */
export function createPushHandler(opts: { resolve?: Resolver; limits?: OutboundLimits } = {}): (raw: unknown) => Promise<void> {
  return (raw) => push(raw, opts.resolve, opts.limits ?? PUSH_LIMITS);
}

export const pushHandler = createPushHandler();

async function push(raw: unknown, resolve: Resolver | undefined, limits: OutboundLimits): Promise<void> {
  const parsed = PushPayload.safeParse(raw);
  if (!parsed.success) throw new PermanentFailure("malformed document.push payload");
  const payload = parsed.data;
  const endpoint = await endpointOf(db, payload.agencyId);
  // The agency removed its endpoint since: it reads the message by pull, nothing to push.
  if (!endpoint) return;
  const message = await buildBody(payload);
  if (!message) throw new PermanentFailure("the document or status event no longer exists");
  const response = await signedPush({
    endpoint,
    body: JSON.stringify(message.body),
    log: { operation: "push", agencyId: payload.agencyId, documentKey: message.documentKey, requestInAt: message.requestInAt },
    limits,
    resolve,
    what: { label: "document push", fields: { agencyId: payload.agencyId, type: payload.type }, logger: opsLog },
  });
  const { responseInAt } = response;
  const answer = response.body;
  if (payload.type === "document" && message.expectSha) {
    let echoed: unknown;
    try {
      echoed = (JSON.parse(answer) as { sha256?: unknown }).sha256;
    } catch {
      echoed = undefined;
    }
    if (echoed === message.expectSha) {
      await db.documentRecipient.updateMany({
        where: { id: payload.recipientId, acknowledgedAt: null },
        data: { acknowledgedAt: responseInAt },
      });
    }
  }
  opsLog.info({ agencyId: payload.agencyId, type: payload.type }, "document pushed");
}
