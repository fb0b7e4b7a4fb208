// Filing through format-2 forms: the labels of what the citizen saw and the computed fee are stored with the
// dossier; a paper hidden by its condition is neither kept nor listed on the receipt.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { getCurrentUser } from "@/lib/auth/current-user";
import { viaSession } from "@/lib/auth/session-actor";
import { db } from "@/lib/db/client";
import { getOwnDossier } from "@/lib/dossiers/citizen";
import { receiptData } from "@/lib/dossiers/receipt";
import { submitDossier } from "@/lib/filing/submit";
import { FormDefinition } from "@/lib/forms/definition";
import { dossierAnswersView, filedFee } from "@/lib/forms/dossier-view";
import { PDF_BYTES, signInCitizen, uploadPaper, validAnswers } from "../support/filing";

const HCM = "000.00.00.H29";
const ADDRESS = { province: "79", district: "760", ward: "26734", street: "12 Lê Lợi" };

async function serviceOf(procedure: string) {
  const s = await db.service.findFirstOrThrow({
    where: { agency: { identifier: HCM }, procedure: { code: procedure } },
    include: { formVersion: true },
  });
  return { code: s.code, form: FormDefinition.parse(s.formVersion.definition) };
}

async function file(procedure: string, patch: Record<string, unknown>, papers: string[]) {
  const s = await serviceOf(procedure);
  const answers: Record<string, unknown> = { ...validAnswers(s.form), ...patch };
  for (const id of papers)
    answers[id] = (await uploadPaper({ serviceCode: s.code, fieldId: id, fileName: `${id}.pdf`, bytes: PDF_BYTES })).id;
  const r = await viaSession(submitDossier, { serviceCode: s.code, idempotencyKey: randomUUID(), answers });
  if (!r.ok) throw new Error(`${r.message} ${JSON.stringify(r.fieldErrors)}`);
  return {
    ...(await db.dossier.findUniqueOrThrow({ where: { code: r.data.code }, include: { attachments: true } })),
    answersSent: answers,
  };
}

describe("filing with format-2 forms", () => {
  beforeAll(async () => {
    await signInCitizen();
  });

  it("stores the labels the citizen saw and the computed fee (judicial record, normal applicant, 4 copies)", async () => {
    const d = await file(
      "2.000488",
      { doiTuong: "thuong", soBan: "4", diaChi: ADDRESS, thanNhan: [{ quanHe: "me", hoTen: "Trần Thị B", ngaySinh: "1960-01-01" }] },
      ["banChupCccd"],
    );
    const units = await db.adminUnit.findMany({ where: { code: { in: ["79", "760", "26734"] } } });
    const name = (c: string) => units.find((u) => u.code === c)!.name;
    expect(d.answerLabels).toMatchObject({
      danToc: "Kinh",
      "thanNhan.0.quanHe": "Mẹ",
      gioiTinh: "Nam",
      doiTuong: "Không thuộc đối tượng được miễn, giảm",
      diaChi: `12 Lê Lợi, ${name("26734")}, ${name("760")}, ${name("79")}`,
      banChupCccd: "banChupCccd.pdf",
    });
    expect(d.feeAmount).toBe(210000);
    expect(d.feeSnapshot).toMatchObject({
      total: 210000,
      computed: { total: 210000, lines: [{ id: "phi" }, { id: "phiThem", quantity: 2 }] },
    });
  });

  it("an exempt applicant owes 0 đ, and must submit the paper proving it", async () => {
    const s = await serviceOf("2.000488");
    const answers: Record<string, unknown> = { ...validAnswers(s.form), doiTuong: "nguoi-cao-tuoi" };
    answers.banChupCccd = (await uploadPaper({ serviceCode: s.code, fieldId: "banChupCccd", fileName: "c.pdf", bytes: PDF_BYTES })).id;
    const refused = await viaSession(submitDossier, { serviceCode: s.code, idempotencyKey: randomUUID(), answers });
    expect(refused).toMatchObject({
      ok: false,
      fieldErrors: { giayToMienGiam: "Giấy tờ chứng minh thuộc đối tượng được miễn, giảm phí: vui lòng tải lên tệp." },
    });
    const d = await file("2.000488", { doiTuong: "nguoi-cao-tuoi" }, ["banChupCccd", "giayToMienGiam"]);
    expect(d.feeAmount).toBe(0);
    expect(filedFee(d.feeSnapshot)).toMatchObject({ total: 0, base: 200000, exemption: { id: "mien" } });
  });

  it("a paper hidden by its condition is ignored and not listed on the receipt (marriage, never married before)", async () => {
    const d = await file("1.000894", { daKetHonTruocDay: "khong", khacNoiThuongTru: false, cuTruTrongNuoc: true }, [
      "giayToHonNhanTruoc",
      "toKhai",
    ]);
    expect(d.answers).not.toHaveProperty("giayToHonNhanTruoc");
    expect(d.attachments.map((a) => a.fieldId)).toEqual(["toKhai"]);
    expect(d.feeAmount).toBe(0);
    const own = (await getOwnDossier((await getCurrentUser())!, d.code))!;
    const view = await dossierAnswersView(own);
    const r = receiptData(own, view, filedFee(own.feeSnapshot));
    expect(r.papers.map((p) => p.name)).toEqual(["Tờ khai đăng ký kết hôn đã ký (nếu có)"]);
    expect(r.feeDetails?.join("\n")).toContain("Được miễn: đăng ký kết hôn của công dân Việt Nam cư trú ở trong nước.");
    expect(view.sections.flatMap((s) => s.rows).find((x) => x.path === "daKetHonTruocDay")).toMatchObject({ text: "Không" });
  });

  it("asks for the previous-marriage paper when the applicant answers yes, and refuses a groom under 20", async () => {
    const s = await serviceOf("1.000894");
    const answers = {
      ...validAnswers(s.form),
      daKetHonTruocDay: "co",
      khacNoiThuongTru: false,
      banGioiTinh: "nam",
      ngaySinh: "2010-01-01",
    };
    const r = await viaSession(submitDossier, { serviceCode: s.code, idempotencyKey: randomUUID(), answers });
    expect(r).toMatchObject({
      ok: false,
      fieldErrors: {
        giayToHonNhanTruoc: expect.stringContaining("vui lòng tải lên tệp"),
        ngaySinh: "Ngày, tháng, năm sinh người yêu cầu: người này chưa đủ 20 tuổi tính đến ngày nộp hồ sơ.",
      },
    });
  });

  it("an old dossier without stored labels reads in words from reference data", async () => {
    const d = await file("2.000488", { doiTuong: "thuong", soBan: "1" }, ["banChupCccd"]);
    await db.$executeRaw`UPDATE dossier SET answer_labels = NULL WHERE id = ${d.id}::uuid`;
    const own = (await getOwnDossier((await getCurrentUser())!, d.code))!;
    expect(own.answerLabels).toBeNull();
    const view = await dossierAnswersView(own);
    expect(view.labels).toMatchObject({ danToc: "Kinh", banChupCccd: "banChupCccd.pdf" });
    expect(view.papers.map((p) => p.fieldId)).toEqual(["banChupCccd"]);
  });
});
