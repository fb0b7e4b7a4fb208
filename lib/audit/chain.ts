// The audit trail's hash chain. Every entry carries its position (seq), the hash of the entry before it
// and its own hash over its canonical content (the same canonical JSON and link hash as the dossier
// history, lib/dossiers/chain.ts), so editing an entry breaks its hash, deleting one leaves a gap, and
// inserting one breaks the links around it. Pure: lib/audit/record.ts appends, lib/audit/integrity.ts
// reads, and both compute with these functions.
//
// The chain starts at a genesis entry (seq 1) written by the migration that introduced it
// (prisma/migrations/20261207110000_audit_chain): entries older than that have no seq and are sealed
// as a whole by the digest the genesis entry carries (its details: legacyRows, legacyMaxId, legacyDigest).
import { canonicalJson, linkHash } from "@/lib/dossiers/chain";

/** What an entry's hash covers: everything stored except the row id (a storage detail) and the hash itself. */
export interface AuditContent {
  seq: number;
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
}

export interface ChainedAuditEntry extends AuditContent {
  hash: string;
}

/** The canonical text an entry's hash covers (keys sorted; the migration's genesis entry is written in this form too). */
export function auditCanonicalBody(e: Omit<AuditContent, "prevHash">): string {
  return canonicalJson({
    seq: e.seq,
    at: e.at.toISOString(),
    actorId: e.actorId,
    actorRole: e.actorRole,
    actorKind: e.actorKind,
    actorRef: e.actorRef,
    actorAgencyId: e.actorAgencyId,
    action: e.action,
    outcome: e.outcome,
    entityType: e.entityType,
    entityId: e.entityId,
    ip: e.ip,
    userAgent: e.userAgent,
    details: e.details ?? null,
  });
}

export function auditHash(e: AuditContent): string {
  return linkHash(e.prevHash, auditCanonicalBody(e));
}

/**
 * The value a JSON column gives back for what was written: Dates become ISO strings, undefined members
 * disappear, and `undefined` itself is no value (null). Hashing this, never the caller's object, keeps the
 * hash of what is written equal to the hash of what is read back.
 */
export function storedJson(value: unknown): unknown {
  return value === undefined ? null : (JSON.parse(JSON.stringify(value)) as unknown);
}

export type AuditChainProblem = { seq: number; problem: "hash_mismatch" | "broken_link" | "gap" };

/**
 * Checks entries in seq order. `before` is the entry just before the first one given (when checking the
 * newest part of the chain), or null when the first one given must be the chain's start (seq 1, no previous hash).
 * An empty list means the part checked is intact.
 */
export function verifyAuditEntries(
  entries: readonly ChainedAuditEntry[],
  before: { seq: number; hash: string } | null = null,
): AuditChainProblem[] {
  const problems: AuditChainProblem[] = [];
  let prev: { seq: number; hash: string } | null = before;
  for (const e of entries) {
    const expectedSeq = prev ? prev.seq + 1 : 1;
    if (e.seq !== expectedSeq) problems.push({ seq: e.seq, problem: "gap" });
    if ((e.prevHash ?? null) !== (prev?.hash ?? null)) problems.push({ seq: e.seq, problem: "broken_link" });
    if (auditHash(e) !== e.hash) problems.push({ seq: e.seq, problem: "hash_mismatch" });
    prev = e;
  }
  return problems;
}
