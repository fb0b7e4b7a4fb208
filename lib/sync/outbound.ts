// Issue 17, dossier sync (outbound half): a dossier filed on the portal for a service whose agency processes it
// in its own one-stop system (intake mode SYNC) is delivered there. In the filing transaction the dossier is marked
// PENDING and, when the agency registered a sync endpoint, an outbox message "dossier.deliver" is written; the worker
// POSTs the dossier (answers, their labels, papers with download URLs, fees) signed with the endpoint's secret, and a
// 2xx answer makes it DELIVERED. The agency may also pull what waits (GET /api/v1/ho-so/moi), downloads each paper
// with its key (GET /api/v1/ho-so/{code}/giay-to/{id}) and acknowledges (POST /api/v1/ho-so/{code}/tiep-nhan →
// ACKNOWLEDGED); from then on its status changes come through the inbound API (lib/sync/inbound*.ts). Every query
// is scoped to the key's agency: another agency's dossier is "not found".
import "server-only";
import { z } from "zod";
import { actorAgencyId, actorCan, type Actor } from "@/lib/auth/actor";
import { defineUseCase, unexpectedOr } from "@/lib/auth/door";
import { db, type Tx } from "@/lib/db/client";
import { PUSH_LIMITS, signedPush } from "@/lib/documents/delivery";
import { AppError, type ActionResult } from "@/lib/errors/app-error";
import { appendEvent } from "@/lib/dossiers/events";
import { storedBytes } from "@/lib/files/storage";
import type { OutboundLimits } from "@/lib/http/outbound";
import type { Resolver } from "@/lib/http/ssrf";
import { authText } from "@/lib/i18n/vi/auth";
import { syncOutText } from "@/lib/i18n/vi/sync-out";
import { enqueue, PermanentFailure } from "@/lib/notify/outbox";
import { childLog } from "@/lib/ops/log";

const opsLog = childLog({ module: "dossier-deliver" });
const t = syncOutText.api;

export const DOSSIER_DELIVER_KIND = "dossier.deliver";
/** The header carrying `sha256=<hex>`: HMAC-SHA256 of the exact body with the endpoint's secret. */
/** A connection within 5 s, the whole answer within 15 s, at most 64 KB of it (as document pushes). */
export const PULL_MAX_LIMIT = 50;

const DeliverPayload = z.object({ dossierId: z.uuid(), agencyId: z.number().int() });

/** The portal's public address, for the papers' download URLs. */
function baseUrl(): string {
  return (process.env.PUBLIC_BASE_URL || process.env.NEXTAUTH_URL || `http://localhost:${process.env.PORT ?? "3000"}`).replace(/\/+$/, "");
}

/** The address a paper is downloaded from with the agency's key. */
function paperUrl(code: string, attachmentId: string): string {
  return `${baseUrl()}/api/v1/ho-so/${encodeURIComponent(code)}/giay-to/${attachmentId}`;
}

/**
 * Called in the filing transaction (lib/filing/submit.ts): a dossier of a SYNC service is marked PENDING and, when
 * the agency registered an enabled sync endpoint, queued for delivery. Without an endpoint the agency pulls it.
 */
export async function queueDossierDelivery(tx: Tx, dossierId: string): Promise<boolean> {
  const d = await tx.dossier.findUniqueOrThrow({
    where: { id: dossierId },
    select: { holderAgencyId: true, service: { select: { intakeMode: true } } },
  });
  if (d.service.intakeMode !== "SYNC") return false;
  await tx.dossier.update({ where: { id: dossierId }, data: { deliveryState: "PENDING" } });
  const endpoint = await tx.syncEndpoint.findFirst({ where: { agencyId: d.holderAgencyId, enabled: true }, select: { agencyId: true } });
  if (endpoint) await enqueue(tx, DOSSIER_DELIVER_KIND, { dossierId, agencyId: d.holderAgencyId }, { agencyId: d.holderAgencyId });
  return true;
}

// ---- the message --------------------------------------------------------------------------------------------

const dossierForMessage = {
  service: { select: { code: true, procedure: { select: { code: true } } } },
  applicant: { select: { cccd: true, phone: true, email: true } },
  attachments: {
    where: { purpose: "submission" },
    orderBy: { createdAt: "asc" as const },
    select: { id: true, fileName: true, contentType: true, size: true, sha256: true, fieldId: true },
  },
} as const;

type DossierRow = NonNullable<Awaited<ReturnType<typeof loadDossier>>>;

function loadDossier(where: { id: string } | { code: string }) {
  return db.dossier.findUnique({ where, include: dossierForMessage });
}

export interface DeliveredDossier {
  code: string;
  version: number;
  status: number;
  deliveryState: string | null;
  serviceCode: string;
  procedureCode: string;
  applicant: { name: string; personalId?: string; phone: string | null; email: string | null };
  submittedAt: string;
  dueAt: string | null;
  answers: unknown;
  answerLabels: unknown;
  papers: { id: string; field: string | null; name: string; contentType: string; size: number; sha256: string; url: string }[];
  fees: { total: number; paid: number; detail: unknown };
}

/** The dossier as the agency's system receives it (push body's `dossier`, and each item of the pull). */
function dossierMessage(d: DossierRow): DeliveredDossier {
  const personalId = d.representedCccd ?? d.applicant?.cccd ?? d.applicantCccd ?? undefined;
  const fee = (d.feeSnapshot ?? {}) as { computed?: unknown };
  return {
    code: d.code,
    version: d.version,
    status: d.status,
    deliveryState: d.deliveryState,
    serviceCode: d.service.code,
    procedureCode: d.service.procedure.code,
    applicant: {
      name: d.representedName ?? d.applicantName,
      ...(personalId ? { personalId: personalId.trim() } : {}),
      // A portal dossier always has its applicant's account; the schema allows none since issue 17's counter dossiers.
      phone: d.applicant?.phone ?? null,
      email: d.applicant?.email ?? null,
    },
    submittedAt: d.submittedAt.toISOString(),
    dueAt: d.dueAt?.toISOString() ?? null,
    answers: d.answers,
    answerLabels: d.answerLabels ?? {},
    papers: d.attachments.map((a) => ({
      id: a.id,
      field: a.fieldId,
      name: a.fileName,
      contentType: a.contentType,
      size: a.size,
      sha256: a.sha256,
      url: paperUrl(d.code, a.id),
    })),
    fees: { total: d.feeAmount, paid: d.paidAmount, detail: fee.computed ?? null },
  };
}

/**
 * The outbox handler: POSTs one dossier to the agency's sync endpoint; a 2xx answer makes it DELIVERED. Anything
 * else throws, so the outbox retries with its back-off (then the dead-letter list). `resolve` and `limits` are for
 * tests.
 */
function createDeliverHandler(opts: { resolve?: Resolver; limits?: OutboundLimits } = {}): (raw: unknown) => Promise<void> {
  return (raw) => deliver(raw, opts.resolve, opts.limits ?? PUSH_LIMITS);
}

export const deliverHandler = createDeliverHandler();

async function deliver(raw: unknown, resolve: Resolver | undefined, limits: OutboundLimits): Promise<void> {
  const parsed = DeliverPayload.safeParse(raw);
  if (!parsed.success) throw new PermanentFailure("malformed dossier.deliver payload");
  const { dossierId, agencyId } = parsed.data;
  const d = await loadDossier({ id: dossierId });
  if (!d) throw new PermanentFailure("the dossier no longer exists");
  // Moved on since (acknowledged through a pull, or transferred to another agency): nothing left to push.
  if (d.deliveryState !== "PENDING" || d.holderAgencyId !== agencyId) return;
  const endpoint = await db.syncEndpoint.findFirst({ where: { agencyId, enabled: true } });
  // The agency removed its endpoint since: it pulls the dossier.
  if (!endpoint) return;
  const { responseInAt } = await signedPush({
    endpoint,
    body: JSON.stringify({ event: "dossier.filed", dossier: dossierMessage(d) }),
    log: { operation: "dossier-deliver", agencyId, documentKey: d.code, requestInAt: d.submittedAt },
    limits,
    resolve,
    what: { label: "dossier delivery", fields: { agencyId, code: d.code }, logger: opsLog },
  });
  // Only from PENDING: an acknowledgement that overtook this answer stays.
  await db.dossier.updateMany({
    where: { id: d.id, deliveryState: "PENDING" },
    data: { deliveryState: "DELIVERED", deliveredAt: responseInAt },
  });
  opsLog.info({ agencyId, code: d.code }, "dossier delivered");
}

// ---- the agency's calls -------------------------------------------------------------------------------------

const SYNC_OUT_PERMISSION = "dossier.syncOut" as const;
const notFound = () => new AppError("not_found", t.notFound, undefined, "dossier_not_found");

async function readFor<R>(actor: Actor, where: string, work: (agencyId: number) => Promise<R>): Promise<ActionResult<R>> {
  const agencyId = actorAgencyId(actor);
  if (agencyId == null || !actorCan(actor, SYNC_OUT_PERMISSION)) return new AppError("forbidden", authText.forbiddenTitle).toFailure();
  try {
    return { ok: true, data: await work(agencyId) };
  } catch (err) {
    return unexpectedOr(err, where);
  }
}

/** The agency's delivered dossier by code, or not found (another agency's, or one processed in the portal). */
async function heldSynced(agencyId: number, code: string): Promise<DossierRow> {
  if (code.length > 40) throw notFound();
  const d = await loadDossier({ code });
  if (!d || d.holderAgencyId !== agencyId || d.deliveryState === null) throw notFound();
  return d;
}

export interface Paper {
  code: string;
  fileName: string;
  contentType: string;
  sha256: string;
  bytes: Buffer;
}

/** One paper of one of the agency's delivered dossiers, with its bytes. */
export async function downloadPaper(actor: Actor, input: { code: string; id: string }): Promise<ActionResult<Paper>> {
  return readFor(actor, "dossier.paper", async (agencyId) => {
    const d = await heldSynced(agencyId, input.code);
    if (!z.uuid().safeParse(input.id).success) throw new AppError("not_found", t.paperNotFound, undefined, "paper_not_found");
    const a = await db.attachment.findFirst({
      where: { id: input.id, dossierId: d.id },
      select: { fileName: true, contentType: true, sha256: true, storageKey: true },
    });
    const bytes = a ? await storedBytes(a.storageKey) : null;
    if (!a || !bytes) throw new AppError("not_found", t.paperNotFound, undefined, "paper_not_found");
    return { code: d.code, fileName: a.fileName, contentType: a.contentType, sha256: a.sha256, bytes };
  });
}

/** ?so-luong=<1–50> (default 20): how many dossiers the pull answers. */
export const PullQuery = z.object({
  "so-luong": z.coerce
    .number({ error: t.limitInvalid(PULL_MAX_LIMIT) })
    .int(t.limitInvalid(PULL_MAX_LIMIT))
    .min(1, t.limitInvalid(PULL_MAX_LIMIT))
    .max(PULL_MAX_LIMIT, t.limitInvalid(PULL_MAX_LIMIT))
    .default(20),
});

/** The agency's dossiers delivered or waiting and not yet acknowledged, oldest first. */
export async function pendingDossiers(actor: Actor, query: { limit: number }): Promise<ActionResult<{ items: DeliveredDossier[] }>> {
  return readFor(actor, "dossier.pull", async (agencyId) => {
    const rows = await db.dossier.findMany({
      where: { holderAgencyId: agencyId, deliveryState: { in: ["PENDING", "DELIVERED"] } },
      orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
      take: Math.min(Math.max(1, query.limit), PULL_MAX_LIMIT),
      include: dossierForMessage,
    });
    return { items: rows.map(dossierMessage) };
  });
}

/** The body of POST /api/v1/ho-so/{code}/tiep-nhan (the code comes from the path). */
export const AcknowledgeBody = z
  .object({
    externalCode: z
      .string({ error: t.externalCodeInvalid })
      .trim()
      .min(1, t.externalCodeInvalid)
      .max(64, t.externalCodeInvalid)
      .regex(/^[\p{L}\p{N}._/-]+$/u, t.externalCodeInvalid)
      .optional(),
  })
  .strict();

const AcknowledgeInput = AcknowledgeBody.extend({ code: z.string().max(40) });

interface Acknowledged {
  code: string;
  status: number;
  version: number;
  deliveryState: "ACKNOWLEDGED";
  acknowledgedAt: string;
  externalCode: string | null;
}

/**
 * The agency's system has the dossier and takes it from here: ACKNOWLEDGED, with a dossier event the applicant sees.
 * A repeat keeps the first time and answers the same (a lost answer can be retried).
 */
export const acknowledgeDelivery = defineUseCase({
  name: "dossier.sync.acknowledge",
  permission: SYNC_OUT_PERMISSION,
  schema: AcknowledgeInput,
  entityType: "dossier",
  async run(input, { tx, actor }) {
    const agencyId = actorAgencyId(actor);
    if (agencyId == null) throw notFound();
    const [row] = await tx.$queryRaw<{ id: string }[]>`SELECT id::text FROM dossier WHERE code = ${input.code} FOR UPDATE`;
    const d = row
      ? await tx.dossier.findUnique({
          where: { id: row.id },
          select: {
            id: true,
            code: true,
            status: true,
            version: true,
            holderAgencyId: true,
            receivingAgencyId: true,
            deliveryState: true,
            acknowledgedAt: true,
          },
        })
      : null;
    if (!d || d.holderAgencyId !== agencyId || d.deliveryState === null) throw notFound();
    const repeated = d.deliveryState === "ACKNOWLEDGED";
    let version = d.version;
    let acknowledgedAt = d.acknowledgedAt ?? new Date();
    if (!repeated) {
      // The agency system's own code is kept on the dossier (unique per receiving agency, as for counter dossiers).
      if (input.externalCode) {
        const taken = await tx.dossier.findFirst({
          where: { receivingAgencyId: d.receivingAgencyId, externalCode: input.externalCode, NOT: { id: d.id } },
          select: { id: true },
        });
        if (taken) throw new AppError("conflict", t.externalCodeTaken, "externalCode", "external_code_taken");
      }
      acknowledgedAt = new Date();
      const u = await tx.dossier.update({
        where: { id: d.id },
        data: {
          deliveryState: "ACKNOWLEDGED",
          acknowledgedAt,
          externalCode: input.externalCode ?? undefined,
          // Pulled without a push: it is delivered now as well.
          deliveredAt: d.deliveryState === "PENDING" ? acknowledgedAt : undefined,
          version: { increment: 1 },
        },
        select: { version: true },
      });
      version = u.version;
      await appendEvent(tx, {
        dossierId: d.id,
        action: "agencyAcknowledge",
        fromStatus: d.status,
        toStatus: d.status,
        agencyId,
        data: input.externalCode ? { externalCode: input.externalCode } : undefined,
      });
    }
    const result: Acknowledged = {
      code: d.code,
      status: d.status,
      version,
      deliveryState: "ACKNOWLEDGED",
      acknowledgedAt: acknowledgedAt.toISOString(),
      externalCode: input.externalCode ?? null,
    };
    return {
      result,
      entityId: d.id,
      details: { code: d.code, repeated, ...(input.externalCode ? { externalCode: input.externalCode } : {}) },
    };
  },
});
