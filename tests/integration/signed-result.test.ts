// Results people can trust, through the officer's door: finishing a level-4 dossier stores a PAdES-signed
// result that verifies against the portal's trusted roots, with its signature facts; the public verification
// finds it by file or by codes and shows only what an anonymous reader may know; a result that cannot be
// signed is not issued.
import { randomUUID } from "node:crypto";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { afterEach, describe, expect, it } from "vitest";
import { viaSession } from "@/lib/auth/session-actor";
import { db } from "@/lib/db/client";
import { actOnDossier } from "@/lib/dossiers/officer";
import { fileStorage } from "@/lib/files/storage";
import { submitDossier } from "@/lib/filing/submit";
import { signatureLabel } from "@/lib/i18n/vi/signing";
import { trustedRoots } from "@/lib/signing/keys";
import { resultSignatures, verifyResultCode, verifyResultFile } from "@/lib/signing/results";
import { verifySignedPdf } from "@/lib/signing/verify";
import { PDF_BYTES, signInAs, signInCitizen, uploadPaper, validAnswers } from "../support/filing";
import { serviceForm } from "../support/forms";

const HCM = "000.00.00.H29";

async function fileDossier(): Promise<{ code: string; id: string }> {
  await signInCitizen();
  const s = await db.service.findFirstOrThrow({ where: { agency: { identifier: HCM }, onlineLevel: 4, procedure: { code: "1.004873" } } });
  const form = await serviceForm(s.code);
  const answers: Record<string, unknown> = validAnswers(form);
  for (const f of form.steps.flatMap((st) => st.fields).filter((f) => f.type === "file"))
    answers[f.id] = (await uploadPaper({ serviceCode: s.code, fieldId: f.id, fileName: "giay-to.pdf", bytes: PDF_BYTES })).id;
  const r = await viaSession(submitDossier, { serviceCode: s.code, idempotencyKey: randomUUID(), answers });
  if (!r.ok) throw new Error(`${r.message} ${JSON.stringify(r.fieldErrors)}`);
  return { code: r.data.code, id: r.data.dossierId };
}

const RESULT = {
  documentNumber: "125/QĐ-UBND",
  title: "Giấy khai sinh (bản điện tử)",
  body: "Đã đăng ký khai sinh cho Trần Minh Khôi.",
  signerPosition: "Chủ tịch",
  signerName: "Lê Văn Hùng",
};

/** Files a dossier and takes it, as the HCMC officer, to "processing"; returns it with its version. */
async function processingDossier() {
  const d = await fileDossier();
  await signInAs("canbo.hcm@dichvucong.example", "CanBo@2026");
  for (const [version, action] of [
    [1, "receive"],
    [2, "startProcessing"],
  ] as const) {
    const r = await viaSession(actOnDossier, { code: d.code, version, action });
    expect(r.ok).toBe(true);
  }
  return { ...d, version: 3 };
}

async function finished() {
  const d = await processingDossier();
  const r = await viaSession(actOnDossier, { code: d.code, version: d.version, action: "finish", result: RESULT });
  if (!r.ok) throw new Error(r.message);
  const attachment = await db.attachment.findFirstOrThrow({ where: { dossierId: d.id, purpose: "result" }, include: { signature: true } });
  const bytes = await fileStorage().get(attachment.storageKey);
  return { ...d, attachment, bytes };
}

async function pdfText(bytes: Uint8Array): Promise<string> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  const chunks: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++)
    for (const item of (await (await pdf.getPage(n)).getTextContent()).items) if ("str" in item) chunks.push(item.str);
  await pdf.destroy();
  return chunks.join(" ").replace(/\s+/g, " ");
}

describe("finishing a level-4 dossier signs its result", () => {
  it("stores a PAdES-signed PDF that verifies, with its signature facts, and the history names the signer's certificate", async () => {
    const { id, attachment, bytes } = await finished();
    const v = verifySignedPdf(bytes, trustedRoots());
    expect(v.status).toBe("valid");
    expect(v.subFilter).toBe("ETSI.CAdES.detached");
    const agency = await db.agency.findUniqueOrThrow({ where: { identifier: HCM } });
    expect(v.signer).toMatchObject({ organization: agency.name, organizationalUnit: HCM });
    expect(attachment.sha256).toBe(v.sha256);
    expect(attachment.signature).toMatchObject({
      agencyId: agency.id,
      documentNumber: RESULT.documentNumber,
      documentSha256: v.sha256,
      signerSerial: v.signer!.serialNumber,
      signerFingerprint: v.signer!.fingerprint,
      signedAt: v.signedAt,
    });
    const finish = await db.dossierEvent.findFirstOrThrow({ where: { dossierId: id, action: "finish" } });
    expect(finish.data).toMatchObject({ result: { attachmentId: attachment.id, signerFingerprint: v.signer!.fingerprint } });
    // "ký số" beside the result only because a signature is recorded.
    const sigs = await resultSignatures([attachment.id, randomUUID()]);
    expect(sigs.size).toBe(1);
    expect(signatureLabel(sigs.get(attachment.id))).toMatch(/^đã ký số bởi Ủy ban nhân dân .+, \d{2}:\d{2} \d{2}\/\d{2}\/\d{4}$/);
    expect(signatureLabel(undefined)).toBe("không có chữ ký số");
  });
});

describe("the public verification", () => {
  it("recognises the issued file, rejects an altered copy, and shows only what an anonymous reader may know", async () => {
    const { code, bytes } = await finished();
    const ok = await verifyResultFile(bytes);
    expect(ok).toMatchObject({ ok: true, data: { via: "file", status: "valid" } });
    const data = ok.ok ? ok.data : null;
    expect(data?.record).toMatchObject({ agencyIdentifier: HCM, documentNumber: RESULT.documentNumber });
    expect(data?.record?.dossierCode).not.toBe(code);
    expect(data?.record?.dossierCode).toMatch(/^000\.00\.00\.H29-\d{4}••-•+\d{2}$/);
    expect(JSON.stringify(data)).not.toMatch(/Nguyễn Thị Minh Anh|Trần Minh Khôi|Giấy khai sinh/);

    const altered = Buffer.from(bytes);
    altered[1000] = altered[1000]! ^ 0x20;
    expect(await verifyResultFile(altered)).toMatchObject({ ok: true, data: { status: "altered", record: null } });
    expect(await verifyResultFile(PDF_BYTES)).toMatchObject({ ok: true, data: { status: "not_signed", record: null } });
  });

  it("refuses what is not a PDF, too big, or missing, naming the file field", async () => {
    expect(await verifyResultFile(new TextEncoder().encode("MZ not a pdf"))).toMatchObject({
      ok: false,
      code: "unsupported_media_type",
      fieldErrors: { tep: expect.stringContaining("không phải PDF") },
    });
    expect(await verifyResultFile("too_big")).toMatchObject({ ok: false, code: "too_large", fieldErrors: { tep: expect.any(String) } });
    expect(await verifyResultFile(null)).toMatchObject({ ok: false, code: "invalid", fieldErrors: { tep: expect.any(String) } });
  });

  it("finds a result by its dossier code and the verification code printed on it, and by nothing less", async () => {
    const { code, bytes } = await finished();
    const printed = /Mã xác minh: ([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})/.exec(await pdfText(bytes))?.[1];
    expect(printed).toBeTruthy();
    const found = await verifyResultCode({ ma: code.toLowerCase(), xacMinh: printed!.toLowerCase() });
    expect(found).toMatchObject({ ok: true, data: { via: "code", status: "valid", record: { documentNumber: RESULT.documentNumber } } });

    // A neighbour's code with this verification code, or this code with a guessed one: nothing.
    const seq = Number(code.slice(-4));
    const neighbour = `${code.slice(0, -4)}${String(seq === 1 ? 2 : seq - 1).padStart(4, "0")}`;
    expect(await verifyResultCode({ ma: neighbour, xacMinh: printed! })).toMatchObject({ ok: false, code: "not_found" });
    expect(await verifyResultCode({ ma: code, xacMinh: "0000-0000-0000" })).toMatchObject({ ok: false, code: "not_found" });
    // Garbage is a field error, not a 500.
    expect(await verifyResultCode({ ma: "%00\u0000", xacMinh: "x".repeat(40) })).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { ma: expect.any(String), xacMinh: expect.any(String) },
    });
  });
});

describe("a result that cannot be signed", () => {
  const saved = { ...process.env };
  afterEach(() => {
    for (const k of ["SIGNING_P12_PATH", "SIGNING_P12_PASSPHRASE", "SIGNING_TRUSTED_ROOTS"]) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
  });

  it("is not issued: the finish fails, nothing is stored and the dossier stays in processing", async () => {
    const d = await processingDossier();
    process.env.SIGNING_P12_PATH = "/nonexistent/{agency}.p12";
    process.env.SIGNING_P12_PASSPHRASE = "x";
    process.env.SIGNING_TRUSTED_ROOTS = "/nonexistent/roots.pem";
    const r = await viaSession(actOnDossier, { code: d.code, version: d.version, action: "finish", result: RESULT });
    expect(r).toMatchObject({ ok: false, code: "unexpected" });
    expect(await db.attachment.count({ where: { dossierId: d.id, purpose: "result" } })).toBe(0);
    expect((await db.dossier.findUniqueOrThrow({ where: { id: d.id } })).status).toBe(4);
  });
});
