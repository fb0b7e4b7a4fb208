// The agency registry over time, with a real case of the 2025 reorganisation: under Resolution 202/2025/QH15,
// from 1 July 2025 the province of Hà Giang is merged into Tuyên Quang. Documents addressed to Hà Giang's QCVN 102
// identifier after that date reach Tuyên Quang, both through the portal and through the API; documents sent
// before keep Hà Giang; dossiers filed to a Hà Giang service go to Tuyên Quang's service of the same procedure.
import { randomInt, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as apiSend } from "@/app/api/v1/van-ban/route";
import { beforeAfterCounts, currentSuccessor, predecessorsOf, serviceCodeAt } from "@/lib/agencies/succession";
import { listAgencies } from "@/lib/agencies/queries";
import { createAgency, registryRows, retireAgency, updateAgency } from "@/lib/agencies/registry-admin";
import { db } from "@/lib/db/client";
import { issueApiKey } from "@/lib/documents/api-keys";
import { sendDocument } from "@/lib/documents/send";
import type { EdDocument } from "@/lib/documents/schema";
import { submitDossier } from "@/lib/filing/submit";
import { PDF_BYTES, signInAs, signInCitizen, validAnswers, uploadPaper } from "../support/filing";
import { viaSession } from "@/lib/auth/session-actor";
import { serviceForm } from "../support/forms";

const VPCP = "000.00.00.G22";
const HA_GIANG = "000.00.00.H22";
const TUYEN_QUANG = "000.00.00.H60";
const EFFECTIVE = "2025-07-01";

const signInAdmin = () => signInAs("quantri@vpcp.example", "VanPhong@2026");

const draft = (recipients: string[]) => ({
  typeCode: "CV",
  subject: "V/v báo cáo tình hình kết nối Cổng Dịch vụ công quốc gia",
  signerPosition: "KT. BỘ TRƯỞNG, CHỦ NHIỆM – PHÓ CHỦ NHIỆM",
  signerName: "Nguyễn Văn Nên",
  recipients,
  messageId: randomUUID(),
});

function edDocument(to: string): EdDocument {
  return {
    from: { organId: VPCP, organName: "Văn phòng Chính phủ" },
    to: [{ organId: to, organName: "Ủy ban nhân dân tỉnh Hà Giang" }],
    code: { number: 900_000 + randomInt(90_000), notation: "VPCP-KSTT" },
    promulgation: { place: "Hà Nội", date: "2026-11-20" },
    documentType: { code: "CV", name: "Công văn" },
    subject: "V/v sắp xếp đơn vị hành chính cấp tỉnh",
    signer: { position: "BỘ TRƯỞNG, CHỦ NHIỆM", fullName: "Trần Văn Sơn" },
    priority: 0,
    secrecy: 0,
    trace: { businessType: 0 },
    messageId: randomUUID(),
    attachments: [],
  };
}

async function recipientsOf(documentKey: string) {
  const d = await db.document.findUniqueOrThrow({ where: { documentKey }, include: { recipients: { include: { agency: true } } } });
  return d.recipients.map((r) => r.agency.identifier);
}

// The test stages the merger itself, from the registry as it was before 1 July 2025 (the seed already retires
// Hà Giang, with its services unpublished, as of today).
async function restore() {
  await db.agency.updateMany({ where: { identifier: { in: [HA_GIANG, TUYEN_QUANG] } }, data: { validTo: null, successorId: null } });
  await db.service.updateMany({ where: { agency: { identifier: HA_GIANG } }, data: { published: true } });
  await db.agency.deleteMany({ where: { identifier: { in: ["000.00.00.H98", "000.00.00.H97"] } } });
}
beforeAll(restore);
afterAll(restore);

describe("merger of Hà Giang into Tuyên Quang (Resolution 202/2025/QH15, from 1 July 2025)", () => {
  let before = "";
  let vpcpKey = "";
  let haGiang: { id: number };
  let tuyenQuang: { id: number };

  beforeAll(async () => {
    haGiang = await db.agency.findUniqueOrThrow({ where: { identifier: HA_GIANG } });
    tuyenQuang = await db.agency.findUniqueOrThrow({ where: { identifier: TUYEN_QUANG } });
    const vpcp = await db.agency.findUniqueOrThrow({ where: { identifier: VPCP } });
    vpcpKey = (await issueApiKey(vpcp.id, "QLVB VPCP (sáp nhập)")).key;
  });

  it("a document sent before the merger is recorded is addressed to Hà Giang", async () => {
    await signInAdmin();
    const r = await viaSession(sendDocument, draft([HA_GIANG]));
    if (!r.ok) throw new Error(r.message);
    before = r.data.documentKey;
    expect(await recipientsOf(before)).toEqual([HA_GIANG]);
  });

  it("the VPCP admin records the merger; cycles and self-succession are refused", async () => {
    await signInAdmin();
    expect(await viaSession(retireAgency, { identifier: HA_GIANG, successor: HA_GIANG, effectiveDate: EFFECTIVE })).toMatchObject({
      ok: false,
      fieldErrors: { successor: expect.stringMatching(/^Cơ quan kế thừa: /) },
    });
    const r = await viaSession(retireAgency, {
      identifier: HA_GIANG,
      successor: TUYEN_QUANG,
      effectiveDate: EFFECTIVE,
      legalBasis: "Nghị quyết 202/2025/QH15",
    });
    expect(r).toEqual({ ok: true, data: { identifier: HA_GIANG, successor: TUYEN_QUANG, effectiveDate: EFFECTIVE } });
    const row = await db.agency.findUniqueOrThrow({ where: { identifier: HA_GIANG } });
    expect(row.validTo?.toISOString().slice(0, 10)).toBe(EFFECTIVE);
    expect(row.successorId).toBe(tuyenQuang.id);
    expect(await db.auditEvent.findFirst({ where: { action: "agency.retire", entityId: HA_GIANG, outcome: "ok" } })).not.toBeNull();
    // Tuyên Quang cannot now merge into Hà Giang: that would close a loop.
    const loop = await viaSession(retireAgency, { identifier: TUYEN_QUANG, successor: HA_GIANG, effectiveDate: "2026-01-01" });
    expect(loop).toMatchObject({ ok: false });
    expect((await db.agency.findUniqueOrThrow({ where: { identifier: TUYEN_QUANG } })).validTo).toBeNull();
    // Ending an agency twice is refused.
    expect(await viaSession(retireAgency, { identifier: HA_GIANG, effectiveDate: "2025-08-01" })).toMatchObject({
      ok: false,
      code: "conflict",
    });
  });

  it("the rule depends on the date: Hà Giang answers for itself before 1 July 2025, Tuyên Quang from that day", async () => {
    expect((await currentSuccessor(db, haGiang.id, new Date("2025-06-30T16:59:59Z")))?.identifier).toBe(HA_GIANG);
    // 1 July 2025 00:00 in Vietnam is 30 June 17:00 UTC.
    expect((await currentSuccessor(db, haGiang.id, new Date("2025-06-30T17:00:00Z")))?.identifier).toBe(TUYEN_QUANG);
    expect((await currentSuccessor(db, tuyenQuang.id, new Date()))?.identifier).toBe(TUYEN_QUANG);
  });

  it("after the effective date, a document to Hà Giang through the portal reaches Tuyên Quang; the old one keeps Hà Giang", async () => {
    await signInAdmin();
    const r = await viaSession(sendDocument, draft([HA_GIANG]));
    if (!r.ok) throw new Error(r.message);
    expect(await recipientsOf(r.data.documentKey)).toEqual([TUYEN_QUANG]);
    expect(await recipientsOf(before)).toEqual([HA_GIANG]);
    // Both addressed at once: one copy, to Tuyên Quang.
    const both = await viaSession(sendDocument, draft([HA_GIANG, TUYEN_QUANG]));
    if (!both.ok) throw new Error(both.message);
    expect(await recipientsOf(both.data.documentKey)).toEqual([TUYEN_QUANG]);
  });

  it("after the effective date, a document to Hà Giang through the API reaches Tuyên Quang", async () => {
    const doc = edDocument(HA_GIANG);
    const res = await apiSend(
      new Request("http://localhost/api/v1/van-ban", {
        method: "POST",
        headers: { authorization: `Bearer ${vpcpKey}`, "content-type": "application/json" },
        body: JSON.stringify(doc),
      }),
    );
    expect(res.status, await res.clone().text()).toBe(201);
    const { documentKey } = (await res.json()) as { documentKey: string };
    expect(await recipientsOf(documentKey)).toEqual([TUYEN_QUANG]);
    const copy = await db.documentRecipient.findFirstOrThrow({ where: { document: { documentKey } } });
    expect(copy.agencyId).toBe(tuyenQuang.id);
  });

  it("a chain A → B → C routes to C, and an agency retired without successor is refused with a clear message", async () => {
    await signInAdmin();
    for (const [identifier, name] of [
      ["000.00.00.H98", "Ủy ban nhân dân tỉnh Thử Nghiệm A"],
      ["000.00.00.H97", "Ủy ban nhân dân tỉnh Thử Nghiệm B"],
    ] as const) {
      expect(
        await viaSession(createAgency, {
          identifier,
          name,
          shortName: name.slice(22),
          kind: "PROVINCE",
          provinceCode: "99",
          validFrom: "2016-01-01",
        }),
      ).toMatchObject({ ok: true });
    }
    expect(
      await viaSession(retireAgency, { identifier: "000.00.00.H98", successor: "000.00.00.H97", effectiveDate: "2025-01-01" }),
    ).toMatchObject({
      ok: true,
    });
    expect(await viaSession(retireAgency, { identifier: "000.00.00.H97", successor: HA_GIANG, effectiveDate: "2025-03-01" })).toMatchObject(
      {
        ok: true,
      },
    );
    const a = await db.agency.findUniqueOrThrow({ where: { identifier: "000.00.00.H98" } });
    expect((await currentSuccessor(db, a.id, new Date()))?.identifier).toBe(TUYEN_QUANG);
    expect((await currentSuccessor(db, a.id, new Date("2025-02-01T00:00:00Z")))?.identifier).toBe("000.00.00.H97");
    const preds = await predecessorsOf(tuyenQuang.id);
    expect(preds.map((p) => [p.identifier, p.validTo, p.successorIdentifier, p.depth])).toEqual([
      ["000.00.00.H98", "2025-01-01", "000.00.00.H97", 3],
      ["000.00.00.H97", "2025-03-01", HA_GIANG, 2],
      [HA_GIANG, EFFECTIVE, TUYEN_QUANG, 1],
    ]);
    const r = await viaSession(sendDocument, draft(["000.00.00.H98"]));
    if (!r.ok) throw new Error(r.message);
    expect(await recipientsOf(r.data.documentKey)).toEqual([TUYEN_QUANG]);

    // A retired agency with no successor.
    await db.agency.update({ where: { identifier: "000.00.00.H98" }, data: { successorId: null } });
    const refused = await viaSession(sendDocument, draft(["000.00.00.H98"]));
    expect(refused).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: {
        recipients: expect.stringMatching(/^Nơi nhận: cơ quan .* đã thôi hoạt động từ ngày 01\/01\/2025 và không có cơ quan kế thừa/),
      },
    });
  });

  it("retired agencies are no longer offered in pickers; the registry lists them with their successor", async () => {
    const offered = (await listAgencies()).map((a) => a.identifier);
    expect(offered).toContain(TUYEN_QUANG);
    expect(offered).not.toContain(HA_GIANG);
    const rows = await registryRows();
    expect(rows.find((r) => r.identifier === HA_GIANG)).toMatchObject({
      retired: true,
      validTo: EFFECTIVE,
      successorIdentifier: TUYEN_QUANG,
    });
    expect(rows.find((r) => r.identifier === TUYEN_QUANG)).toMatchObject({ retired: false, predecessors: 1 });
  });

  it("a dossier filed to a Hà Giang service goes to Tuyên Quang's service of the same procedure", async () => {
    const service = await db.service.findFirstOrThrow({
      where: { agencyId: haGiang.id, published: true, onlineLevel: 4 },
      orderBy: { id: "asc" },
    });
    const form = await serviceForm(service.code);
    expect(await serviceCodeAt(db, service.code, new Date("2025-06-01T00:00:00Z"))).toBe(service.code);
    const theirs = await db.service.findUniqueOrThrow({
      where: { agencyId_procedureId: { agencyId: tuyenQuang.id, procedureId: service.procedureId } },
    });
    expect(await serviceCodeAt(db, service.code, new Date())).toBe(theirs.code);
    // The citizen started from Hà Giang's page: the papers sit in the draft of Hà Giang's service.
    await signInCitizen();
    const answers = validAnswers(form);
    for (const f of form.steps.flatMap((s) => s.fields).filter((f) => f.type === "file")) {
      answers[f.id] = (await uploadPaper({ serviceCode: service.code, fieldId: f.id, fileName: `${f.id}.pdf`, bytes: PDF_BYTES })).id;
    }
    const r = await viaSession(submitDossier, {
      serviceCode: service.code,
      idempotencyKey: `sapnhap-${randomUUID().slice(0, 8)}`,
      answers,
    });
    if (!r.ok) throw new Error(JSON.stringify(r));
    const dossier = await db.dossier.findUniqueOrThrow({ where: { id: r.data.dossierId }, include: { attachments: true } });
    expect(dossier.receivingAgencyId).toBe(tuyenQuang.id);
    expect(dossier.serviceId).toBe(theirs.id);
    expect(dossier.attachments.length).toBe(form.steps.flatMap((s) => s.fields).filter((f) => f.type === "file").length);
    // Without a matching service at the successor, the citizen is told so and nothing is filed.
    await db.service.update({ where: { id: theirs.id }, data: { published: false } });
    try {
      await signInCitizen();
      const count = await db.dossier.count();
      const r = await viaSession(submitDossier, {
        serviceCode: service.code,
        idempotencyKey: `sapnhap-${randomUUID().slice(0, 8)}`,
        answers,
      });
      expect(r).toMatchObject({
        ok: false,
        code: "invalid",
        message: expect.stringMatching(
          /Hà Giang đã thôi hoạt động từ ngày 01\/07\/2025; cơ quan kế thừa là Ủy ban nhân dân tỉnh Tuyên Quang, nhưng cơ quan này chưa cung cấp trực tuyến/,
        ),
      });
      expect(await db.dossier.count()).toBe(count);
    } finally {
      await db.service.update({ where: { id: theirs.id }, data: { published: true } });
    }
  });

  it("counts documents and dossiers of the successor and its predecessors before and after the effective date", async () => {
    const rows = await beforeAfterCounts(tuyenQuang.id, EFFECTIVE);
    const hg = rows.find((r) => r.identifier === HA_GIANG)!;
    const tq = rows.find((r) => r.identifier === TUYEN_QUANG)!;
    expect(rows[0]!.self).toBe(true);
    // Compare with the rows themselves.
    const pivot = new Date("2025-06-30T17:00:00Z");
    expect(hg.documentsReceivedAfter).toBe(
      await db.documentRecipient.count({ where: { agencyId: haGiang.id, arrivedAt: { gte: pivot } } }),
    );
    expect(hg.documentsReceivedAfter).toBeGreaterThanOrEqual(1);
    expect(tq.documentsReceivedAfter).toBe(
      await db.documentRecipient.count({ where: { agencyId: tuyenQuang.id, arrivedAt: { gte: pivot } } }),
    );
    expect(tq.documentsReceivedAfter).toBeGreaterThanOrEqual(4);
    expect(tq.dossiersAfter).toBe(await db.dossier.count({ where: { receivingAgencyId: tuyenQuang.id, submittedAt: { gte: pivot } } }));
  });

  it("refuses registry changes to citizens, officers and agency admins", async () => {
    for (const [email, password] of [
      ["congdan@dichvucong.example", "CongDan@2026"],
      ["canbo.hcm@dichvucong.example", "CanBo@2026"],
      ["quantri.hcm@dichvucong.example", "QuanTri@2026"],
    ] as const) {
      await signInAs(email, password);
      expect(await viaSession(retireAgency, { identifier: TUYEN_QUANG, effectiveDate: "2026-01-01" })).toMatchObject({
        ok: false,
        code: "forbidden",
      });
      expect(
        await viaSession(updateAgency, {
          identifier: TUYEN_QUANG,
          name: "Tên bị đổi",
          shortName: "X",
          kind: "PROVINCE",
          provinceCode: "08",
        }),
      ).toMatchObject({ ok: false, code: "forbidden" });
      expect(
        await viaSession(createAgency, {
          identifier: "000.00.00.H96",
          name: "Cơ quan thử",
          shortName: "Thử",
          kind: "PROVINCE",
          provinceCode: "96",
          validFrom: "2016-01-01",
        }),
      ).toMatchObject({
        ok: false,
        code: "forbidden",
      });
    }
    expect((await db.agency.findUniqueOrThrow({ where: { identifier: TUYEN_QUANG } })).validTo).toBeNull();
    expect(await db.agency.count({ where: { identifier: "000.00.00.H96" } })).toBe(0);
  });
});
