// The history of generated dossiers (the demo country, the benchmark), chained exactly as the app chains
// its own (lib/dossiers/events.ts), so that lib/dossiers/integrity.ts finds nothing to report:
// 1. each dossier's steps are derived set-based in SQL from its final row (status and dates): submitted,
//    then received or refused, processing, papers requested, finished, returned, or withdrawn;
// 2. their hashes are computed here, in (dossier, seq) order, with the app's own eventHash, in batches;
// 3. the events are written in one INSERT … SELECT per batch, and each dossier's version is set to its
//    number of events (every change adds one event and one version) where the generator did not already
//    write it with the dossier (historyLengthSql).
// Dossiers that already have a history are left alone. A dossier whose status its steps do not reach (a status
// no generator makes) is refused, not chained wrongly.
import type pg from "pg";
import { eventHash } from "@/lib/dossiers/chain";

/** Events hashed and written per round trip: a few MB of parameters, whatever the scale. */
const BATCH = 20_000;

export interface DossierHistoryOptions {
  /** Which dossiers to give a history: a condition on `d` (the dossier table), e.g. `d.idempotency_key LIKE 'demo-%'`. */
  where: string;
  params?: unknown[];
  /** The note of the generated refusals and requests for papers, so nobody mistakes them for real ones. */
  label: string;
  log?: (line: string) => void;
}

interface StepRow {
  dossier_id: string;
  seq: number;
  at: Date;
  actor_id: string | null;
  action: string;
  from_status: number | null;
  to_status: number | null;
  note: string | null;
  data: unknown;
}

/**
 * The steps of the lifecycle (lib/dossiers/state-machine.ts) in order, as SQL over the dossier row `d`: each is
 * taken when the dossier's final status (and whether it was received) says it was. One list for the events
 * and for the history's length (historyLengthSql), so that a generator can write each dossier's version with
 * the dossier: updating 10^4–10^6 fresh rows afterwards would rewrite every index of the table.
 */
const STEPS: {
  action: string;
  from: string;
  to: number;
  at: string;
  taken: (status: string, receivedAt: string) => string;
  note?: "refusal" | "request";
  data?: string;
}[] = [
  { action: "submit", from: "NULL", to: 1, at: "d.submitted_at", taken: () => "true", data: `jsonb_build_object('files', '[]'::jsonb)` },
  { action: "refuse", from: "1", to: 3, at: "d.submitted_at + interval '2 hours'", taken: (s) => `${s} = 3`, note: "refusal" },
  { action: "receive", from: "1", to: 2, at: "d.received_at", taken: (s, r) => `(${r} IS NOT NULL AND ${s} NOT IN (1, 3))` },
  { action: "withdraw", from: "CASE WHEN d.received_at IS NULL THEN 1 ELSE 2 END", to: 7, at: "d.withdrawn_at", taken: (s) => `${s} = 7` },
  { action: "startProcessing", from: "2", to: 4, at: "d.received_at + interval '30 minutes'", taken: (s) => `${s} IN (4, 5, 9, 10)` },
  {
    action: "requestSupplement",
    from: "4",
    to: 5,
    at: "d.received_at + interval '1 hour'",
    taken: (s) => `${s} = 5`,
    note: "request",
    data: `jsonb_build_object('papers', jsonb_build_array('Bản sao giấy tờ tùy thân'))`,
  },
  { action: "finish", from: "4", to: 9, at: "d.finished_at", taken: (s) => `${s} IN (9, 10)` },
  { action: "returnResult", from: "9", to: 10, at: "d.returned_at", taken: (s) => `${s} = 10` },
];

/** The number of events (= the version) of a generated dossier with this final status and reception time (SQL expressions). */
export function historyLengthSql(status: string, receivedAt: string): string {
  return `(${STEPS.map((x) => `CASE WHEN ${x.taken(status, receivedAt)} THEN 1 ELSE 0 END`).join(" + ")})`;
}

/** Gives the chosen dossiers their chained history; answers the number of events written. */
export async function writeDossierHistories(client: pg.ClientBase, opts: DossierHistoryOptions): Promise<number> {
  const log = opts.log ?? (() => {});
  const started = performance.now();
  await client.query("DROP TABLE IF EXISTS gen_dossier_step");
  const n = opts.params?.length ?? 0;
  const notes = { refusal: `$${n + 1}::text`, request: `$${n + 2}::text` };
  // Officers' steps carry the holder agency and no person (the generators make no officers per agency).
  await client.query(
    `CREATE TEMP TABLE gen_dossier_step AS
     SELECT s.dossier_id, (row_number() OVER (PARTITION BY s.dossier_id ORDER BY s.k))::int AS seq,
            date_trunc('milliseconds', s.at) AS at, s.actor_id, s.actor_role, s.agency_id, s.action,
            s.from_status::smallint AS from_status, s.to_status::smallint AS to_status, s.note, s.data, s.final_status
     FROM dossier d
     CROSS JOIN LATERAL (VALUES
       ${STEPS.map(
         (x, i) =>
           `(${i + 1}, '${x.action}', ${x.from}, ${x.to}, ${x.at}, ${x.taken("d.status", "d.received_at")}, ${x.note ? notes[x.note] : "NULL::text"}, ${x.data ?? "NULL::jsonb"})`,
       ).join(",\n       ")}
     ) AS v(k, action, from_status, to_status, at, taken, note, data)
     CROSS JOIN LATERAL (SELECT d.id AS dossier_id, v.k, v.action, v.from_status, v.to_status, v.at, v.note, v.data, d.status AS final_status,
                                CASE WHEN v.action IN ('submit', 'withdraw') THEN d.applicant_id END AS actor_id,
                                (CASE WHEN v.action IN ('submit', 'withdraw') THEN 'CITIZEN' ELSE 'OFFICER' END)::"Role" AS actor_role,
                                CASE WHEN v.action IN ('submit', 'withdraw') THEN NULL ELSE d.holder_agency_id END AS agency_id) s
     WHERE v.taken AND (${opts.where}) AND NOT EXISTS (SELECT 1 FROM dossier_event e WHERE e.dossier_id = d.id)`,
    [...(opts.params ?? []), `${opts.label} Thành phần hồ sơ chưa đầy đủ.`, `${opts.label} Đề nghị bổ sung giấy tờ.`],
  );
  await client.query("ALTER TABLE gen_dossier_step ADD PRIMARY KEY (dossier_id, seq)");
  // Every step has a time, and the last step reaches the dossier's status: otherwise the generator made a dossier
  // this history cannot tell, and chaining it would record a lie.
  const wrong = await client.query(`
    SELECT (SELECT count(*) FROM gen_dossier_step WHERE at IS NULL)
           + (SELECT count(*) FROM (SELECT DISTINCT ON (dossier_id) to_status, final_status FROM gen_dossier_step ORDER BY dossier_id, seq DESC) l
              WHERE l.to_status <> l.final_status) AS n`);
  const untold = Number((wrong.rows[0] as { n: string }).n);
  if (untold > 0) throw new Error(`${untold} generated dossier events have no time, or histories do not reach their dossier's status`);

  let written = 0;
  let after: { dossier: string; seq: number } | null = null;
  let prev: { dossier: string; hash: string } | null = null;
  for (;;) {
    const page: { rows: StepRow[] } = await client.query(
      `SELECT dossier_id::text, seq, at, actor_id::text, action, from_status, to_status, note, data FROM gen_dossier_step
       ${after ? "WHERE (dossier_id, seq) > ($2::uuid, $3::int)" : ""} ORDER BY dossier_id, seq LIMIT $1`,
      after ? [BATCH, after.dossier, after.seq] : [BATCH],
    );
    if (page.rows.length === 0) break;
    const ids: string[] = [];
    const seqs: number[] = [];
    const prevHashes: (string | null)[] = [];
    const hashes: string[] = [];
    for (const r of page.rows) {
      const prevHash = prev?.dossier === r.dossier_id ? prev.hash : null;
      const hash = eventHash({
        dossierId: r.dossier_id,
        seq: r.seq,
        at: r.at,
        actorId: r.actor_id,
        action: r.action,
        fromStatus: r.from_status,
        toStatus: r.to_status,
        note: r.note,
        data: r.data,
        prevHash,
      });
      ids.push(r.dossier_id);
      seqs.push(r.seq);
      prevHashes.push(prevHash);
      hashes.push(hash);
      prev = { dossier: r.dossier_id, hash };
    }
    const res = await client.query(
      `INSERT INTO dossier_event (dossier_id, seq, at, actor_id, actor_role, agency_id, action, from_status, to_status, note, data,
                                  visible_to_applicant, prev_hash, hash)
       SELECT g.dossier_id, g.seq, g.at, g.actor_id, g.actor_role, g.agency_id, g.action, g.from_status, g.to_status, g.note, g.data,
              true, h.prev_hash, h.hash
       FROM unnest($1::uuid[], $2::int[], $3::text[], $4::text[]) AS h(dossier_id, seq, prev_hash, hash)
       JOIN gen_dossier_step g ON g.dossier_id = h.dossier_id AND g.seq = h.seq`,
      [ids, seqs, prevHashes, hashes],
    );
    written += res.rowCount ?? 0;
    const last = page.rows[page.rows.length - 1]!;
    after = { dossier: last.dossier_id, seq: last.seq };
  }
  await client.query(`
    UPDATE dossier d SET version = c.n
    FROM (SELECT dossier_id, max(seq) AS n FROM gen_dossier_step GROUP BY 1) c
    WHERE d.id = c.dossier_id AND d.version <> c.n`);
  await client.query("DROP TABLE gen_dossier_step");
  log(`  dossier events (chained): ${written} rows in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return written;
}
