// Verifying the audit trail's chain: every entry's hash recomputed, every link and position checked, in
// seq order, in pages (the whole chain, or its newest entries linked to the one before them). Besides the
// chain: no entry may have been written outside it after the genesis entry, and the entries older than the
// chain must still match the digest the genesis entry sealed them with.
// What the table alone cannot show is the loss of its newest entries; the page shows the head (seq and
// hash) so that it can be noted or published elsewhere and compared later.
import "server-only";
import { db, type Db, type Tx } from "@/lib/db/client";
import { verifyAuditEntries, type AuditChainProblem, type ChainedAuditEntry } from "./chain";

const PAGE = 5_000;

export type AuditIntegrityProblem =
  | { seq: number; problem: AuditChainProblem["problem"] }
  /** An entry with no place in the chain, written after the chain started (the insert trigger was bypassed). */
  | { id: string; problem: "unchained" }
  /** The entries older than the chain no longer match what the genesis entry sealed. */
  | { problem: "legacy_changed" }
  /** No genesis entry: the chain's start is missing. */
  | { problem: "no_genesis" };

export interface AuditIntegrityReport {
  /** Chained entries whose hash and links were checked. */
  checked: number;
  /** The whole chain was checked (not only its newest entries). */
  complete: boolean;
  firstSeq: number | null;
  /** The newest entry: note it down to tell later whether entries were removed from the end. */
  head: { seq: number; hash: string; at: Date } | null;
  /** Entries older than the chain, sealed by the genesis entry's digest. */
  legacy: number;
  problems: AuditIntegrityProblem[];
}

type Row = {
  id: bigint;
  seq: bigint | null;
  at: Date;
  actorId: string | null;
  actorRole: string | null;
  actorKind: string;
  actorRef: string | null;
  actorAgencyId: number | null;
  action: string;
  outcome: string;
  entityType: string;
  entityId: string | null;
  ip: string | null;
  userAgent: string | null;
  details: unknown;
  prevHash: string | null;
  hash: string | null;
};

function entry(r: Row): ChainedAuditEntry {
  return { ...r, seq: Number(r.seq), hash: r.hash ?? "" };
}

/** The digest of the entries older than the chain: the same expression as the migration's (20261207110000_audit_chain). */
async function legacyDigest(client: Db | Tx, belowId: bigint): Promise<{ rows: number; digest: string }> {
  const [r] = await client.$queryRaw<{ rows: bigint; digest: string }[]>`
    SELECT count(*) AS rows,
           encode(sha256(convert_to(coalesce(string_agg(encode(sha256(convert_to(jsonb_build_array(
               id::text, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS'), actor_id::text, actor_role::text,
               actor_kind, actor_ref, actor_agency_id, action, outcome, entity_type, entity_id, ip, user_agent,
               details)::text, 'UTF8')), 'hex'), E'\n' ORDER BY id), ''), 'UTF8')), 'hex') AS digest
    FROM audit_event WHERE seq IS NULL AND id < ${belowId}`;
  return { rows: Number(r!.rows), digest: r!.digest };
}

/**
 * Verifies the chain: its newest `latest` entries (linked to the entry before them), or all of it when
 * `latest` is not given. The older entries' seal is checked when the check reaches the genesis entry.
 */
export async function verifyAuditChain(opts: { latest?: number } = {}, client: Db | Tx = db): Promise<AuditIntegrityReport> {
  const problems: AuditIntegrityProblem[] = [];
  const [bounds] = await client.$queryRaw<{ min: bigint | null; max: bigint | null }[]>`SELECT min(seq), max(seq) FROM audit_event`;
  const maxSeq = bounds?.max == null ? null : Number(bounds.max);
  const minSeq = bounds?.min == null ? null : Number(bounds.min);
  const genesis = await client.auditEvent.findUnique({ where: { seq: BigInt(1) } });
  const genesisOk = genesis?.action === "audit.chainStart" && genesis.prevHash === null;
  if (!genesisOk) problems.push({ problem: "no_genesis" });

  const from = maxSeq === null ? 1 : opts.latest ? Math.max(minSeq ?? 1, maxSeq - opts.latest + 1) : Math.min(minSeq ?? 1, 1);
  const complete = from <= 1;
  let before: { seq: number; hash: string } | null = null;
  if (!complete) {
    const prev = await client.auditEvent.findUnique({ where: { seq: BigInt(from - 1) }, select: { seq: true, hash: true } });
    // The entry before the window is missing: the first one checked cannot link to it.
    before = prev ? { seq: from - 1, hash: prev.hash ?? "" } : { seq: from - 1, hash: "" };
  }

  let checked = 0;
  let firstSeq: number | null = null;
  let firstId: bigint | null = null;
  let last: Row | null = null;
  for (let after = from - 1; ;) {
    const rows = (await client.auditEvent.findMany({
      where: { seq: { gt: BigInt(after) } },
      orderBy: { seq: "asc" },
      take: PAGE,
    })) as Row[];
    if (rows.length === 0) break;
    const entries = rows.map(entry);
    problems.push(...verifyAuditEntries(entries, before));
    checked += rows.length;
    firstSeq ??= entries[0]!.seq;
    firstId ??= rows[0]!.id;
    last = rows[rows.length - 1]!;
    before = { seq: Number(last.seq), hash: last.hash ?? "" };
    after = Number(last.seq);
    if (rows.length < PAGE) break;
  }

  // Entries written around the chain since it started (or since the first entry checked).
  const since = complete ? (genesis?.id ?? firstId) : firstId;
  if (since !== null) {
    const unchained = await client.auditEvent.findMany({
      where: { seq: null, id: { gt: since } },
      select: { id: true },
      orderBy: { id: "asc" },
      take: 100,
    });
    problems.push(...unchained.map((u) => ({ id: u.id.toString(), problem: "unchained" as const })));
  }

  // The seal over the entries older than the chain: checked with the whole chain.
  let legacy = 0;
  if (genesis && genesisOk) {
    const sealed = genesis.details as { legacyRows?: unknown; legacyDigest?: unknown } | null;
    if (complete) {
      const now = await legacyDigest(client, genesis.id);
      legacy = now.rows;
      if (now.rows !== sealed?.legacyRows || now.digest !== sealed?.legacyDigest) problems.push({ problem: "legacy_changed" });
    } else legacy = typeof sealed?.legacyRows === "number" ? sealed.legacyRows : 0;
  }

  return {
    checked,
    complete,
    firstSeq,
    head: last ? { seq: Number(last.seq), hash: last.hash ?? "", at: last.at } : null,
    legacy,
    problems,
  };
}
