// Integration tests of agency administration (lib/agencies/officers.ts, lib/agencies/services-admin.ts) against the
// database: the HCMC agency admin's officer accounts and services, scoped to that agency, and refused to anyone else.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { createOfficer, listOfficers, setOfficerDisabled } from "@/lib/agencies/officers";
import { getAgencyService, listAgencyServices, updateAgencyService } from "@/lib/agencies/services-admin";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/current-user";
import { hashPassword } from "@/lib/auth/password";
import { sessionUser } from "@/lib/auth/sessions";
import { signInWithPassword } from "@/lib/auth/sign-in";
import type { Channel } from "@/lib/catalog/records";
import { db } from "@/lib/db/client";
import { submitDossier } from "@/lib/filing/submit";
import { authText } from "@/lib/i18n/vi/auth";
import { freshIp } from "../support/request";
import { signInAs, signInCitizen } from "../support/filing";
import { viaSession } from "@/lib/auth/session-actor";
import { variantVersion } from "../support/forms";

const HCM = "000.00.00.H29";
const signInHcmAdmin = () => signInAs("quantri.hcm@dichvucong.example", "QuanTri@2026");
const signInHcmOfficer = () => signInAs("canbo.hcm@dichvucong.example", "CanBo@2026");
const meta = () => ({ ip: freshIp(), userAgent: "vitest" });
const run = randomUUID().slice(0, 8);

async function me(): Promise<CurrentUser> {
  const u = await getCurrentUser();
  if (!u) throw new Error("no signed-in user");
  return u;
}

let hcmId: number;
let otherAgencyId: number;
/** An officer of another province, whom the HCMC admin must not see or touch. */
let outsiderId: string;

beforeAll(async () => {
  hcmId = (await db.agency.findUniqueOrThrow({ where: { identifier: HCM } })).id;
  otherAgencyId = (await db.agency.findFirstOrThrow({ where: { kind: "PROVINCE", identifier: { not: HCM } }, orderBy: { id: "asc" } })).id;
  outsiderId = (
    await db.user.create({
      data: {
        role: "OFFICER",
        fullName: "Cán bộ tỉnh khác",
        email: `canbo.khac.${run}@example.gov.vn`,
        agencyId: otherAgencyId,
        passwordHash: await hashPassword("KhongDung123"),
      },
    })
  ).id;
});

describe("officer accounts by the HCMC agency admin", () => {
  const email = `canbo.moi.${run}@tphcm.example.gov.vn`;
  const password = "MatKhauBanDau2026";
  let officerId: string;

  it("creates an officer of its own agency (argon2id hash, audit event) who can then sign in", async () => {
    const { userId: adminId } = await signInHcmAdmin();
    const r = await viaSession(createOfficer, {
      fullName: "  Võ Thị Thu Hà ",
      email: `  ${email.toUpperCase()} `,
      role: "OFFICER",
      password,
      passwordConfirm: password,
    });
    expect(r).toMatchObject({ ok: true, data: { fullName: "Võ Thị Thu Hà" } });
    if (!r.ok) return;
    officerId = r.data.officerId;

    const row = await db.user.findUniqueOrThrow({ where: { id: officerId } });
    expect(row).toMatchObject({ role: "OFFICER", fullName: "Võ Thị Thu Hà", email, agencyId: hcmId, disabledAt: null, cccd: null });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row.passwordHash).not.toContain(password);

    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "officer.create", entityId: officerId, actorId: adminId, outcome: "ok" },
    });
    expect(audit.details).toEqual({ email, role: "OFFICER", agencyId: hcmId });
    expect(JSON.stringify(audit.details)).not.toContain(password);

    const listed = await listOfficers(await me());
    expect(listed.find((o) => o.id === officerId)).toMatchObject({ email, role: "OFFICER", disabledAt: null });
    expect(listed.some((o) => o.id === outsiderId)).toBe(false);
    expect(listed.every((o) => o.role === "OFFICER" || o.role === "AGENCY_ADMIN")).toBe(true);

    const signedIn = await signInWithPassword({ email, password }, meta());
    expect(signedIn).toMatchObject({ id: officerId, role: "OFFICER" });
    expect(await sessionUser(signedIn.sessionId)).toMatchObject({ id: officerId, agencyId: hcmId });
  });

  it("refuses an e-mail already in use, whatever its case, naming the field", async () => {
    await signInHcmAdmin();
    const before = await db.user.count();
    for (const taken of [email, email.toUpperCase(), "congdan@dichvucong.example"]) {
      const r = await viaSession(createOfficer, {
        fullName: "Người trùng thư",
        email: taken,
        role: "OFFICER",
        password,
        passwordConfirm: password,
      });
      expect(r).toMatchObject({ ok: false, code: "conflict", fieldErrors: { email: expect.stringMatching(/^Thư điện tử: /) } });
    }
    expect(await db.user.count()).toBe(before);
  });

  it("names every invalid field at once, and never creates a citizen or VPCP account", async () => {
    await signInHcmAdmin();
    const r = await viaSession(createOfficer, {
      fullName: " ",
      email: "khong-phai-thu",
      role: "VPCP_ADMIN",
      password: "ngan1",
      passwordConfirm: "khac",
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(Object.keys(r.fieldErrors).sort()).toEqual(["email", "fullName", "password", "passwordConfirm", "role"]);
    expect(r.fieldErrors.role).toMatch(/^Vai trò: /);
    expect(r.fieldErrors.password).toMatch(/^Mật khẩu ban đầu .*10 ký tự/);
    // Ten characters, but no digit.
    const letters = await viaSession(createOfficer, {
      fullName: "Chỉ có chữ",
      email: `chu.${run}@example.gov.vn`,
      role: "OFFICER",
      password: "chicochuthoi",
      passwordConfirm: "chicochuthoi",
    });
    expect(letters).toMatchObject({ ok: false, code: "invalid", fieldErrors: { password: expect.any(String) } });
  });

  it("disabling ends the officer's live session at once and refuses sign-in; enabling lets them back", async () => {
    const live = await signInWithPassword({ email, password }, meta());
    expect(await sessionUser(live.sessionId)).not.toBeNull();

    const { userId: adminId } = await signInHcmAdmin();
    const r = await viaSession(setOfficerDisabled, { officerId, disabled: "true" });
    expect(r).toEqual({ ok: true, data: { officerId, fullName: "Võ Thị Thu Hà", disabled: true } });
    expect(await sessionUser(live.sessionId)).toBeNull();
    // Not merely hidden by the disabled flag: every session row is revoked, in the same transaction.
    expect(await db.session.count({ where: { userId: officerId, revokedAt: null } })).toBe(0);
    expect((await db.user.findUniqueOrThrow({ where: { id: officerId } })).disabledAt).toBeInstanceOf(Date);
    await expect(signInWithPassword({ email, password }, meta())).rejects.toThrow(authText.disabled);
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "officer.setDisabled", entityId: officerId, actorId: adminId },
      orderBy: { id: "desc" },
    });
    expect(audit.details).toMatchObject({ disabled: true, revokedSessions: 2 });
    expect((await listOfficers(await me())).find((o) => o.id === officerId)?.disabledAt).toBeInstanceOf(Date);

    expect(await viaSession(setOfficerDisabled, { officerId, disabled: false })).toMatchObject({ ok: true, data: { disabled: false } });
    expect((await db.user.findUniqueOrThrow({ where: { id: officerId } })).disabledAt).toBeNull();
    // The old session stays ended; signing in again works.
    expect(await sessionUser(live.sessionId)).toBeNull();
    const again = await signInWithPassword({ email, password }, meta());
    expect(await sessionUser(again.sessionId)).toMatchObject({ id: officerId });
  });

  it("does not let the admin disable themselves", async () => {
    const { userId: adminId, sessionId } = await signInHcmAdmin();
    const r = await viaSession(setOfficerDisabled, { officerId: adminId, disabled: true });
    expect(r).toMatchObject({ ok: false, code: "invalid", fieldErrors: { officerId: expect.stringContaining("chính mình") } });
    expect((await db.user.findUniqueOrThrow({ where: { id: adminId } })).disabledAt).toBeNull();
    expect(await sessionUser(sessionId)).toMatchObject({ id: adminId });
  });

  it("reads another agency's officer, a citizen and an unknown id as not found, and changes nothing", async () => {
    await signInHcmAdmin();
    const citizen = await db.user.findUniqueOrThrow({ where: { email: "congdan@dichvucong.example" } });
    for (const id of [outsiderId, citizen.id, randomUUID()]) {
      expect(await viaSession(setOfficerDisabled, { officerId: id, disabled: true })).toMatchObject({ ok: false, code: "not_found" });
    }
    expect(await viaSession(setOfficerDisabled, { officerId: "khong-phai-ma", disabled: true })).toMatchObject({
      ok: false,
      code: "invalid",
    });
    const untouched = await db.user.findMany({ where: { id: { in: [outsiderId, citizen.id] } } });
    expect(untouched.map((u) => u.disabledAt)).toEqual([null, null]);
  });

  it("refuses a plain officer (forbidden, audited) and changes nothing", async () => {
    const { userId } = await signInHcmOfficer();
    const users = await db.user.count();
    const r1 = await viaSession(createOfficer, {
      fullName: "Không được tạo",
      email: `khong.duoc.${run}@example.gov.vn`,
      role: "AGENCY_ADMIN",
      password,
      passwordConfirm: password,
    });
    const r2 = await viaSession(setOfficerDisabled, { officerId, disabled: true });
    for (const r of [r1, r2]) expect(r).toMatchObject({ ok: false, code: "forbidden" });
    expect(await db.user.count()).toBe(users);
    expect((await db.user.findUniqueOrThrow({ where: { id: officerId } })).disabledAt).toBeNull();
    expect(
      await db.auditEvent.count({ where: { actorId: userId, action: "agency.manageOfficers", outcome: "denied" } }),
    ).toBeGreaterThanOrEqual(2);
    await expect(listOfficers(await me())).rejects.toThrow(authText.forbiddenTitle);
  });
});

describe("services by the HCMC agency admin", () => {
  const form = {
    version: 1,
    steps: [{ id: "a", title: "Nội dung", fields: [{ id: "noiDung", type: "textarea", label: "Nội dung", required: true }] }],
  };
  const channels: Channel[] = [
    { kind: "in_person", processingDays: 10, fees: [{ description: "Lệ phí", amount: 50_000 }] },
    {
      kind: "online",
      processingDays: 7,
      fees: [
        { description: "Lệ phí", amount: 40_000 },
        { description: "Bản sao thêm", amount: 5_000 },
      ],
    },
  ];
  let code: string;
  let name: string;

  beforeAll(async () => {
    // A service of HCMC made for this file (a procedure HCMC does not offer yet), with a form that asks for no papers.
    const procedure = await db.procedure.findFirstOrThrow({
      where: { services: { none: { agency: { identifier: HCM } } } },
      orderBy: { id: "asc" },
    });
    code = `${procedure.code}.${HCM}`;
    name = procedure.name;
    await db.service.upsert({
      where: { code },
      create: {
        code,
        procedureId: procedure.id,
        agencyId: hcmId,
        name,
        onlineLevel: 4,
        channels,
        formVersionId: await variantVersion(procedure.id, hcmId, form),
      },
      update: { onlineLevel: 4, channels, published: true },
    });
  });

  it("changes published, level, processing days and fee: settingsVersion goes up, a dossier filed earlier keeps its schedule", async () => {
    await signInCitizen();
    const filed = await viaSession(submitDossier, {
      serviceCode: code,
      idempotencyKey: randomUUID(),
      answers: { noiDung: "Đề nghị giải quyết" },
    });
    expect(filed.ok).toBe(true);
    if (!filed.ok) return;
    const dossierBefore = await db.dossier.findUniqueOrThrow({ where: { id: filed.data.dossierId } });
    expect(dossierBefore).toMatchObject({ processingDays: 7, feeAmount: 40_000 });

    const { userId: adminId } = await signInHcmAdmin();
    const before = await db.service.findUniqueOrThrow({ where: { code } });
    const catalogExpiry = () => db.nextCacheTag.findUnique({ where: { tag: "catalog" } }).then((t) => t?.revalidatedAt.getTime() ?? 0);
    const expiredBefore = await catalogExpiry();
    const r = await viaSession(updateAgencyService, {
      code,
      settingsVersion: String(before.settingsVersion),
      published: "false",
      onlineLevel: "3",
      processingDays: "12",
      feeAmount: "55.000",
    });
    expect(r).toEqual({ ok: true, data: { code, settingsVersion: before.settingsVersion + 1, changed: true } });
    // The change expired the cached catalog on every node (the shared cache's tag row, in the same transaction).
    const expiredAfter = await catalogExpiry();
    expect(expiredAfter).toBeGreaterThan(expiredBefore);

    const after = await db.service.findUniqueOrThrow({ where: { code } });
    expect(after).toMatchObject({ published: false, onlineLevel: 3, settingsVersion: before.settingsVersion + 1 });
    expect(after.channels).toEqual([
      channels[0],
      {
        kind: "online",
        processingDays: 12,
        fees: [
          { description: "Lệ phí", amount: 55_000 },
          { description: "Bản sao thêm", amount: 5_000 },
        ],
      },
    ]);
    // The case in flight keeps the schedule it was filed under.
    const dossierAfter = await db.dossier.findUniqueOrThrow({ where: { id: filed.data.dossierId } });
    expect(dossierAfter.processingDays).toBe(7);
    expect(dossierAfter.feeAmount).toBe(40_000);
    expect(dossierAfter.feeSnapshot).toEqual(dossierBefore.feeSnapshot);
    expect(dossierAfter.dueAt).toEqual(dossierBefore.dueAt);

    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "service.update", entityId: String(after.id), actorId: adminId },
      orderBy: { id: "desc" },
    });
    expect(audit.details).toMatchObject({
      before: { published: true, onlineLevel: 4, processingDays: 7, feeAmount: 40_000 },
      after: { published: false, onlineLevel: 3, processingDays: 12, feeAmount: 55_000 },
    });

    // Saving the same values changes nothing, not even the version.
    const same = await viaSession(updateAgencyService, {
      code,
      settingsVersion: after.settingsVersion,
      published: false,
      onlineLevel: 3,
      processingDays: 12,
      feeAmount: 55_000,
    });
    expect(same).toEqual({ ok: true, data: { code, settingsVersion: after.settingsVersion, changed: false } });
    expect((await db.service.findUniqueOrThrow({ where: { code } })).settingsVersion).toBe(after.settingsVersion);
    expect(await catalogExpiry()).toBe(expiredAfter);

    // The edit page shows the new settings.
    expect(await getAgencyService(await me(), code)).toMatchObject({
      published: false,
      onlineLevel: 3,
      processingDays: 12,
      feeAmount: 55_000,
      feeDescription: "Lệ phí",
    });
  });

  it("refuses a save made on a version someone else has since changed", async () => {
    await signInHcmAdmin();
    const s = await db.service.findUniqueOrThrow({ where: { code } });
    const r = await viaSession(updateAgencyService, {
      code,
      settingsVersion: s.settingsVersion - 1,
      published: true,
      onlineLevel: 4,
      processingDays: 5,
      feeAmount: 0,
    });
    expect(r).toMatchObject({ ok: false, code: "conflict" });
    expect(await db.service.findUniqueOrThrow({ where: { code } })).toEqual(s);
  });

  it("names every invalid field in Vietnamese", async () => {
    await signInHcmAdmin();
    const s = await db.service.findUniqueOrThrow({ where: { code } });
    for (const [processingDays, feeAmount] of [
      ["0", "-1"],
      ["366", "1,5"],
      ["abc", ""],
      ["7.5", "50.00"],
    ] as const) {
      const r = await viaSession(updateAgencyService, {
        code,
        settingsVersion: s.settingsVersion,
        published: "true",
        onlineLevel: "2",
        processingDays,
        feeAmount,
      });
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      expect(r.code).toBe("invalid");
      expect(r.fieldErrors.onlineLevel).toMatch(/^Mức độ dịch vụ công trực tuyến: /);
      expect(r.fieldErrors.processingDays).toMatch(/^Thời hạn giải quyết: .*1 đến 365/);
      expect(r.fieldErrors.feeAmount).toMatch(/^Lệ phí: /);
    }
    expect(await db.service.findUniqueOrThrow({ where: { code } })).toEqual(s);
  });

  it("lists only its agency's services, paged, found by name typed without diacritics", async () => {
    await signInHcmAdmin();
    const admin = await me();
    const all = await listAgencyServices(admin);
    expect(all.total).toBe(await db.service.count({ where: { agencyId: hcmId } }));
    expect(all.items.length).toBeGreaterThan(0);
    expect(all.items.every((s) => s.code.endsWith(`.${HCM}`))).toBe(true);
    const last = await listAgencyServices(admin, { page: all.pages + 5 });
    expect(last.page).toBe(all.pages);

    const folded = name
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/đ/g, "d")
      .replace(/Đ/g, "D")
      .toUpperCase();
    const found = await listAgencyServices(admin, { q: folded.slice(0, 40) });
    expect(found.items.map((s) => s.code)).toContain(code);
    expect(found.items.find((s) => s.code === code)).toMatchObject({ published: false, processingDays: 12, feeAmount: 55_000 });
    expect((await listAgencyServices(admin, { q: "%%%" })).total).toBe(0);
  });

  it("reads another agency's service as not found and changes nothing", async () => {
    await signInHcmAdmin();
    const foreign = await db.service.findFirstOrThrow({ where: { agencyId: otherAgencyId } });
    expect(await getAgencyService(await me(), foreign.code)).toBeNull();
    const r = await viaSession(updateAgencyService, {
      code: foreign.code,
      settingsVersion: foreign.settingsVersion,
      published: false,
      onlineLevel: 3,
      processingDays: 1,
      feeAmount: 0,
    });
    expect(r).toMatchObject({ ok: false, code: "not_found" });
    expect(await db.service.findUniqueOrThrow({ where: { id: foreign.id } })).toEqual(foreign);
    expect((await listAgencyServices(await me(), { q: foreign.name })).items.some((s) => s.id === foreign.id)).toBe(false);
  });

  it("refuses a plain officer (forbidden) and changes nothing", async () => {
    const { userId } = await signInHcmOfficer();
    const s = await db.service.findUniqueOrThrow({ where: { code } });
    const r = await viaSession(updateAgencyService, {
      code,
      settingsVersion: s.settingsVersion,
      published: true,
      onlineLevel: 4,
      processingDays: 3,
      feeAmount: 0,
    });
    expect(r).toMatchObject({ ok: false, code: "forbidden" });
    expect(await db.service.findUniqueOrThrow({ where: { code } })).toEqual(s);
    expect(
      await db.auditEvent.count({ where: { actorId: userId, action: "agency.manageServices", outcome: "denied" } }),
    ).toBeGreaterThanOrEqual(1);
    await expect(listAgencyServices(await me())).rejects.toThrow(authText.forbiddenTitle);
    await expect(getAgencyService(await me(), code)).rejects.toThrow(authText.forbiddenTitle);
  });
});
