// Organisation accounts and filing for someone (issue 15): who may change an organisation, who sees the
// dossiers filed for it or on someone's behalf, and what the submission refuses.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { viaSession } from "@/lib/auth/session-actor";
import { db } from "@/lib/db/client";
import { getOwnDossier, listOwnDossiers, withdrawDossier } from "@/lib/dossiers/citizen";
import { findVisibleDossier, visibleDossiersSql } from "@/lib/dossiers/visibility";
import { submitDossier } from "@/lib/filing/submit";
import { addMember, createOrganisation, leaveOrganisation, removeMember, updateOrganisation } from "@/lib/organisations/organisations";
import { AUTHORISATION_FIELD, paperOwnerOf } from "@/lib/organisations/principal";
import { principalRows } from "@/lib/organisations/principal-view";
import { startPayment } from "@/lib/payments/payments";
import { PDF_BYTES, signInAs, uploadPaper, validAnswers } from "../support/filing";
import { serviceForm } from "../support/forms";

const PASSWORD = "ToChuc@Kiem2026";
const REP = "daidien.tochuc@example.vn";
const MEMBER = "thanhvien.tochuc@example.vn";
const OTHER = "thanhvien.khac@example.vn";
const REPRESENTED = "duocdaidien@example.vn";
const REPRESENTED_CCCD = "001190004321";
// Made-up, well-formed CCCDs (lib/identity/cccd.ts): adding a member takes both the e-mail and the CCCD.
const REP_CCCD = "001085001111";
const MEMBER_CCCD = "001190002222";
const OTHER_CCCD = "079088003333";
// Made-up, checksum-valid codes (lib/organisations/tax-code.ts).
const TAX_A = "0100109106";
const TAX_B = "0314409058";

async function currentUser() {
  const { getCurrentUser } = await import("@/lib/auth/current-user");
  const u = await getCurrentUser();
  if (!u) throw new Error("no signed-in user");
  return u;
}

const ids: Record<string, string> = {};
let orgA = "";
let orgB = "";
let businessService = "";
let individualService = "";

/** Files a dossier on `code` as the signed-in citizen, with a PDF for every paper of the form. */
async function file(code: string, principal: unknown, opts: { authorisation?: boolean } = {}) {
  const form = await serviceForm(code);
  const answers: Record<string, unknown> = validAnswers(form);
  for (const f of form.steps.flatMap((s) => s.fields).filter((f) => f.type === "file"))
    answers[f.id] = (await uploadPaper({ serviceCode: code, fieldId: f.id, fileName: "giay-to.pdf", bytes: PDF_BYTES })).id;
  if (opts.authorisation)
    await uploadPaper({ serviceCode: code, fieldId: AUTHORISATION_FIELD, fileName: "uy-quyen.pdf", bytes: PDF_BYTES });
  return viaSession(submitDossier, { serviceCode: code, idempotencyKey: randomUUID(), answers, principal });
}

beforeAll(async () => {
  const passwordHash = await hashPassword(PASSWORD);
  for (const [email, name, cccd] of [
    [REP, "Lê Văn Đại Diện", REP_CCCD],
    [MEMBER, "Trần Thị Thành Viên", MEMBER_CCCD],
    [OTHER, "Phạm Văn Khác", OTHER_CCCD],
    [REPRESENTED, "Hoàng Thị Được", REPRESENTED_CCCD],
  ] as const) {
    const u = await db.user.upsert({
      where: { email },
      update: {},
      create: { email, role: "CITIZEN", fullName: name, cccd, passwordHash },
      select: { id: true },
    });
    ids[email] = u.id;
  }
  const services = await db.service.findMany({
    where: { published: true, onlineLevel: { gte: 3 }, agency: { identifier: "000.00.00.H29" } },
    select: { code: true, procedure: { select: { applicants: true } } },
    orderBy: { code: "asc" },
  });
  businessService = services.find((s) => s.procedure.applicants.length === 1 && s.procedure.applicants[0] === "business")!.code;
  individualService = services.find((s) => s.procedure.applicants.length === 1 && s.procedure.applicants[0] === "individual")!.code;
});

describe("organisations", () => {
  it("refuses a malformed code, naming the field, and keeps the creator as representative", async () => {
    await signInAs(REP, PASSWORD);
    const bad = await viaSession(createOrganisation, {
      taxCode: "0100109107",
      name: "",
      address: "1 Tràng Tiền",
      legalRepresentative: "A",
    });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.fieldErrors.taxCode).toMatch(/chữ số kiểm tra/);
      expect(bad.fieldErrors.name).toMatch(/^Tên tổ chức/);
      expect(bad.fieldErrors.legalRepresentative).toMatch(/^Người đại diện theo pháp luật/);
    }
    const made = await viaSession(createOrganisation, {
      taxCode: TAX_A,
      name: "Công ty TNHH Thử Nghiệm A",
      address: "1 Tràng Tiền, Hoàn Kiếm, Hà Nội",
      legalRepresentative: "Lê Văn Đại Diện",
    });
    expect(made.ok).toBe(true);
    orgA = made.ok ? made.data.id : "";
    expect(await db.organisationMember.findMany({ where: { organisationId: orgA }, select: { userId: true, role: true } })).toEqual([
      { userId: ids[REP], role: "representative" },
    ]);
    expect(await db.auditEvent.count({ where: { action: "organisation.create", entityId: orgA } })).toBe(1);
    // The same code again: refused on the field.
    const again = await viaSession(createOrganisation, {
      taxCode: TAX_A,
      name: "Trùng",
      address: "2 Tràng Tiền",
      legalRepresentative: "Ai Đó",
    });
    expect(again.ok || again.reason).toBe("tax_code_taken");
  });

  it("the representative adds members by e-mail and CCCD together; the refusal tells nothing; members cannot change anything", async () => {
    await signInAs(REP, PASSWORD);
    // A malformed CCCD or e-mail: named on its field (nothing is looked up).
    const malformed = await viaSession(addMember, { organisationId: orgA, email: "khong-phai-thu", cccd: "12345" });
    expect(malformed.ok || Object.keys(malformed.fieldErrors).sort()).toEqual(["cccd", "email"]);
    // Every mismatch gets the same answer: unknown e-mail, unknown CCCD, e-mail and CCCD of two different people.
    const refusals = [];
    for (const [email, cccd] of [
      ["khong.co@example.vn", MEMBER_CCCD],
      [MEMBER, "001190009999"],
      [MEMBER, OTHER_CCCD],
    ])
      refusals.push(await viaSession(addMember, { organisationId: orgA, email, cccd }));
    for (const r of refusals) {
      expect(r).toMatchObject({
        ok: false,
        reason: "member_not_found",
        message: "Không tìm thấy tài khoản công dân khớp cả thư điện tử và số định danh cá nhân.",
        fieldErrors: {},
      });
    }
    // Both matching (the e-mail in any case, the CCCD with spaces): added, and the reply does not name them.
    const added = await viaSession(addMember, { organisationId: orgA, email: MEMBER.toUpperCase(), cccd: "001 190 002 222" });
    expect(added).toEqual({ ok: true, data: { added: true } });
    const twice = await viaSession(addMember, { organisationId: orgA, email: MEMBER, cccd: MEMBER_CCCD });
    expect(twice.ok || twice.reason).toBe("already_member");

    await signInAs(MEMBER, PASSWORD);
    const edit = await viaSession(updateOrganisation, {
      organisationId: orgA,
      name: "Đổi tên",
      address: "3 Tràng Tiền",
      legalRepresentative: "X Y",
    });
    expect(edit.ok || edit.reason).toBe("not_representative");
    const add = await viaSession(addMember, { organisationId: orgA, email: OTHER, cccd: OTHER_CCCD });
    expect(add.ok || add.reason).toBe("not_representative");

    // Another citizen's organisation, with its own member: a stranger to A gets "not found".
    await signInAs(OTHER, PASSWORD);
    const b = await viaSession(createOrganisation, {
      taxCode: TAX_B,
      name: "Công ty Cổ phần B",
      address: "5 Lê Lợi, TP. Hồ Chí Minh",
      legalRepresentative: "Phạm Văn Khác",
    });
    orgB = b.ok ? b.data.id : "";
    expect(orgB).not.toBe("");
    const stranger = await viaSession(removeMember, { organisationId: orgA, userId: ids[MEMBER] });
    expect(stranger.ok || stranger.reason).toBe("organisation_not_found");
  });

  it("an organisation keeps at least one representative", async () => {
    await signInAs(REP, PASSWORD);
    const leave = await viaSession(leaveOrganisation, { organisationId: orgA });
    expect(leave.ok || leave.reason).toBe("last_representative");
    const self = await viaSession(removeMember, { organisationId: orgA, userId: ids[REP] });
    expect(self.ok || self.reason).toBe("last_representative");
    expect(await db.organisationMember.count({ where: { organisationId: orgA } })).toBe(2);
    // A second representative, then the first may leave, and the second removes nobody they should not.
    expect(
      (await viaSession(addMember, { organisationId: orgA, email: REPRESENTED, cccd: REPRESENTED_CCCD, role: "representative" })).ok,
    ).toBe(true);
    expect((await viaSession(removeMember, { organisationId: orgA, userId: ids[REPRESENTED] })).ok).toBe(true);
    expect(
      await db.auditEvent.count({ where: { action: { in: ["organisation.addMember", "organisation.removeMember"] }, entityId: orgA } }),
    ).toBe(3);
  });
});

describe("adding members is limited", () => {
  it("per acting representative: after 20 attempts in the hour, refused whatever the pair", async () => {
    await signInAs(OTHER, PASSWORD);
    for (let i = 0; i < 20; i++) {
      const r = await viaSession(addMember, { organisationId: orgB, email: `doan.${i}@example.vn`, cccd: MEMBER_CCCD });
      expect(r.ok || r.reason).toBe("member_not_found");
    }
    const over = await viaSession(addMember, { organisationId: orgB, email: MEMBER, cccd: MEMBER_CCCD });
    expect(over).toMatchObject({ ok: false, code: "rate_limited" });
    expect(await db.organisationMember.count({ where: { organisationId: orgB, userId: ids[MEMBER] } })).toBe(0);
    // Another representative is not held back.
    await signInAs(REP, PASSWORD);
    const rep = await viaSession(addMember, { organisationId: orgA, email: "khong.co@example.vn", cccd: MEMBER_CCCD });
    expect(rep.ok || rep.reason).toBe("member_not_found");
  });
});

describe("filing for an organisation or on someone's behalf", () => {
  it("refuses a business-only procedure filed as oneself, and an organisation one is not a member of", async () => {
    await signInAs(MEMBER, PASSWORD);
    const asSelf = await file(businessService, { kind: "self" });
    expect(asSelf.ok || asSelf.reason).toBe("principal_not_allowed");
    const none = await file(businessService, undefined);
    expect(none.ok || none.reason).toBe("principal_not_allowed");
    const notMine = await file(businessService, { kind: "organisation", organisationId: orgB });
    expect(notMine.ok || notMine.reason).toBe("principal_not_member");
    const asOrgOnIndividual = await file(individualService, { kind: "organisation", organisationId: orgA });
    expect(asOrgOnIndividual.ok || asOrgOnIndividual.reason).toBe("principal_not_allowed");
  });

  it("a member files as the organisation: the other members see it, another organisation's member does not", async () => {
    await signInAs(MEMBER, PASSWORD);
    const filed = await file(businessService, { kind: "organisation", organisationId: orgA });
    if (!filed.ok) throw new Error(filed.message);
    const row = await db.dossier.findUniqueOrThrow({ where: { id: filed.data.dossierId } });
    expect(row).toMatchObject({
      organisationId: orgA,
      applicantId: ids[MEMBER],
      applicantName: "Công ty TNHH Thử Nghiệm A",
      representedCccd: null,
    });
    // Its papers belong in the organisation's document store.
    expect(paperOwnerOf(row)).toEqual({ organisationId: orgA });

    await signInAs(REP, PASSWORD);
    const rep = await currentUser();
    expect(await findVisibleDossier(rep, { code: filed.data.code })).toMatchObject({ access: "owner" });
    expect((await listOwnDossiers(rep)).map((d) => d.code)).toContain(filed.data.code);
    expect((await getOwnDossier(rep, filed.data.code))?.id).toBe(filed.data.dossierId);

    await signInAs(OTHER, PASSWORD);
    const other = await currentUser();
    expect(await findVisibleDossier(other, { code: filed.data.code })).toBeNull();
    expect(await getOwnDossier(other, filed.data.code)).toBeNull();
    expect(await db.$queryRaw`SELECT 1 FROM dossier d WHERE d.id = ${filed.data.dossierId}::uuid AND ${visibleDossiersSql(other)}`).toEqual(
      [],
    );

    // A member who leaves still sees what they filed themselves, as its applicant.
    await signInAs(MEMBER, PASSWORD);
    expect((await viaSession(leaveOrganisation, { organisationId: orgA })).ok).toBe(true);
    expect(await findVisibleDossier(await currentUser(), { code: filed.data.code })).toMatchObject({ access: "owner" }); // still the applicant
    await signInAs(REP, PASSWORD);
    expect((await viaSession(addMember, { organisationId: orgA, email: MEMBER, cccd: MEMBER_CCCD })).ok).toBe(true);
  });

  it("on someone's behalf: refused without the authorisation paper; seen by the represented person once verified", async () => {
    await signInAs(REP, PASSWORD);
    const principal = { kind: "behalf", name: "Hoàng Thị Được", cccd: REPRESENTED_CCCD };
    const noPaper = await file(individualService, principal);
    expect(noPaper.ok || noPaper.reason).toBe("authorisation_missing");
    const badCccd = await file(individualService, { ...principal, cccd: "12345" });
    expect(badCccd.ok || Object.keys(badCccd.fieldErrors)).toContain("principal.cccd");
    const filed = await file(individualService, principal, { authorisation: true });
    if (!filed.ok) throw new Error(filed.message);
    const row = await db.dossier.findUniqueOrThrow({ where: { id: filed.data.dossierId }, include: { attachments: true } });
    expect(row).toMatchObject({
      applicantId: ids[REP],
      representedCccd: REPRESENTED_CCCD,
      representedName: "Hoàng Thị Được",
      applicantName: "Hoàng Thị Được",
    });
    expect(row.attachments.map((a) => a.fieldId)).toContain(AUTHORISATION_FIELD);
    expect(paperOwnerOf(row)).toEqual({ userId: ids[REP] });

    // Same CCCD, identity not verified by the e-ID: not theirs to see.
    await db.user.update({ where: { id: ids[REPRESENTED] }, data: { identityVerifiedAt: null } });
    await signInAs(REPRESENTED, PASSWORD);
    expect(await findVisibleDossier(await currentUser(), { code: filed.data.code })).toBeNull();
    // Verified: they see it among their dossiers.
    await db.user.update({ where: { id: ids[REPRESENTED] }, data: { identityVerifiedAt: new Date() } });
    await signInAs(REPRESENTED, PASSWORD);
    const represented = await currentUser();
    expect(await findVisibleDossier(represented, { code: filed.data.code })).toMatchObject({ access: "represented" });
    expect((await listOwnDossiers(represented)).map((d) => d.code)).toContain(filed.data.code);
    expect(await getOwnDossier(represented, filed.data.code)).toMatchObject({ id: filed.data.dossierId, access: "represented" });
    expect(
      await db.$queryRaw`SELECT 1 AS one FROM dossier d WHERE d.id = ${filed.data.dossierId}::uuid AND ${visibleDossiersSql(represented)}`,
    ).toEqual([{ one: 1 }]);
    // ... but only to see it: as owner, and for every citizen action, it is not there.
    expect(await findVisibleDossier(represented, { code: filed.data.code }, { as: ["owner"] })).toBeNull();
    expect(
      await db.$queryRaw`SELECT 1 FROM dossier d WHERE d.id = ${filed.data.dossierId}::uuid AND ${visibleDossiersSql(represented, ["owner"])}`,
    ).toEqual([]);
    const withdraw = await viaSession(withdrawDossier, { code: filed.data.code, version: row.version, reason: "Không cần nữa" });
    expect(withdraw.ok || withdraw.reason).toBe("dossier_not_found");
    const pay = await viaSession(startPayment, { dossierId: filed.data.dossierId });
    expect(pay.ok || pay.reason).toBe("dossier_not_found");
    expect((await db.dossier.findUniqueOrThrow({ where: { id: filed.data.dossierId } })).version).toBe(row.version);
    // The receipt shows the represented person's CCCD masked; the officer's page asks for it in full.
    const rows = principalRows({ ...row, applicant: { fullName: "Lê Văn Đại Diện" }, organisation: null });
    expect(rows[0]!.value).toBe("Hoàng Thị Được (CCCD ••••••••4321)");
    expect(principalRows({ ...row, applicant: { fullName: "Lê Văn Đại Diện" }, organisation: null }, { fullCccd: true })[0]!.value).toBe(
      `Hoàng Thị Được (CCCD ${REPRESENTED_CCCD})`,
    );
    // Another citizen: not found.
    await signInAs(OTHER, PASSWORD);
    expect(await findVisibleDossier(await currentUser(), { code: filed.data.code })).toBeNull();
  });
});
