// The audit trail's hash chain (lib/audit/chain.ts), pure: an intact chain verifies; an edited entry is a
// hash mismatch, a deleted one a gap, an inserted one a broken link; the newest part of the chain verifies
// against the entry before it. And the dossier chain's hash function, shared with it, still gives the hashes
// already stored in databases (a golden value computed before the two chains shared it).
import { describe, expect, it } from "vitest";
import { auditCanonicalBody, auditHash, storedJson, verifyAuditEntries, type ChainedAuditEntry } from "@/lib/audit/chain";
import { eventHash } from "@/lib/dossiers/chain";

function chain(n: number): ChainedAuditEntry[] {
  const out: ChainedAuditEntry[] = [];
  for (let seq = 1; seq <= n; seq++) {
    const content = {
      seq,
      at: new Date(Date.UTC(2026, 11, 7, 8, 0, seq, 123)),
      actorId: seq % 2 ? "5f0e4a7c-1b2d-4e3f-8a9b-0c1d2e3f4a5b" : null,
      actorRole: seq % 2 ? "OFFICER" : null,
      actorKind: seq % 2 ? "user" : "agency_system",
      actorRef: seq % 2 ? null : "key-1",
      actorAgencyId: 7,
      action: seq === 1 ? "audit.chainStart" : "document.send",
      outcome: "ok",
      entityType: "document",
      entityId: `doc-${seq}`,
      ip: "203.0.113.7",
      userAgent: "QLVB/2.0",
      details: { documentKey: `000.00.00.G22,2026/12/07,${seq}/CV`, recipients: ["000.00.00.H29"], note: 'Công văn "khẩn"' },
      prevHash: out.at(-1)?.hash ?? null,
    };
    out.push({ ...content, hash: auditHash(content) });
  }
  return out;
}

describe("audit chain", () => {
  it("verifies an intact chain from its start", () => {
    expect(verifyAuditEntries(chain(6))).toEqual([]);
  });

  it("finds an edited entry: hash_mismatch", () => {
    const c = chain(6);
    c[3] = { ...c[3]!, outcome: "denied" };
    expect(verifyAuditEntries(c)).toEqual([{ seq: 4, problem: "hash_mismatch" }]);
    const d = chain(6);
    d[2] = { ...d[2]!, details: { ...(d[2]!.details as object), recipients: ["000.00.00.G15"] } };
    expect(verifyAuditEntries(d)).toEqual([{ seq: 3, problem: "hash_mismatch" }]);
  });

  it("finds an edit that recomputed the entry's own hash: the next entry's link breaks", () => {
    const c = chain(6);
    const forged = { ...c[3]!, action: "document.recall" };
    c[3] = { ...forged, hash: auditHash(forged) };
    expect(verifyAuditEntries(c)).toEqual([{ seq: 5, problem: "broken_link" }]);
  });

  it("finds a deleted entry: gap (and the link across it broken)", () => {
    const c = chain(6);
    c.splice(2, 1);
    expect(verifyAuditEntries(c)).toEqual([
      { seq: 4, problem: "gap" },
      { seq: 4, problem: "broken_link" },
    ]);
  });

  it("finds a deleted first entry (the genesis): gap at the start", () => {
    expect(verifyAuditEntries(chain(4).slice(1))).toEqual([
      { seq: 2, problem: "gap" },
      { seq: 2, problem: "broken_link" },
    ]);
  });

  it("finds an inserted entry", () => {
    const c = chain(4);
    const extra = { ...c[1]!, entityId: "doc-x" };
    c.splice(2, 0, { ...extra, hash: auditHash(extra) });
    expect(verifyAuditEntries(c).map((p) => p.problem)).toContain("gap");
  });

  it("verifies the newest part of the chain against the entry before it", () => {
    const c = chain(8);
    expect(verifyAuditEntries(c.slice(5), { seq: 5, hash: c[4]!.hash })).toEqual([]);
    expect(verifyAuditEntries(c.slice(5), { seq: 5, hash: "0".repeat(64) })).toEqual([{ seq: 6, problem: "broken_link" }]);
    expect(verifyAuditEntries(c.slice(5), null)).toContainEqual({ seq: 6, problem: "gap" });
  });

  it("hashes what the database gives back, whatever the caller passed", () => {
    const at = new Date("2026-12-07T08:00:00.000Z");
    expect(storedJson({ when: at, gone: undefined, list: [1, undefined] })).toEqual({ when: at.toISOString(), list: [1, null] });
    expect(storedJson(undefined)).toBeNull();
    const base = chain(1)[0]!;
    // Key order never matters: the canonical body sorts them.
    const reordered = {
      ...base,
      details: { recipients: ["000.00.00.H29"], note: 'Công văn "khẩn"', documentKey: "000.00.00.G22,2026/12/07,1/CV" },
    };
    expect(auditHash(reordered)).toBe(base.hash);
    expect(auditCanonicalBody(base)).toMatch(/^\{"action":"audit\.chainStart","actorAgencyId":7,"actorId":/);
  });

  it("keeps the dossier chain's stored hashes valid (golden value)", () => {
    expect(
      eventHash({
        dossierId: "6b1f0a4e-2d3c-4b5a-9e8f-0123456789ab",
        seq: 2,
        at: new Date("2026-12-01T02:03:04.567Z"),
        actorId: null,
        action: "receive",
        fromStatus: 1,
        toStatus: 2,
        note: 'Tiếp nhận "hồ sơ"\n',
        data: { b: [1, "x"], a: { z: null, y: 2.5 } },
        prevHash: "a".repeat(64),
      }),
    ).toBe("f220c689211fb97a0d691b5ebab99e5bb953def79de7351e9be5ac3b72b55cf4");
  });
});
