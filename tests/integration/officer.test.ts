import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db/client";
import { verifyDossierChain } from "@/lib/dossiers/events";
import {
  actOnDossier,
  apologize,
  assignDossier,
  getAgencyDossier,
  listQueue,
  queueCounts,
  transferDossier,
  transferredOut,
} from "@/lib/dossiers/officer";
import { getOwnDossier } from "@/lib/dossiers/citizen";
import { readAttachment } from "@/lib/filing/attachments";
import { submitDossier } from "@/lib/filing/submit";
import { PDF_BYTES, signInAs, signInCitizen, validAnswers, uploadPaper } from "../support/filing";
import { viaSession } from "@/lib/auth/session-actor";
import { serviceForm } from "../support/forms";

const PASSWORD = "CanBoKhac2026";
let citizenId: string;

async function currentUser() {
  const { getCurrentUser } = await import("@/lib/auth/current-user");
  return (await getCurrentUser())!;
}

/** A dossier filed by the demo citizen to TP. Hồ Chí Minh, with one uploaded paper. */
async function fileDossier(applicantName = "Nguyễn Thị Minh Anh"): Promise<{ code: string; id: string }> {
  citizenId = (await signInCitizen()).userId;
  const s = await db.service.findFirstOrThrow({
    where: { agency: { identifier: "000.00.00.H29" }, onlineLevel: 4, procedure: { code: "1.004873" } },
  });
  const form = await serviceForm(s.code);
  // The requester's name (the field filled from the profile), divorced: the form then asks for the divorce paper.
  const answers: Record<string, unknown> = { ...validAnswers(form), nycHoTen: applicantName, tinhTrang: "da-ly-hon" };
  for (const f of form.steps.flatMap((st) => st.fields).filter((f) => f.type === "file")) {
    answers[f.id] = (await uploadPaper({ serviceCode: s.code, fieldId: f.id, fileName: "giay-to.pdf", bytes: PDF_BYTES })).id;
  }
  const r = await viaSession(submitDossier, { serviceCode: s.code, idempotencyKey: randomUUID(), answers });
  if (!r.ok) throw new Error(`${r.message} ${JSON.stringify(r.fieldErrors)}`);
  return { code: r.data.code, id: r.data.dossierId };
}

const hcmOfficer = () => signInAs("canbo.hcm@dichvucong.example", "CanBo@2026");

beforeAll(async () => {
  // An officer of Cao Bằng, and one of the Ministry of Justice.
  for (const [email, identifier] of [
    ["canbo.caobang@example.vn", "000.00.00.H14"],
    ["canbo.botuphap@example.vn", "000.00.00.G15"],
  ] as const) {
    const agency = await db.agency.findUniqueOrThrow({ where: { identifier } });
    await db.user.upsert({
      where: { email },
      update: {},
      create: {
        email,
        role: "OFFICER",
        fullName: `Cán bộ ${agency.shortName}`,
        agencyId: agency.id,
        passwordHash: await hashPassword(PASSWORD),
      },
    });
  }
});

describe("an officer's agency scope", () => {
  it("answers 'not found' for another agency's dossier: page data, forged actions, file routes", async () => {
    const { code, id } = await fileDossier();
    const paper = await db.attachment.findFirstOrThrow({ where: { dossierId: id } });
    await hcmOfficer();
    expect((await getAgencyDossier(await currentUser(), code))?.code).toBe(code);
    expect(await readAttachment(await currentUser(), paper.id)).not.toBeNull();

    await signInAs("canbo.caobang@example.vn", PASSWORD);
    const other = await currentUser();
    expect(await getAgencyDossier(other, code)).toBeNull();
    const forged = await viaSession(actOnDossier, { code, version: 1, action: "receive" });
    expect(forged).toMatchObject({ ok: false, code: "not_found" });
    expect(await viaSession(assignDossier, { code, assigneeId: other.id })).toMatchObject({ ok: false, code: "not_found" });
    expect(await viaSession(transferDossier, { code, version: 1, toAgency: "000.00.00.H14", reason: "Chuyển nhầm" })).toMatchObject({
      ok: false,
      code: "not_found",
    });
    expect(await readAttachment(other, paper.id)).toBeNull();
    expect((await listQueue(other, { tab: "cho-tiep-nhan", q: code })).rows).toEqual([]);
    // Nothing moved, and the forged attempts left audit rows.
    expect((await db.dossier.findUniqueOrThrow({ where: { id } })).status).toBe(1);
    // A citizen's own page does not show another citizen's dossier either.
    await signInAs("canbo.caobang@example.vn", PASSWORD);
    expect(await getOwnDossier(other, code)).toBeNull();
  });

  it("refuses a citizen at the officer door", async () => {
    const { code } = await fileDossier();
    expect(await viaSession(actOnDossier, { code, version: 1, action: "receive" })).toMatchObject({ ok: false, code: "forbidden" });
    const denied = await db.auditEvent.findFirst({
      where: { actorId: citizenId, action: "dossier.process", outcome: "denied" },
      orderBy: { id: "desc" },
    });
    expect(denied).not.toBeNull();
  });
});

describe("acting on dossiers", () => {
  it("lets one of two simultaneous actions win; the other is told the dossier changed", async () => {
    const { code, id } = await fileDossier();
    await hcmOfficer();
    const [a, b] = await Promise.all([
      viaSession(actOnDossier, { code, version: 1, action: "receive" }),
      viaSession(actOnDossier, { code, version: 1, action: "refuse", reason: "Không thuộc thẩm quyền" }),
    ]);
    const results = [a, b];
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const loser = results.find((r) => !r.ok)!;
    expect(loser).toMatchObject({ ok: false, code: "conflict" });
    const d = await db.dossier.findUniqueOrThrow({ where: { id }, include: { events: { orderBy: { seq: "asc" } } } });
    expect(d.version).toBe(2);
    expect(d.events).toHaveLength(2);
    expect(await db.$transaction((tx) => verifyDossierChain(tx, id))).toEqual([]);
  });

  it("shows the queue by tab with counts, searches names without diacritics, and pages by due date", async () => {
    const mine = await fileDossier("Đặng Thị Thuỳ Dương");
    await hcmOfficer();
    const officer = await currentUser();
    const counts = await queueCounts(officer);
    expect(counts["cho-tiep-nhan"]).toBeGreaterThan(0);
    const found = await listQueue(officer, { tab: "cho-tiep-nhan", q: "dang thi thuy duong" });
    expect(found.rows.map((r) => r.code)).toEqual([mine.code]);
    const all: string[] = [];
    let after: string | undefined;
    do {
      const page = await listQueue(officer, { tab: "cho-tiep-nhan" }, after);
      all.push(...page.rows.map((r) => r.code));
      after = page.next;
      expect(page.total).toBe(counts["cho-tiep-nhan"]);
    } while (after);
    expect(new Set(all).size).toBe(counts["cho-tiep-nhan"]);
    await viaSession(assignDossier, { code: mine.code, assigneeId: officer.id });
    expect((await listQueue(officer, { tab: "cho-tiep-nhan", assignee: "me" })).rows.map((r) => r.code)).toContain(mine.code);
    // The field filter: the dossier's own field finds it, another field does not.
    const [own] = await db.$queryRaw<{ slug: string }[]>`
      SELECT f.slug FROM dossier d JOIN service s ON s.id = d.service_id JOIN procedure p ON p.id = s.procedure_id JOIN field f ON f.id = p.field_id
      WHERE d.code = ${mine.code}`;
    const [other] = await db.$queryRaw<{ slug: string }[]>`SELECT slug FROM field WHERE slug <> ${own!.slug} ORDER BY slug LIMIT 1`;
    const byField = await listQueue(officer, { tab: "cho-tiep-nhan", fieldSlug: own!.slug });
    expect(byField.rows.map((r) => r.code)).toContain(mine.code);
    const fieldsOfRows = await db.$queryRaw<{ slug: string }[]>`
      SELECT DISTINCT f.slug FROM dossier d JOIN service s ON s.id = d.service_id JOIN procedure p ON p.id = s.procedure_id JOIN field f ON f.id = p.field_id
      WHERE d.code = ANY(${byField.rows.map((r) => r.code)})`;
    expect(fieldsOfRows.map((r) => r.slug)).toEqual([own!.slug]);
    expect((await listQueue(officer, { tab: "cho-tiep-nhan", fieldSlug: other!.slug })).rows.map((r) => r.code)).not.toContain(mine.code);
  });

  it("transfers a dossier from a province to a ministry: same code and history, seen on both sides", async () => {
    const { code, id } = await fileDossier();
    await hcmOfficer();
    expect((await viaSession(actOnDossier, { code, version: 1, action: "receive" })).ok).toBe(true);
    const moved = await viaSession(transferDossier, { code, version: 2, toAgency: "000.00.00.G15", reason: "Thuộc thẩm quyền Bộ Tư pháp" });
    expect(moved.ok).toBe(true);
    // The sender follows it, read-only; it is gone from its queue.
    const sender = await currentUser();
    expect((await getAgencyDossier(sender, code))?.access).toBe("sender");
    expect((await transferredOut(sender)).map((t) => t.dossier.code)).toContain(code);
    expect(await viaSession(actOnDossier, { code, version: 3, action: "startProcessing" })).toMatchObject({ ok: false, code: "forbidden" });
    // The ministry holds it, with the same code and the whole history, and can act.
    await signInAs("canbo.botuphap@example.vn", PASSWORD);
    const ministry = await currentUser();
    const held = await getAgencyDossier(ministry, code);
    expect(held?.access).toBe("holder");
    expect(held?.code).toBe(code);
    expect(held?.events.map((e) => e.action)).toEqual(["submit", "receive", "transfer"]);
    expect((await listQueue(ministry, { tab: "da-tiep-nhan", q: code })).rows.map((r) => r.code)).toEqual([code]);
    expect((await viaSession(actOnDossier, { code, version: 3, action: "startProcessing" })).ok).toBe(true);
    // The citizen sees who holds it now.
    await signInCitizen();
    const own = await getOwnDossier(await currentUser(), code);
    expect(own?.holderAgency.name).toBe("Bộ Tư pháp");
    expect(await db.$transaction((tx) => verifyDossierChain(tx, id))).toEqual([]);
  });
});

describe("an apology (hẹn lại) with an impossible date", () => {
  // Finding: 2026-99-99 was stored on the chain, and the citizen's dossier page answered 500 from then on.
  it("refuses 2026-99-99 and other impossible dates with a field error, and stores nothing", async () => {
    const { code, id } = await fileDossier();
    await hcmOfficer();
    const before = await db.dossierEvent.count({ where: { dossierId: id } });
    for (const newDate of ["2026-99-99", "2026-02-30", "2026-13-01", "99999-01-01", "2026-1-1"]) {
      const r = await viaSession(apologize, { code, reason: "Cần xác minh thêm", newDate });
      expect(r, newDate).toMatchObject({ ok: false, code: "invalid" });
      expect(r.ok ? null : r.fieldErrors, newDate).toHaveProperty("newDate");
    }
    expect(await db.dossierEvent.count({ where: { dossierId: id } })).toBe(before);
  });
});
