// The audit trail's hash chain in the database: a migrated and seeded database verifies with no problem;
// every audited write extends the chain by one linked entry, also when 50 use cases run at once; tampering
// (with the append-only trigger switched off, as only the table's owner could) is found: an edited entry is a
// hash mismatch, a deleted one a gap; an entry written around the chain is refused by the database. And a
// database that had entries before the chain verifies after the migration, its older entries sealed.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import type { AuditEntityType, AuditEvent } from "@/lib/audit/actions";
import { recordAudit } from "@/lib/audit/record";
import { verifyAuditChain } from "@/lib/audit/integrity";
import { defineUseCase } from "@/lib/auth/door";
import { withClient } from "@/lib/db/admin";
import { db } from "@/lib/db/client";
import { migrate, MIGRATIONS_DIR } from "@/lib/db/migrate";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { verifyDossierHistories } from "@/lib/dossiers/integrity";
import { scratchDatabase } from "../support/scratch-db";

/** A use case that holds its transaction open for a moment, so that concurrent ones overlap. */
const slowNoop = defineUseCase({
  name: "test.parallel" as AuditEvent,
  permission: "public",
  schema: z.object({ n: z.number().int(), ms: z.number().int().min(0).max(50) }),
  entityType: "test" as AuditEntityType,
  async run({ n, ms }, { tx }) {
    await tx.$executeRaw`SELECT pg_sleep(${ms / 1000})`;
    return { result: n, entityId: String(n), details: { n } };
  },
});

/** Throws to roll back a transaction after looking inside it. */
class Rollback extends Error {}
async function inRolledBack<T>(work: (tx: Parameters<Parameters<typeof db.$transaction>[0]>[0]) => Promise<T>): Promise<T> {
  let out: T | undefined;
  await db
    .$transaction(async (tx) => {
      out = await work(tx);
      throw new Rollback();
    })
    .catch((e: unknown) => {
      if (!(e instanceof Rollback)) throw e;
    });
  return out!;
}

describe("audit chain", () => {
  it("a migrated and seeded database verifies with 0 problems, its chain starting at the genesis entry", async () => {
    const report = await verifyAuditChain();
    expect(report.problems).toEqual([]);
    expect(report.complete).toBe(true);
    expect(report.checked).toBeGreaterThanOrEqual(1);
    const genesis = await db.auditEvent.findUniqueOrThrow({ where: { seq: BigInt(1) } });
    expect(genesis).toMatchObject({ action: "audit.chainStart", actorKind: "job", prevHash: null });
    expect(genesis.details).toMatchObject({ legacyRows: 0, legacyMaxId: null });
    expect((await verifyDossierHistories({ all: true })).problems).toEqual([]);
  });

  it("every audited write is the next linked entry", async () => {
    const before = await verifyAuditChain();
    const r = await slowNoop({ kind: "anonymous" }, { n: 1, ms: 0 });
    expect(r.ok).toBe(true);
    await recordAudit(db, {
      action: "test.direct" as AuditEvent,
      entityType: "test" as AuditEntityType,
      details: { when: new Date("2026-12-07T00:00:00Z"), gone: undefined },
    });
    const after = await verifyAuditChain();
    expect(after.problems).toEqual([]);
    expect(after.head!.seq).toBe(before.head!.seq + 2);
    const [a, b] = await db.auditEvent.findMany({ where: { seq: { gt: BigInt(before.head!.seq) } }, orderBy: { seq: "asc" } });
    expect(a).toMatchObject({ action: "test.parallel", prevHash: before.head!.hash });
    expect(b).toMatchObject({ action: "test.direct", prevHash: a!.hash, details: { when: "2026-12-07T00:00:00.000Z" } });
  });

  it("50 use cases at once keep the chain one unbroken line", async () => {
    const before = await verifyAuditChain();
    const calls = Array.from({ length: 50 }, (_, n) =>
      n % 5 === 4
        ? // Denied attempts are audited outside the use case's transaction, in one of their own.
          recordAudit(db, {
            action: "test.denied" as AuditEvent,
            outcome: "denied",
            entityType: "test" as AuditEntityType,
            entityId: String(n),
          }).then(() => ({ ok: true }))
        : slowNoop({ kind: "anonymous" }, { n, ms: 5 + (n % 7) * 3 }),
    );
    const results = await Promise.all(calls);
    expect(results.every((r) => r.ok)).toBe(true);
    const after = await verifyAuditChain();
    expect(after.problems).toEqual([]);
    expect(after.head!.seq).toBe(before.head!.seq + 50);
    const added = await db.auditEvent.findMany({ where: { seq: { gt: BigInt(before.head!.seq) } }, orderBy: { seq: "asc" } });
    expect(added).toHaveLength(50);
    expect(new Set(added.map((e) => e.entityId)).size).toBe(50);
  }, 120_000);

  it("finds an edited entry (hash_mismatch) and a deleted one (gap), even by the table's owner", async () => {
    for (let n = 0; n < 3; n++)
      await recordAudit(db, { action: "test.tamper" as AuditEvent, entityType: "test" as AuditEntityType, entityId: String(n) });
    const rows = await db.auditEvent.findMany({ where: { action: "test.tamper" }, orderBy: { seq: "asc" } });
    const [first, middle] = rows;

    const edited = await inRolledBack(async (tx) => {
      await tx.$executeRawUnsafe(`ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only`);
      await tx.$executeRaw`UPDATE audit_event SET outcome = 'denied' WHERE id = ${first!.id}`;
      return verifyAuditChain({}, tx);
    });
    expect(edited.problems).toEqual([{ seq: Number(first!.seq), problem: "hash_mismatch" }]);

    const deleted = await inRolledBack(async (tx) => {
      await tx.$executeRawUnsafe(`ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only`);
      await tx.$executeRaw`DELETE FROM audit_event WHERE id = ${middle!.id}`;
      return verifyAuditChain({}, tx);
    });
    expect(deleted.problems).toEqual([
      { seq: Number(middle!.seq) + 1, problem: "gap" },
      { seq: Number(middle!.seq) + 1, problem: "broken_link" },
    ]);

    // The newest entries only: the window still links to the entry before it.
    const latest = await inRolledBack(async (tx) => {
      await tx.$executeRawUnsafe(`ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only`);
      await tx.$executeRaw`UPDATE audit_event SET details = '{"n": 99}' WHERE id = ${rows[2]!.id}`;
      return verifyAuditChain({ latest: 2 }, tx);
    });
    expect(latest.complete).toBe(false);
    expect(latest.problems).toEqual([{ seq: Number(rows[2]!.seq), problem: "hash_mismatch" }]);

    // Nothing of it stayed: the real chain is intact.
    expect((await verifyAuditChain()).problems).toEqual([]);
  });

  it("refuses an entry written around the chain, and finds one that got in with the trigger off", async () => {
    await expect(
      db.$executeRaw`INSERT INTO audit_event (action, entity_type, actor_kind) VALUES ('test.sneak', 'test', 'job')`,
    ).rejects.toThrow(/hash-chained/);
    const sneaked = await inRolledBack(async (tx) => {
      await tx.$executeRawUnsafe(`ALTER TABLE audit_event DISABLE TRIGGER audit_event_chained`);
      await tx.$executeRaw`INSERT INTO audit_event (action, entity_type, actor_kind) VALUES ('test.sneak', 'test', 'job')`;
      return verifyAuditChain({}, tx);
    });
    expect(sneaked.problems).toEqual([{ id: expect.any(String), problem: "unchained" }]);
  });
});

describe("audit chain: a database migrated with entries already written", () => {
  it("seals the older entries under the genesis entry, verifies with 0 problems, and finds a change to them", async () => {
    const scratch = await scratchDatabase();
    const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: scratch.url, max: 2 }) });
    const before = fs.mkdtempSync(path.join(os.tmpdir(), "migrations-before-chain-"));
    try {
      for (const name of fs.readdirSync(MIGRATIONS_DIR).filter((n) => n < "20261207110000")) {
        fs.cpSync(path.join(MIGRATIONS_DIR, name), path.join(before, name), { recursive: true });
      }
      await withClient(scratch.url, async (c) => {
        await migrate(c, { dir: before });
        // Entries as the app wrote them before the chain: users, systems, denials, details with text and numbers.
        await c.query(`
          INSERT INTO audit_event (at, actor_id, actor_role, actor_kind, actor_ref, actor_agency_id, action, outcome, entity_type, entity_id, ip, user_agent, details)
          VALUES ('2026-12-01T01:02:03.456Z', '5f0e4a7c-1b2d-4e3f-8a9b-0c1d2e3f4a5b', 'CITIZEN', 'user', NULL, NULL, 'dossier.submit', 'ok', 'dossier', 'x1', '203.0.113.7', 'Mozilla/5.0', '{"code": "000.00.00.H29-261201-0001", "service": "1.001"}'),
                 ('2026-12-01T01:02:04Z', NULL, NULL, 'agency_system', 'key-1', 7, 'document.send', 'ok', 'document', 'd1', NULL, NULL, '{"recipients": ["000.00.00.H29"], "note": "Công văn \\"khẩn\\"", "n": 1.5}'),
                 ('2026-12-01T01:02:05Z', NULL, NULL, 'anonymous', NULL, NULL, 'admin.read', 'denied', 'page', '/quan-tri', '198.51.100.1', NULL, NULL)`);
        // The chain migration (and any later one) applies on top of the entries.
        expect(await migrate(c)).toContain("20261207110000_audit_chain");
      });

      const sealed = await verifyAuditChain({}, client);
      expect(sealed).toMatchObject({ problems: [], complete: true, legacy: 3, checked: 1 });
      const genesis = await client.auditEvent.findUniqueOrThrow({ where: { seq: BigInt(1) } });
      expect(genesis.details).toMatchObject({ legacyRows: 3, legacyDigest: expect.stringMatching(/^[0-9a-f]{64}$/) });

      await recordAudit(client, { action: "test.after" as AuditEvent, entityType: "test" as AuditEntityType });
      expect(await verifyAuditChain({}, client)).toMatchObject({ problems: [], checked: 2, head: { seq: 2 } });

      await withClient(scratch.url, async (c) => {
        await c.query("ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only");
        await c.query("UPDATE audit_event SET outcome = 'ok' WHERE action = 'admin.read'");
        await c.query("ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only");
      });
      expect((await verifyAuditChain({}, client)).problems).toEqual([{ problem: "legacy_changed" }]);
    } finally {
      await client.$disconnect();
      fs.rmSync(before, { recursive: true, force: true });
      await scratch.drop();
    }
  }, 300_000);
});
