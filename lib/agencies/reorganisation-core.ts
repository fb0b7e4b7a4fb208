// Applying a succession (issue 17): everything still open at an agency that has ended (valid_to on or before
// today, Vietnam time) with a successor moves to the agency that answers for it now (the end of its successor
// chain, lib/agencies/succession.ts). Set-based SQL over a mapping (retired → current successor), so one call
// carries every due agency at once; no ORM here, so that the app (lib/agencies/reorganisation.ts, inside the
// use case's transaction) and the demo seed (a plain pg client) run the same statements.
//
// What moves, and the rules decided for each part:
// - Open dossiers: held by the retired agency (holder_agency_id) with a non-final status (not 3, 7, 8, 10:
//   lib/dossiers/status.ts FINAL_STATUSES; 9 "done, result not returned yet" is still open). The code, the
//   receiving agency (the statistics keep the past per old agency), the service filed under and the history
//   stay; the holder becomes the successor, the version goes up by one and one chained event
//   "agencySuccession" names the move (hashed with lib/dossiers/chain.ts, so integrity.ts verifies it).
// - Documents in flight: a recipient copy of the retired agency not finished (status not 02 refused, 06 done,
//   15 recalled) moves to the successor with a status event (same status) naming the move. A copy whose
//   document the successor already holds a copy of stays where it is (counted as `duplicateCopies`: the
//   document is in flight at the successor through its own copy; merging two registers' copies is not done).
//   Documents the retired agency SENT keep their sender (the signed edXML names it); they are counted
//   (`sentAwaiting`: copies elsewhere still open) for information only. New answers addressed to the old
//   identifier are routed to the successor by succession.ts, and status messages about them reach the
//   successor's push endpoint when the endpoint follows.
// - Officers (every account whose agency is the retired one) are reassigned to the successor.
// - Services: where the successor lacks the procedure, the service moves to it and its code's agency suffix
//   becomes the successor's identifier (drafts point at the service row, so they keep working); where it has
//   it, the retired agency's service is unpublished, and filings on it go to the successor's
//   (succession.ts serviceCodeAt). Two retired agencies bringing the same procedure: one moves, the other is
//   unpublished.
// - API keys and the document push endpoint: "follow" moves them to the successor (an endpoint only when the
//   successor has none, else it is disabled: one endpoint per agency), "revoke" revokes the keys and disables
//   the endpoint.
// - Pending outbox rows addressed to the retired agency (agency_id, and the payload's agencyId) follow.
// - Push endpoints of both kinds (documents, and the dossier sync of issue 17) follow the same rule.
//
// Statistics (checked against lib/monitoring, December 2026): "received" counts by receiving_agency_id and
// submitted_at (agency-stats.ts, public-stats.ts), which a succession never changes, so the past stays per old
// agency and dossiers filed from the effective date (routed to the successor's service by serviceCodeAt) count
// for the successor. The holder-based figures (processed, in progress, carried over, withdrawn/refused, ratings)
// follow the holder NOW, as they do for a transfer: a dossier moved while open counts for the successor in those
// figures, also for months before the move (no holder history is kept). Public statistics list only agencies in
// force, so a retired agency's own past is read on its registry page (succession.ts beforeAfterCounts). Moved
// document copies keep arrived_at: the successor's "received before" in beforeAfterCounts includes them.
import type { AuditActorKind, AuditEntityType, AuditEvent } from "@/lib/audit/actions";
import type { Prisma } from "@/lib/generated/prisma/client";
import { eventHash } from "@/lib/dossiers/chain";
import { auditHash, storedJson } from "@/lib/audit/chain";

/** Runs one SQL statement with $1… parameters and answers its rows. */
export type Exec = <T = Record<string, unknown>>(sql: string, params?: unknown[]) => Promise<T[]>;

export type KeyChoice = "follow" | "revoke";

export const SUCCESSION_ACTION = "agencySuccession";

/** Non-final dossier statuses are open (lib/dossiers/status.ts FINAL_STATUSES: 3, 7, 8, 10). */
const OPEN_DOSSIER = `d.status NOT IN (3, 7, 8, 10)`;
/** Recipient copies still being handled: not refused (02), done (06) or recalled (15). */
const COPY_IN_FLIGHT = `r.status NOT IN ('02', '06', '15')`;

export interface SuccessionCounts {
  openDossiers: number;
  documentCopies: number;
  duplicateCopies: number;
  sentAwaiting: number;
  officers: number;
  servicesMoved: number;
  servicesUnpublished: number;
  apiKeys: number;
  pushEndpoints: number;
  pendingJobs: number;
}

export interface DueSuccession {
  agencyId: number;
  identifier: string;
  name: string;
  validTo: string;
  successorId: number;
  successorIdentifier: string;
  successorName: string;
  counts: SuccessionCounts;
}

/** Where agencies' systems want pushes: documents (lib/documents/delivery.ts) and dossiers (issue 17, lib/sync). */
const ENDPOINT_TABLES = ["document_endpoint", "sync_endpoint"] as const;

interface Pair {
  oldId: number;
  newId: number;
  oldIdentifier: string;
  newIdentifier: string;
  oldName: string;
  newName: string;
  validTo: string;
}

/** The due agencies and their current successor, optionally only `identifier` (SQL: CTE `target`). */
const DUE_SQL = `
  WITH RECURSIVE today AS (SELECT (($1::timestamptz) AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS d),
  walk AS (
    SELECT a.id AS start_id, a.successor_id AS cur, 1 AS depth
    FROM agency a, today WHERE a.valid_to IS NOT NULL AND a.valid_to <= today.d AND a.successor_id IS NOT NULL
    UNION ALL
    SELECT w.start_id, s.successor_id, w.depth + 1
    FROM walk w JOIN agency s ON s.id = w.cur, today
    WHERE s.valid_to IS NOT NULL AND s.valid_to <= today.d AND s.successor_id IS NOT NULL AND w.depth < 50
  ),
  target AS (
    SELECT DISTINCT ON (w.start_id) w.start_id AS old_id, w.cur AS new_id
    FROM walk w JOIN agency s ON s.id = w.cur, today
    WHERE s.valid_to IS NULL OR s.valid_to > today.d
    ORDER BY w.start_id, w.depth
  )`;

function countExpressions(): string {
  return `
    (SELECT count(*)::int FROM dossier d WHERE d.holder_agency_id = a.id AND ${OPEN_DOSSIER}) AS "openDossiers",
    (SELECT count(*)::int FROM document_recipient r WHERE r.agency_id = a.id AND ${COPY_IN_FLIGHT}
       AND NOT EXISTS (SELECT 1 FROM document_recipient o WHERE o.document_id = r.document_id AND o.agency_id = t.new_id)) AS "documentCopies",
    (SELECT count(*)::int FROM document_recipient r WHERE r.agency_id = a.id AND ${COPY_IN_FLIGHT}
       AND EXISTS (SELECT 1 FROM document_recipient o WHERE o.document_id = r.document_id AND o.agency_id = t.new_id)) AS "duplicateCopies",
    (SELECT count(*)::int FROM document_recipient r JOIN document x ON x.id = r.document_id
       WHERE x.sender_agency_id = a.id AND ${COPY_IN_FLIGHT}) AS "sentAwaiting",
    (SELECT count(*)::int FROM app_user u WHERE u.agency_id = a.id) AS officers,
    (SELECT count(*)::int FROM service s WHERE s.agency_id = a.id
       AND NOT EXISTS (SELECT 1 FROM service o WHERE o.agency_id = t.new_id AND o.procedure_id = s.procedure_id)) AS "servicesMoved",
    (SELECT count(*)::int FROM service s WHERE s.agency_id = a.id AND s.published
       AND EXISTS (SELECT 1 FROM service o WHERE o.agency_id = t.new_id AND o.procedure_id = s.procedure_id)) AS "servicesUnpublished",
    (SELECT count(*)::int FROM api_key k WHERE k.agency_id = a.id AND k.revoked_at IS NULL) AS "apiKeys",
    ((SELECT count(*)::int FROM document_endpoint e WHERE e.agency_id = a.id AND e.enabled)
      + (SELECT count(*)::int FROM sync_endpoint e WHERE e.agency_id = a.id AND e.enabled)) AS "pushEndpoints",
    (SELECT count(*)::int FROM outbox_message o WHERE o.agency_id = a.id AND o.status = 'PENDING') AS "pendingJobs"`;
}

type DueRow = Omit<DueSuccession, "counts"> & SuccessionCounts;

/** Every due succession (or only the agency `identifier`) with what would move. Read-only. */
export async function dueSuccessions(exec: Exec, at: Date, identifier?: string): Promise<DueSuccession[]> {
  const rows = await exec<DueRow>(
    `${DUE_SQL}
    SELECT a.id AS "agencyId", a.identifier, a.name, to_char(a.valid_to, 'YYYY-MM-DD') AS "validTo",
           s.id AS "successorId", s.identifier AS "successorIdentifier", s.name AS "successorName",
           ${countExpressions()}
    FROM target t JOIN agency a ON a.id = t.old_id JOIN agency s ON s.id = t.new_id
    WHERE ($2::text IS NULL OR a.identifier = $2::text)
    ORDER BY a.identifier`,
    [at.toISOString(), identifier ?? null],
  );
  const n = (v: unknown) => Number(v ?? 0);
  return rows.map((r) => ({
    agencyId: n(r.agencyId),
    identifier: r.identifier,
    name: r.name,
    validTo: r.validTo,
    successorId: n(r.successorId),
    successorIdentifier: r.successorIdentifier,
    successorName: r.successorName,
    counts: {
      openDossiers: n(r.openDossiers),
      documentCopies: n(r.documentCopies),
      duplicateCopies: n(r.duplicateCopies),
      sentAwaiting: n(r.sentAwaiting),
      officers: n(r.officers),
      servicesMoved: n(r.servicesMoved),
      servicesUnpublished: n(r.servicesUnpublished),
      apiKeys: n(r.apiKeys),
      pushEndpoints: n(r.pushEndpoints),
      pendingJobs: n(r.pendingJobs),
    },
  }));
}

/** The sum of several agencies' counts. */
export function totalCounts(list: { counts: SuccessionCounts }[]): SuccessionCounts {
  const sum: SuccessionCounts = {
    openDossiers: 0,
    documentCopies: 0,
    duplicateCopies: 0,
    sentAwaiting: 0,
    officers: 0,
    servicesMoved: 0,
    servicesUnpublished: 0,
    apiKeys: 0,
    pushEndpoints: 0,
    pendingJobs: 0,
  };
  for (const { counts } of list) for (const k of Object.keys(sum) as (keyof SuccessionCounts)[]) sum[k] += counts[k];
  return sum;
}

export interface SuccessionResult {
  agencies: { identifier: string; successor: string }[];
  moved: SuccessionCounts;
  /** The accounts reassigned, for the audit entry. */
  officerIds: string[];
  ms: number;
}

const BATCH = 5_000;

/** The text a moved item's history carries (Vietnamese: the officers and the citizen read it). */
function moveNote(p: { oldName: string; oldIdentifier: string; newName: string; newIdentifier: string; validTo: string }): string {
  const [y, m, d] = p.validTo.split("-");
  return `Sáp nhập cơ quan: chuyển từ ${p.oldName} (${p.oldIdentifier}) sang cơ quan kế thừa ${p.newName} (${p.newIdentifier}), hiệu lực từ ngày ${d}/${m}/${y}.`;
}

/**
 * Moves everything open at every due agency (or only `identifier`) to its current successor. Run it inside one
 * transaction (the caller's). Idempotent: what has moved no longer matches, so a second run moves nothing.
 */
export async function applyDueSuccessions(
  exec: Exec,
  opts: { at: Date; keys: KeyChoice; actorId: string | null; actorRole: string | null; identifier?: string },
): Promise<SuccessionResult> {
  const started = performance.now();
  // Millisecond precision: the column keeps milliseconds, and the dossier events' hashes must match what is read back.
  const at = new Date(Math.floor(opts.at.getTime()));
  const atIso = at.toISOString();
  // Registry changes and successions are serialised (the same lock as lib/agencies/registry-admin.ts).
  await exec(`SELECT pg_advisory_xact_lock(hashtextextended('agency-registry', 0))::text AS locked`);
  const due = await exec<{
    old_id: number;
    new_id: number;
    old_identifier: string;
    new_identifier: string;
    old_name: string;
    new_name: string;
    valid_to: string;
  }>(
    `${DUE_SQL}
    SELECT a.id AS old_id, s.id AS new_id, a.identifier AS old_identifier, s.identifier AS new_identifier,
           a.name AS old_name, s.name AS new_name, to_char(a.valid_to, 'YYYY-MM-DD') AS valid_to
    FROM target t JOIN agency a ON a.id = t.old_id JOIN agency s ON s.id = t.new_id
    WHERE ($2::text IS NULL OR a.identifier = $2::text)
    ORDER BY a.id`,
    [atIso, opts.identifier ?? null],
  );
  const pairs: Pair[] = due.map((r) => ({
    oldId: Number(r.old_id),
    newId: Number(r.new_id),
    oldIdentifier: r.old_identifier,
    newIdentifier: r.new_identifier,
    oldName: r.old_name,
    newName: r.new_name,
    validTo: r.valid_to,
  }));
  const moved = totalCounts([]);
  const result: SuccessionResult = {
    agencies: pairs.map((p) => ({ identifier: p.oldIdentifier, successor: p.newIdentifier })),
    moved,
    officerIds: [],
    ms: 0,
  };
  if (!pairs.length) {
    result.ms = Math.round(performance.now() - started);
    return result;
  }
  const notes = pairs.map(moveNote);
  const datas = pairs.map((p) =>
    JSON.stringify({
      from: p.oldName,
      fromIdentifier: p.oldIdentifier,
      to: p.newName,
      toIdentifier: p.newIdentifier,
      effectiveDate: p.validTo,
    }),
  );
  const M = `m AS (SELECT * FROM unnest($1::int[], $2::int[], $3::text[], $4::text[]) AS m(old_id, new_id, note, data))`;
  const mParams = [pairs.map((p) => p.oldId), pairs.map((p) => p.newId), notes, datas];

  // 1. Open dossiers: the holder changes (one statement), then one chained event per dossier.
  const dossiers = await exec<{ id: string; new_id: number; data: string; note: string }>(
    `WITH ${M}
     UPDATE dossier d SET holder_agency_id = m.new_id, version = d.version + 1, updated_at = $5::timestamptz
     FROM m WHERE d.holder_agency_id = m.old_id AND ${OPEN_DOSSIER}
     RETURNING d.id::text AS id, m.new_id, m.data, m.note`,
    [...mParams, atIso],
  );
  moved.openDossiers = dossiers.length;
  for (let i = 0; i < dossiers.length; i += BATCH) {
    const chunk = dossiers.slice(i, i + BATCH);
    const heads = await exec<{ dossier_id: string; seq: number; hash: string }>(
      `SELECT DISTINCT ON (dossier_id) dossier_id::text, seq, hash FROM dossier_event
       WHERE dossier_id = ANY($1::uuid[]) ORDER BY dossier_id, seq DESC`,
      [chunk.map((d) => d.id)],
    );
    const head = new Map(heads.map((h) => [h.dossier_id, h]));
    const cols = {
      id: [] as string[],
      seq: [] as number[],
      agency: [] as number[],
      note: [] as string[],
      data: [] as string[],
      prev: [] as (string | null)[],
      hash: [] as string[],
    };
    for (const d of chunk) {
      const h = head.get(d.id);
      const seq = (h ? Number(h.seq) : 0) + 1;
      const prevHash = h?.hash ?? null;
      const data = JSON.parse(d.data) as Prisma.InputJsonValue;
      const hash = eventHash({
        dossierId: d.id,
        seq,
        at,
        actorId: opts.actorId,
        action: SUCCESSION_ACTION,
        fromStatus: null,
        toStatus: null,
        note: d.note,
        data,
        prevHash,
      });
      cols.id.push(d.id);
      cols.seq.push(seq);
      cols.agency.push(Number(d.new_id));
      cols.note.push(d.note);
      cols.data.push(d.data);
      cols.prev.push(prevHash);
      cols.hash.push(hash);
    }
    await exec(
      `INSERT INTO dossier_event (dossier_id, seq, at, actor_id, actor_role, agency_id, action, note, data, visible_to_applicant, prev_hash, hash)
       SELECT x.dossier_id, x.seq, $8::timestamptz, $9::uuid, $10::text::"Role", x.agency_id, '${SUCCESSION_ACTION}', x.note, x.data::jsonb, true, x.prev_hash, x.hash
       FROM unnest($1::uuid[], $2::int[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[])
         AS x(dossier_id, seq, agency_id, note, data, prev_hash, hash)`,
      [cols.id, cols.seq, cols.agency, cols.note, cols.data, cols.prev, cols.hash, atIso, opts.actorId, opts.actorRole],
    );
  }

  // 2. Recipient copies in flight (one per document and successor: two retired agencies' copies of one document
  //    cannot both become the successor's).
  const copies = await exec<{ n: number }>(
    `WITH ${M},
     pick AS (
       SELECT DISTINCT ON (r.document_id, m.new_id) r.id, m.new_id, m.note
       FROM document_recipient r JOIN m ON r.agency_id = m.old_id
       WHERE ${COPY_IN_FLIGHT}
         AND NOT EXISTS (SELECT 1 FROM document_recipient o WHERE o.document_id = r.document_id AND o.agency_id = m.new_id)
       ORDER BY r.document_id, m.new_id, r.arrived_at, r.id
     ),
     moved AS (
       UPDATE document_recipient r SET agency_id = pick.new_id, version = r.version + 1, updated_at = $5::timestamptz
       FROM pick WHERE r.id = pick.id
       RETURNING r.id, r.status, pick.note
     ),
     ev AS (
       INSERT INTO document_status_event (recipient_id, status, at, actor_id, description)
       SELECT moved.id, moved.status, $5::timestamptz, $6::uuid, moved.note FROM moved
       RETURNING 1
     )
     SELECT count(*)::int AS n FROM ev`,
    [...mParams, atIso, opts.actorId],
  );
  moved.documentCopies = Number(copies[0]?.n ?? 0);

  // 3. Officers.
  const officers = await exec<{ id: string }>(
    `WITH ${M} UPDATE app_user u SET agency_id = m.new_id, updated_at = $5::timestamptz FROM m WHERE u.agency_id = m.old_id RETURNING u.id::text AS id`,
    [...mParams, atIso],
  );
  moved.officers = officers.length;
  result.officerIds = officers.map((o) => o.id);

  // 4. Services: move where the successor lacks the procedure (one per procedure and successor), else unpublish.
  const svcMoved = await exec<{ n: number }>(
    `WITH ${M},
     pick AS (
       SELECT DISTINCT ON (s.procedure_id, m.new_id) s.id, m.old_id, m.new_id
       FROM service s JOIN m ON s.agency_id = m.old_id
       WHERE NOT EXISTS (SELECT 1 FROM service o WHERE o.agency_id = m.new_id AND o.procedure_id = s.procedure_id)
       ORDER BY s.procedure_id, m.new_id, s.published DESC, s.online_level DESC, s.id
     ),
     moved AS (
       UPDATE service s SET agency_id = pick.new_id, updated_at = $5::timestamptz,
         code = CASE WHEN right(s.code, length(ao.identifier) + 1) = '.' || ao.identifier
                     THEN left(s.code, length(s.code) - length(ao.identifier)) || an.identifier ELSE s.code END
       FROM pick JOIN agency ao ON ao.id = pick.old_id JOIN agency an ON an.id = pick.new_id
       WHERE s.id = pick.id
       RETURNING 1
     )
     SELECT count(*)::int AS n FROM moved`,
    [...mParams, atIso],
  );
  moved.servicesMoved = Number(svcMoved[0]?.n ?? 0);
  const svcOff = await exec<{ n: number }>(
    `WITH ${M}, off AS (
       UPDATE service s SET published = false, updated_at = $5::timestamptz FROM m WHERE s.agency_id = m.old_id AND s.published RETURNING 1
     ) SELECT count(*)::int AS n FROM off`,
    [...mParams, atIso],
  );
  moved.servicesUnpublished = Number(svcOff[0]?.n ?? 0);

  // 5. API keys and the push endpoint, as the admin chose.
  if (opts.keys === "follow") {
    const keys = await exec<{ n: number }>(
      `WITH ${M}, k AS (UPDATE api_key k SET agency_id = m.new_id FROM m WHERE k.agency_id = m.old_id AND k.revoked_at IS NULL RETURNING 1)
       SELECT count(*)::int AS n FROM k`,
      mParams,
    );
    moved.apiKeys = Number(keys[0]?.n ?? 0);
    // Both kinds of push endpoint (documents; dossier sync, issue 17) follow the same way: one per agency.
    for (const table of ENDPOINT_TABLES) {
      const eps = await exec<{ n: number }>(
        `WITH ${M},
         pick AS (
           SELECT DISTINCT ON (m.new_id) e.agency_id, m.new_id FROM ${table} e JOIN m ON e.agency_id = m.old_id
           WHERE e.enabled AND NOT EXISTS (SELECT 1 FROM ${table} x WHERE x.agency_id = m.new_id)
           ORDER BY m.new_id, e.updated_at DESC
         ),
         e AS (UPDATE ${table} e SET agency_id = pick.new_id, updated_at = $5::timestamptz FROM pick WHERE e.agency_id = pick.agency_id RETURNING 1)
         SELECT count(*)::int AS n FROM e`,
        [...mParams, atIso],
      );
      moved.pushEndpoints += Number(eps[0]?.n ?? 0);
    }
  } else {
    const keys = await exec<{ n: number }>(
      `WITH ${M}, k AS (UPDATE api_key k SET revoked_at = $5::timestamptz FROM m WHERE k.agency_id = m.old_id AND k.revoked_at IS NULL RETURNING 1)
       SELECT count(*)::int AS n FROM k`,
      [...mParams, atIso],
    );
    moved.apiKeys = Number(keys[0]?.n ?? 0);
  }
  // An endpoint that did not follow (revoke, or the successor has its own) is disabled.
  for (const table of ENDPOINT_TABLES) {
    const disabled = await exec<{ n: number }>(
      `WITH ${M}, e AS (UPDATE ${table} e SET enabled = false, updated_at = $5::timestamptz FROM m WHERE e.agency_id = m.old_id AND e.enabled RETURNING 1)
       SELECT count(*)::int AS n FROM e`,
      [...mParams, atIso],
    );
    moved.pushEndpoints += Number(disabled[0]?.n ?? 0);
  }

  // 6. Pending outbox rows (document pushes) follow, with the agency in their payload.
  const jobs = await exec<{ n: number }>(
    `WITH ${M}, o AS (
       UPDATE outbox_message o SET agency_id = m.new_id,
         payload = CASE WHEN jsonb_typeof(o.payload::jsonb -> 'agencyId') = 'number' AND (o.payload::jsonb ->> 'agencyId')::int = m.old_id
                        THEN jsonb_set(o.payload::jsonb, '{agencyId}', to_jsonb(m.new_id)) ELSE o.payload::jsonb END
       FROM m WHERE o.agency_id = m.old_id AND o.status = 'PENDING' RETURNING 1
     ) SELECT count(*)::int AS n FROM o`,
    mParams,
  );
  moved.pendingJobs = Number(jobs[0]?.n ?? 0);

  result.ms = Math.round(performance.now() - started);
  return result;
}

/**
 * The seed's audit entry (the app's use cases audit through lib/auth/door.ts): the same chain as
 * lib/audit/record.ts, written with plain SQL under the chain's lock.
 */
export async function appendAuditSql(
  exec: Exec,
  e: { actorKind: AuditActorKind; actorRef: string; action: AuditEvent; entityType: AuditEntityType; entityId: string; details: unknown },
): Promise<void> {
  const [head] = await exec<{ seq: string | number | bigint; hash: string | null }>(
    `SELECT head_seq AS seq, head_hash AS hash FROM audit_chain_head()`,
  );
  const details = storedJson(e.details);
  const content = {
    seq: head ? Number(head.seq) + 1 : 1,
    at: new Date(),
    actorId: null,
    actorRole: null,
    actorKind: e.actorKind,
    actorRef: e.actorRef,
    actorAgencyId: null,
    action: e.action,
    outcome: "ok",
    entityType: e.entityType,
    entityId: e.entityId,
    ip: null,
    userAgent: null,
    details,
    prevHash: head?.hash ?? null,
  };
  await exec(
    `INSERT INTO audit_event (at, actor_kind, actor_ref, action, outcome, entity_type, entity_id, details, seq, prev_hash, hash)
     VALUES ($1::timestamptz, $2, $3, $4, 'ok', $5, $6, $7::jsonb, $8, $9, $10)`,
    [
      content.at.toISOString(),
      content.actorKind,
      content.actorRef,
      content.action,
      content.entityType,
      content.entityId,
      JSON.stringify(details),
      content.seq,
      content.prevHash,
      auditHash(content),
    ],
  );
}
