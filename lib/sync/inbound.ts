// The dossier sync API, inbound half (issue 17): an agency's own one-stop system files the dossiers it received
// elsewhere (counter, provincial portal, post) and pushes each status change on the national codes, so that the
// citizen ("Hồ sơ của tôi", public tracking), the statistics and the Government Office see them. Every call is a
// use case of the `agency_system` actor (lib/auth/door): zod, one transaction, audit. Authorization sits next
// to the data: a key only reaches dossiers its agency receives or holds, and anything else reads as "not found".
// Idempotency: a request under an Idempotency-Key already answered gets the stored answer and changes nothing;
// the same key with another body is 422 `idempotency_key_reused` (table sync_request). Status changes carry the
// version the agency last saw: a stale one is 409 `stale_version` with the current version and status. Moves go
// through the portal's own state machine and transition (lib/dossiers/transition.ts), so the timeline, the
// notices and the hash-chained history are the same as for a dossier processed in the portal.
import "server-only";
import { createHash } from "node:crypto";
import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import { actorAgencyId, type Actor } from "@/lib/auth/actor";
import { AppError, defineUseCase } from "@/lib/auth/door";
import { localDate } from "@/lib/calendar/time";
import type { Tx } from "@/lib/db/client";
import { Channel } from "@/lib/catalog/records";
import { appendEvent } from "@/lib/dossiers/events";
import { actionBy, actionFrom, actionTo, ACTIONS, type Action, type ActionPayload } from "@/lib/dossiers/state-machine";
import { CHANNEL, CLOSED_STATUSES, STATUS, isStatus, type Status } from "@/lib/dossiers/status";
import { applyTransition } from "@/lib/dossiers/transition";
import { processedInAgencySystem } from "@/lib/dossiers/officer-actions";
import { trackingPin } from "@/lib/dossiers/tracking-pin";
import { dossierSyncText as t } from "@/lib/i18n/vi/dossier-sync";
import { DossierCode, IDEMPOTENCY_KEY_RE, InboundDossierBody, StatusPushBody, type InboundDossierBody as CreateBody } from "./schema";

/** What a sync call answers: the HTTP status and body, and whether it was a replay of a stored answer. */
export interface SyncAnswer {
  status: number;
  body: Prisma.InputJsonObject;
  replayed: boolean;
}

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const IdempotencyKey = z.string().regex(IDEMPOTENCY_KEY_RE, { error: "Idempotency-Key: 8–64 ký tự chữ, số, . _ : -" });

function agencyOf(actor: Actor): number {
  const id = actor.kind === "agency_system" ? actorAgencyId(actor) : null;
  if (id == null) throw new AppError("forbidden", t.api.notFound);
  return id;
}

// ---- Idempotency ----------------------------------------------------------------------------------------

/**
 * Claims the key for this request: null when it is new (the caller does the work and `storeAnswer`s it in the
 * same transaction), the stored answer when this body was answered before. A concurrent twin waits on the
 * primary key until the first commits, then reads its answer; a failed first attempt leaves nothing behind.
 */
async function claimKey(tx: Tx, agencyId: number, key: string, bodySha256: string, scope: string): Promise<SyncAnswer | null> {
  // The same key and body sent to another dossier or operation is a different request, not a replay.
  const sha256 = createHash("sha256").update(`${scope}\n${bodySha256}`).digest("hex");
  const claimed = await tx.$queryRaw<{ agency_id: number }[]>`
    INSERT INTO sync_request (agency_id, idempotency_key, request_sha256, status, response)
    VALUES (${agencyId}, ${key}, ${sha256}, 0, '{}'::jsonb)
    ON CONFLICT (agency_id, idempotency_key) DO NOTHING
    RETURNING agency_id`;
  if (claimed.length) return null;
  const prior = await tx.syncRequest.findUnique({ where: { agencyId_idempotencyKey: { agencyId, idempotencyKey: key } } });
  if (!prior) throw new AppError("conflict", t.api.idempotencyKeyReused, "Idempotency-Key", "concurrent_change");
  if (prior.requestSha256 !== sha256)
    throw new AppError("unprocessable", t.api.idempotencyKeyReused, "Idempotency-Key", "idempotency_key_reused");
  return { status: prior.status, body: prior.response as Prisma.InputJsonObject, replayed: true };
}

async function storeAnswer(tx: Tx, agencyId: number, key: string, status: number, body: Prisma.InputJsonObject): Promise<SyncAnswer> {
  await tx.syncRequest.update({ where: { agencyId_idempotencyKey: { agencyId, idempotencyKey: key } }, data: { status, response: body } });
  return { status, body, replayed: false };
}

// ---- Create ---------------------------------------------------------------------------------------------

const CHANNEL_CODE: Record<CreateBody["channel"], number> = {
  counter: CHANNEL.IN_PERSON,
  provincial_portal: CHANNEL.ONLINE,
  post: CHANNEL.POST,
};

async function serviceOf(tx: Tx, agencyId: number, b: CreateBody) {
  const where: Prisma.ServiceWhereInput = b.serviceCode
    ? { agencyId, code: b.serviceCode }
    : { agencyId, procedure: { code: b.procedureCode } };
  const s = await tx.service.findFirst({ where, select: { id: true, code: true, onlineLevel: true, channels: true } });
  if (!s) throw new AppError("unprocessable", t.api.serviceUnknown, b.serviceCode ? "serviceCode" : "procedureCode", "unknown_service");
  const channels = z.array(Channel).safeParse(s.channels);
  const days = channels.success ? (channels.data.find((c) => c.kind === "in_person") ?? channels.data[0])?.processingDays : undefined;
  return { ...s, processingDays: days ?? 0 };
}

export const createInboundDossier = defineUseCase({
  name: "dossier.sync.create",
  permission: "dossier.sync",
  schema: z.object({ idempotencyKey: IdempotencyKey, requestSha256: Sha256, body: InboundDossierBody }),
  entityType: "dossier",
  async run(input, { tx, actor }) {
    const agencyId = agencyOf(actor);
    const replay = await claimKey(tx, agencyId, input.idempotencyKey, input.requestSha256, "create");
    if (replay) return { result: replay, details: { replayed: true, idempotencyKey: input.idempotencyKey } };
    const b = input.body;
    const agency = await tx.agency.findUniqueOrThrow({ where: { id: agencyId }, select: { identifier: true } });
    if (!b.code.startsWith(`${agency.identifier}-`))
      throw new AppError("unprocessable", t.api.codeAgency(agency.identifier), "code", "code_agency");
    const service = await serviceOf(tx, agencyId, b);
    const taken = await tx.dossier.findFirst({
      where: { OR: [{ code: b.code }, { receivingAgencyId: agencyId, externalCode: b.code }] },
      select: { id: true },
    });
    if (taken) throw new AppError("conflict", t.api.codeTaken(b.code), "code", "code_taken");
    // The portal numbers its own dossiers on the same national pattern: it moves past the agency's sequence of
    // that day, so a dossier filed online later never takes a code the agency's system has used.
    const [, yymmdd, seq] = b.code.slice(agency.identifier.length).split("-");
    const day = `20${yymmdd!.slice(0, 2)}-${yymmdd!.slice(2, 4)}-${yymmdd!.slice(4, 6)}`;
    if (!Number.isNaN(Date.parse(day)))
      await tx.$executeRaw`
        INSERT INTO dossier_sequence (agency_id, day, last) VALUES (${agencyId}, ${day}::date, ${Number(seq)})
        ON CONFLICT (agency_id, day) DO UPDATE SET last = GREATEST(dossier_sequence.last, EXCLUDED.last)`;

    const receivedAt = new Date(b.receivedAt);
    const dueAt = new Date(b.dueAt);
    const now = new Date();
    const status = b.status as Status;
    const d = await tx.dossier.create({
      data: {
        code: b.code,
        externalCode: b.code,
        origin: "AGENCY_SYSTEM",
        serviceId: service.id,
        receivingAgencyId: agencyId,
        holderAgencyId: agencyId,
        applicantId: null,
        applicantName: b.applicant.name,
        applicantCccd: b.applicant.personalId,
        status,
        channel: CHANNEL_CODE[b.channel],
        onlineLevel: service.onlineLevel,
        // What the agency told: public tracking takes the phone's last four digits, notices the e-mail.
        answers: {
          hoTen: b.applicant.name,
          soDinhDanh: b.applicant.personalId,
          ...(b.applicant.phone ? { dienThoai: b.applicant.phone } : {}),
          ...(b.applicant.email ? { email: b.applicant.email } : {}),
        },
        formSnapshot: {},
        feeSnapshot: {},
        processingDays: service.processingDays,
        idempotencyKey: input.idempotencyKey,
        submittedAt: receivedAt,
        receivedAt: status === STATUS.NEW ? null : receivedAt,
        dueAt,
        legalDueAt: dueAt,
        finishedAt: status === STATUS.DONE || status === STATUS.RETURNED ? now : null,
        returnedAt: status === STATUS.RETURNED ? now : null,
        withdrawnAt: status === STATUS.WITHDRAWN ? now : null,
        syncedAt: now,
      },
      select: { id: true, version: true },
    });
    await appendEvent(tx, {
      dossierId: d.id,
      action: "syncReceive",
      toStatus: status,
      agencyId,
      note: t.channel[b.channel],
      data: { channel: b.channel, externalCode: b.code, at: b.receivedAt },
    });
    const body = { code: b.code, status, version: d.version, dueAt: dueAt.toISOString(), trackingPin: trackingPin(b.code) };
    return {
      result: await storeAnswer(tx, agencyId, input.idempotencyKey, 201, body),
      entityId: d.id,
      details: { code: b.code, status, service: service.code, idempotencyKey: input.idempotencyKey },
    };
  },
});

// ---- The agency's dossier -------------------------------------------------------------------------------

/**
 * The dossier with this code that the agency receives or holds and that it processes in its own system (origin
 * AGENCY_SYSTEM, or a portal dossier of a SYNC service delivered to it: delivery_state not null). Locked when `lock`.
 * Anything else is "not found".
 */
async function agencyDossier(tx: Tx, agencyId: number, code: string, lock: boolean) {
  if (!DossierCode.safeParse(code).success) throw new AppError("not_found", t.api.notFound, undefined, "dossier_not_found");
  const canonical = code.trim().toUpperCase();
  const rows = lock
    ? await tx.$queryRaw<{ id: string }[]>`
        SELECT id::text FROM dossier WHERE code = ${canonical}
          AND (receiving_agency_id = ${agencyId} OR holder_agency_id = ${agencyId}) FOR UPDATE`
    : await tx.$queryRaw<{ id: string }[]>`
        SELECT id::text FROM dossier WHERE code = ${canonical} AND (receiving_agency_id = ${agencyId} OR holder_agency_id = ${agencyId})`;
  if (!rows[0]) throw new AppError("not_found", t.api.notFound, undefined, "dossier_not_found");
  return tx.dossier.findUniqueOrThrow({
    where: { id: rows[0].id },
    select: {
      id: true,
      code: true,
      externalCode: true,
      origin: true,
      deliveryState: true,
      status: true,
      version: true,
      submittedAt: true,
      receivedAt: true,
      dueAt: true,
      finishedAt: true,
      returnedAt: true,
      syncedAt: true,
      service: { select: { code: true } },
    },
  });
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export const getSyncedDossier = defineUseCase({
  name: "dossier.sync.get",
  permission: "dossier.sync",
  schema: z.object({ code: z.string().max(60) }),
  entityType: "dossier",
  async run(input, { tx, actor }) {
    const d = await agencyDossier(tx, agencyOf(actor), input.code, false);
    return {
      result: {
        code: d.code,
        externalCode: d.externalCode,
        origin: d.origin,
        serviceCode: d.service.code,
        status: d.status,
        version: d.version,
        submittedAt: d.submittedAt.toISOString(),
        receivedAt: iso(d.receivedAt),
        dueAt: iso(d.dueAt),
        finishedAt: iso(d.finishedAt),
        returnedAt: iso(d.returnedAt),
        syncedAt: iso(d.syncedAt),
      },
      entityId: d.id,
    };
  },
});

// ---- Status changes -------------------------------------------------------------------------------------

/** The portal's action that moves a dossier from `from` to `to` (null: the state machine has none). */
function syncAction(from: number, to: number): Action | null {
  if (!isStatus(from)) return null;
  // Fees settled: an agency's system reports the payment it took, as the counter does.
  const preferred: Action[] = ["confirmCounterPayment"];
  const all = [...preferred, ...ACTIONS.filter((a) => !preferred.includes(a) && a !== "payFees")];
  return all.find((a) => actionTo(a) === to && actionFrom(a).includes(from)) ?? null;
}

function payloadOf(b: StatusPushBody): ActionPayload {
  return {
    reason: b.reason ?? b.supplementation?.note ?? null,
    papers: b.supplementation?.papers ?? null,
    amount: b.fees?.amount ?? null,
    result: b.result ?? null,
  };
}

export const pushDossierStatus = defineUseCase({
  name: "dossier.sync.status",
  permission: "dossier.sync",
  schema: z.object({ code: z.string().max(60), idempotencyKey: IdempotencyKey, requestSha256: Sha256, body: StatusPushBody }),
  entityType: "dossier",
  async run(input, { tx, actor }) {
    const agencyId = agencyOf(actor);
    const replay = await claimKey(tx, agencyId, input.idempotencyKey, input.requestSha256, `status ${input.code.trim().toUpperCase()}`);
    if (replay) return { result: replay, details: { replayed: true, idempotencyKey: input.idempotencyKey } };
    const d = await agencyDossier(tx, agencyId, input.code, true);
    if (!processedInAgencySystem(d)) throw new AppError("conflict", t.api.notSynced, undefined, "not_synced");
    const b = input.body;
    if (b.version !== d.version)
      throw new AppError("conflict", t.api.staleVersion(d.version), "version", "stale_version").with({
        currentVersion: d.version,
        currentStatus: d.status,
      });
    const eventData = { agencyAt: b.at, ...(b.result ? { result: b.result } : {}) };
    let version = d.version;
    let status = d.status;
    if (b.status !== d.status) {
      const action = syncAction(d.status, b.status);
      if (!action) throw new AppError("conflict", t.api.noMove(d.status, b.status), "status", "invalid_transition");
      const moved = await applyTransition(tx, {
        dossierId: d.id,
        action,
        actor: { kind: actionBy(action), agencyId },
        expectedVersion: d.version,
        payload: payloadOf(b),
        note: b.reason ?? b.supplementation?.note ?? null,
        data: eventData,
      }).catch((err: unknown) => {
        // A move the state machine refuses for what it lacks names the API's field (reason, papers, amount, result).
        if (err instanceof AppError && err.code === "invalid") {
          const fields = Object.fromEntries(
            Object.entries(err.fieldErrors).map(([k, v]) => [
              k === "papers" ? "supplementation.papers" : k === "amount" ? "fees.amount" : k,
              v,
            ]),
          );
          throw new AppError("unprocessable", err.message, fields, err.reason);
        }
        throw err;
      });
      version = moved.version;
      status = moved.to;
    } else if (!b.apology) {
      throw new AppError("unprocessable", t.api.sameStatus, "status", "same_status");
    }
    if (b.apology) {
      // As for officers (lib/dossiers/officer-actions.ts): an apology moves the date of an open dossier only.
      if (CLOSED_STATUSES.has(status)) throw new AppError("conflict", t.api.apologyClosed, "apology", "invalid_transition");
      const newDue = new Date(b.apology.newDueAt);
      const current = await tx.dossier.findUniqueOrThrow({ where: { id: d.id }, select: { dueAt: true } });
      if (current.dueAt && newDue <= current.dueAt)
        throw new AppError("unprocessable", t.api.apologyFuture, "apology.newDueAt", "apology_not_later");
      const u = await tx.dossier.update({
        where: { id: d.id },
        data: { dueAt: newDue, version: { increment: 1 } },
        select: { version: true },
      });
      version = u.version;
      await appendEvent(tx, {
        dossierId: d.id,
        action: "apologize",
        agencyId,
        note: b.apology.reason,
        data: { previousDate: current.dueAt ? localDate(current.dueAt) : null, newDate: localDate(newDue), agencyAt: b.at },
      });
    }
    await tx.dossier.update({ where: { id: d.id }, data: { syncedAt: new Date() } });
    const body = { code: d.code, status, version };
    return {
      result: await storeAnswer(tx, agencyId, input.idempotencyKey, 200, body),
      entityId: d.id,
      details: { code: d.code, from: d.status, to: status, idempotencyKey: input.idempotencyKey },
    };
  },
});
