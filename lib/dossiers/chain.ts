// The dossier history's hash chain: each event's hash covers its content and the previous hash, so
// editing or deleting any event breaks every hash after it. Pure; the verifier recomputes the chain.
// canonicalJson and linkHash are shared with the audit trail's chain (lib/audit/chain.ts).
import { createHash } from "node:crypto";

export interface ChainedEvent {
  dossierId: string;
  seq: number;
  at: Date;
  actorId: string | null;
  action: string;
  fromStatus: number | null;
  toStatus: number | null;
  note: string | null;
  data: unknown;
  prevHash: string | null;
  hash: string;
}

/** JSON with object keys sorted, so the same content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

export function eventHash(e: Omit<ChainedEvent, "hash">): string {
  const body = canonicalJson({
    dossierId: e.dossierId,
    seq: e.seq,
    at: e.at.toISOString(),
    actorId: e.actorId,
    action: e.action,
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    note: e.note,
    data: e.data ?? null,
  });
  return linkHash(e.prevHash, body);
}

/** One link of a chain: sha256 of the previous link's hash (empty at the start) and this entry's canonical content. */
export function linkHash(prevHash: string | null, canonicalBody: string): string {
  return createHash("sha256")
    .update(`${prevHash ?? ""}\n${canonicalBody}`, "utf8")
    .digest("hex");
}

export type ChainProblem = { seq: number; problem: "hash_mismatch" | "broken_link" | "gap" };

/** Checks a dossier's events, in seq order. An empty list means the chain is intact. */
export function verifyChain(events: readonly ChainedEvent[]): ChainProblem[] {
  const problems: ChainProblem[] = [];
  let prev: ChainedEvent | undefined;
  for (const e of events) {
    const expectedSeq = prev ? prev.seq + 1 : 1;
    if (e.seq !== expectedSeq) problems.push({ seq: e.seq, problem: "gap" });
    if ((e.prevHash ?? null) !== (prev?.hash ?? null)) problems.push({ seq: e.seq, problem: "broken_link" });
    if (eventHash(e) !== e.hash) problems.push({ seq: e.seq, problem: "hash_mismatch" });
    prev = e;
  }
  return problems;
}
