// Issue 17, must-show 3: a succession applied on a copy of the demo data (the demo country seeded into this
// file's own database). A province with open dossiers, documents in flight, officers, services, an API key, a
// push endpoint and a pending push is retired into another; the preview counts what will move; applying it
// leaves nothing open pointing at the retired province, every moved item's history names the move, the dossier
// hash chains verify, the statistics keep the past per old agency, and a second run moves nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withClient } from "@/lib/db/admin";
import { db } from "@/lib/db/client";
import { applySuccession, previewSuccession } from "@/lib/agencies/reorganisation";
import { SUCCESSION_ACTION } from "@/lib/agencies/reorganisation-core";
import { retireAgency } from "@/lib/agencies/registry-admin";
import { issueApiKey } from "@/lib/documents/api-keys";
import { verifyDossierHistories } from "@/lib/dossiers/integrity";
import { verifyAuditChain } from "@/lib/audit/integrity";
import { viaSession } from "@/lib/auth/session-actor";
import { seedDemoCountry } from "@/prisma/seed/demo-country";
import { applyDueSuccessionsForDemo } from "@/prisma/seed/demo";
import { signInAs } from "../support/filing";

const signInAdmin = () => signInAs("quantri@vpcp.example", "VanPhong@2026");
const WALKTHROUGH = ["000.00.00.H29", "000.00.00.G22", "000.00.00.G15"];

let retired: { id: number; identifier: string };
let successor: { id: number; identifier: string };
const n = async (sql: string, ...params: unknown[]) => Number((await db.$queryRawUnsafe<{ n: number }[]>(sql, ...params))[0]!.n);

beforeAll(async () => {
  const started = Date.now();
  await withClient(process.env.DATABASE_URL!, async (c) => {
    await seedDemoCountry(c);
  });
  console.log(`[reorganisation] demo country seeded in ${Date.now() - started} ms`);
  // The province (not a walkthrough agency) with the most open dossiers and copies in flight, and another one.
  const [a, b] = await db.$queryRawUnsafe<{ id: number; identifier: string }[]>(
    `SELECT a.id, a.identifier FROM agency a
     WHERE a.kind = 'PROVINCE' AND a.valid_to IS NULL AND a.identifier <> ALL($1::text[])
     ORDER BY (SELECT count(*) FROM dossier d WHERE d.holder_agency_id = a.id AND d.status NOT IN (3, 7, 8, 10))
            + (SELECT count(*) FROM document_recipient r WHERE r.agency_id = a.id AND r.status NOT IN ('02', '06', '15')) DESC, a.identifier
     LIMIT 2`,
    WALKTHROUGH,
  );
  retired = a!;
  successor = b!;
  // What the demo does not give it: an officer, an API key, a push endpoint and a pending push.
  await db.user.create({
    data: { role: "OFFICER", fullName: "Cán bộ sáp nhập", email: "canbo.sapnhap@dichvucong.example", agencyId: retired.id },
  });
  await issueApiKey(retired.id, "QLVB tỉnh (sáp nhập)");
  await db.documentEndpoint.upsert({
    where: { agencyId: retired.id },
    create: { agencyId: retired.id, url: "https://qlvb.example/nhan", secret: "s".repeat(32) },
    update: { enabled: true },
  });
  await db.documentEndpoint.deleteMany({ where: { agencyId: successor.id } });
  await db.outboxMessage.create({
    data: { kind: "document.push", payload: { type: "status", agencyId: retired.id, eventId: "1" }, agencyId: retired.id },
  });
  // A procedure only the retired province offers (its service moves), by taking one away from the successor
  // where no dossier or draft uses it.
  const free = await db.$queryRawUnsafe<{ id: number }[]>(
    `SELECT t.id FROM service t JOIN service s ON s.procedure_id = t.procedure_id AND s.agency_id = $1
     WHERE t.agency_id = $2 AND NOT EXISTS (SELECT 1 FROM dossier d WHERE d.service_id = t.id)
       AND NOT EXISTS (SELECT 1 FROM draft x WHERE x.service_id = t.id)
     ORDER BY t.id LIMIT 5`,
    retired.id,
    successor.id,
  );
  for (const f of free) {
    const gone = await db.service.delete({ where: { id: f.id } }).then(
      () => true,
      () => false,
    );
    if (gone) break;
  }
}, 600_000);

afterAll(async () => {
  await db.$disconnect();
});

describe("applying a succession on the demo data", () => {
  let preview: Awaited<ReturnType<typeof previewSuccession>>;
  let openCodes: string[] = [];
  let receivedBefore = 0;

  it("nothing is due before the merger is recorded", async () => {
    expect((await previewSuccession(retired.identifier)).agencies).toEqual([]);
  });

  it("the preview counts what will move", async () => {
    await signInAdmin();
    const r = await viaSession(retireAgency, {
      identifier: retired.identifier,
      successor: successor.identifier,
      effectiveDate: "2025-07-01",
    });
    expect(r.ok).toBe(true);
    preview = await previewSuccession(retired.identifier);
    expect(preview.agencies.map((a) => [a.identifier, a.successorIdentifier])).toEqual([[retired.identifier, successor.identifier]]);
    const c = preview.total;
    const open = await n(`SELECT count(*)::int AS n FROM dossier WHERE holder_agency_id = $1 AND status NOT IN (3, 7, 8, 10)`, retired.id);
    const copies = await n(
      `SELECT count(*)::int AS n FROM document_recipient WHERE agency_id = $1 AND status NOT IN ('02', '06', '15')`,
      retired.id,
    );
    expect(c.openDossiers).toBe(open);
    expect(c.openDossiers).toBeGreaterThan(0);
    expect(c.documentCopies + c.duplicateCopies).toBe(copies);
    expect(c.documentCopies).toBeGreaterThan(0);
    expect(c.officers).toBe(await n(`SELECT count(*)::int AS n FROM app_user WHERE agency_id = $1`, retired.id));
    expect(c.officers).toBeGreaterThanOrEqual(1);
    expect(c.servicesMoved).toBeGreaterThanOrEqual(1);
    expect(c.servicesUnpublished).toBeGreaterThan(0);
    expect(c.servicesMoved + c.servicesUnpublished).toBe(
      await n(
        `SELECT count(*)::int AS n FROM service WHERE agency_id = $1 AND (published OR NOT EXISTS (
                 SELECT 1 FROM service o WHERE o.agency_id = $2 AND o.procedure_id = service.procedure_id))`,
        retired.id,
        successor.id,
      ),
    );
    expect(c.apiKeys).toBe(1);
    expect(c.pushEndpoints).toBe(1);
    expect(c.pendingJobs).toBe(1);
    openCodes = (
      await db.dossier.findMany({ where: { holderAgencyId: retired.id, status: { notIn: [3, 7, 8, 10] } }, select: { code: true } })
    ).map((d) => d.code);
    receivedBefore = await db.dossier.count({ where: { receivingAgencyId: retired.id } });
  });

  it("applying needs the confirmation and a choice for the keys", async () => {
    await signInAdmin();
    const r = await viaSession(applySuccession, { identifier: retired.identifier, keys: "follow" });
    expect(r).toMatchObject({ ok: false, fieldErrors: { confirm: expect.stringMatching(/^Xác nhận: /) } });
    const k = await viaSession(applySuccession, { identifier: retired.identifier, keys: "maybe", confirm: "on" });
    expect(k).toMatchObject({ ok: false, fieldErrors: { keys: expect.any(String) } });
    // Nothing moved.
    expect((await previewSuccession(retired.identifier)).total).toEqual(preview.total);
  });

  it("applies in one audited operation: nothing open points at the retired province, and the histories name the move", async () => {
    await signInAdmin();
    const started = Date.now();
    const r = await viaSession(applySuccession, { identifier: retired.identifier, keys: "follow", confirm: "on" });
    console.log(`[reorganisation] one province applied in ${Date.now() - started} ms`, JSON.stringify(r.ok && r.data.moved));
    if (!r.ok) throw new Error(r.message);
    const m = r.data.moved;
    const p = preview.total;
    expect([
      m.openDossiers,
      m.documentCopies,
      m.officers,
      m.servicesMoved,
      m.servicesUnpublished,
      m.apiKeys,
      m.pushEndpoints,
      m.pendingJobs,
    ]).toEqual([
      p.openDossiers,
      p.documentCopies,
      p.officers,
      p.servicesMoved,
      p.servicesUnpublished,
      p.apiKeys,
      p.pushEndpoints,
      p.pendingJobs,
    ]);

    // Nothing open left at the retired province (copies of documents the successor already holds excepted).
    expect(await n(`SELECT count(*)::int AS n FROM dossier WHERE holder_agency_id = $1 AND status NOT IN (3, 7, 8, 10)`, retired.id)).toBe(
      0,
    );
    expect(
      await n(
        `SELECT count(*)::int AS n FROM document_recipient r WHERE r.agency_id = $1 AND r.status NOT IN ('02', '06', '15')
         AND NOT EXISTS (SELECT 1 FROM document_recipient o WHERE o.document_id = r.document_id AND o.agency_id = $2)`,
        retired.id,
        successor.id,
      ),
    ).toBe(0);
    expect(await n(`SELECT count(*)::int AS n FROM app_user WHERE agency_id = $1`, retired.id)).toBe(0);
    expect(await n(`SELECT count(*)::int AS n FROM service WHERE agency_id = $1 AND published`, retired.id)).toBe(0);
    expect(await n(`SELECT count(*)::int AS n FROM api_key WHERE agency_id = $1 AND revoked_at IS NULL`, retired.id)).toBe(0);
    expect(await n(`SELECT count(*)::int AS n FROM document_endpoint WHERE agency_id = $1 AND enabled`, retired.id)).toBe(0);
    expect(await n(`SELECT count(*)::int AS n FROM outbox_message WHERE agency_id = $1 AND status = 'PENDING'`, retired.id)).toBe(0);
    expect(await db.documentEndpoint.findUnique({ where: { agencyId: successor.id } })).not.toBeNull();
    const job = await db.outboxMessage.findFirstOrThrow({ where: { agencyId: successor.id, kind: "document.push", status: "PENDING" } });
    expect((job.payload as { agencyId: number }).agencyId).toBe(successor.id);

    // Every moved dossier keeps its code, is held by the successor, and its newest event names the move.
    const moved = await db.dossier.findMany({
      where: { code: { in: openCodes } },
      select: { code: true, holderAgencyId: true, version: true, events: { orderBy: { seq: "desc" }, take: 1 } },
    });
    expect(moved).toHaveLength(openCodes.length);
    for (const d of moved) {
      expect(d.holderAgencyId).toBe(successor.id);
      const e = d.events[0]!;
      expect(e.action).toBe(SUCCESSION_ACTION);
      expect(e.seq).toBe(d.version);
      expect(e.note).toContain(retired.identifier);
      expect(e.data).toMatchObject({ fromIdentifier: retired.identifier, toIdentifier: successor.identifier });
    }
    // Every moved copy has a status event naming the move.
    expect(
      await n(
        `SELECT count(DISTINCT r.id)::int AS n FROM document_recipient r JOIN document_status_event e ON e.recipient_id = r.id
         WHERE r.agency_id = $1 AND e.description LIKE '%(' || $2 || ')%'`,
        successor.id,
        retired.identifier,
      ),
    ).toBe(m.documentCopies);
    // Moved services carry the successor's suffix; unpublished ones stay, pointed at the successor's by the procedure.
    expect(
      await n(`SELECT count(*)::int AS n FROM service WHERE agency_id = $1 AND code LIKE '%' || $2`, successor.id, retired.identifier),
    ).toBe(0);

    // The hash chains verify; the audit entry carries the preview.
    expect((await verifyDossierHistories({ codes: openCodes })).problems).toEqual([]);
    expect((await verifyAuditChain({ latest: 50 })).problems).toEqual([]);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "agency.applySuccession", entityId: retired.identifier } });
    expect(audit.details).toMatchObject({ preview: { openDossiers: p.openDossiers }, moved: { openDossiers: p.openDossiers } });

    // Statistics: the past stays with the agency that received it.
    expect(await db.dossier.count({ where: { receivingAgencyId: retired.id } })).toBe(receivedBefore);
  });

  it("a second run moves nothing, and the demo seed's hook finds nothing left either", async () => {
    await signInAdmin();
    const before = await db.dossierEvent.count();
    const r = await viaSession(applySuccession, { identifier: retired.identifier, keys: "revoke", confirm: "on" });
    if (!r.ok) throw new Error(r.message);
    expect(Object.values(r.data.moved).every((v) => v === 0)).toBe(true);
    expect(await db.dossierEvent.count()).toBe(before);
    await withClient(process.env.DATABASE_URL!, async (c) => {
      const seeded = await applyDueSuccessionsForDemo(c);
      expect(seeded.moved.openDossiers).toBe(0);
    });
    expect((await verifyAuditChain({ latest: 50 })).problems).toEqual([]);
  });

  it("many provinces at once, all due successions in one call: measured, and nothing left open", async () => {
    // The seed already retired the 29 provincial committees merged on 1 July 2025 (prisma/data/succession-2025.json);
    // half of the provinces still in force are retired here into the other half.
    const dueBefore = (await previewSuccession()).agencies.length;
    const others = await db.$queryRawUnsafe<{ id: number }[]>(
      `SELECT id FROM agency WHERE kind = 'PROVINCE' AND valid_to IS NULL AND identifier <> ALL($1::text[]) AND id <> $2 ORDER BY identifier`,
      WALKTHROUGH,
      successor.id,
    );
    expect(others.length).toBeGreaterThanOrEqual(20);
    const half = Math.floor(others.length / 2);
    const olds = others.slice(0, half).map((o) => o.id);
    for (const [i, id] of olds.entries()) {
      await db.agency.update({
        where: { id },
        data: { validTo: new Date("2025-07-01T00:00:00Z"), successorId: others[half + (i % (others.length - half))]!.id },
      });
    }
    const all = await previewSuccession();
    expect(all.agencies.length).toBe(dueBefore + olds.length);
    await signInAdmin();
    const started = Date.now();
    const r = await viaSession(applySuccession, { keys: "follow", confirm: "on" });
    const ms = Date.now() - started;
    if (!r.ok) throw new Error(r.message);
    console.log(`[reorganisation] ${olds.length} provinces applied in ${ms} ms (core ${r.data.ms} ms)`, JSON.stringify(r.data.moved));
    expect(r.data.moved.openDossiers).toBe(all.total.openDossiers);
    expect(
      await n(`SELECT count(*)::int AS n FROM dossier WHERE holder_agency_id = ANY($1::int[]) AND status NOT IN (3, 7, 8, 10)`, [
        ...olds,
        retired.id,
      ]),
    ).toBe(0);
    const codes = (await db.dossier.findMany({ where: { events: { some: { action: SUCCESSION_ACTION } } }, select: { code: true } })).map(
      (d) => d.code,
    );
    expect((await verifyDossierHistories({ codes })).problems).toEqual([]);
  });
});
