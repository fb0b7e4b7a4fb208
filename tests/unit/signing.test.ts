// Results people can trust: a result document signed with PAdES (ETSI.CAdES.detached) verifies, and every way
// of breaking it is named by its code: one altered byte, a signature by a CA the portal does not trust, an
// unsigned PDF, garbage. Also the production start's refusal of missing or demo key material.
import { generateKeyPairSync, X509Certificate } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import forge from "node-forge";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { PDFDocument } from "pdf-lib";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { composeResultDocument, type ResultDocumentData } from "@/lib/pdf/result";
import { cadesDetached, type SigningIdentity } from "@/lib/signing/cms";
import { productionSigningProblems } from "@/lib/signing/config";
import { createDemoRoot, issueAgencyP12, type CaMaterial } from "@/lib/signing/demo-ca";
import { children, readTlv } from "@/lib/signing/der";
import { identityFromP12 } from "@/lib/signing/p12";
import { signPdfDocument, SigningFailed } from "@/lib/signing/sign";
import { maskDossierCode, newVerificationCode, normalizeVerificationCode, verificationCodeHash } from "@/lib/signing/verification-code";
import { parsePdfDate, verifySignedPdf } from "@/lib/signing/verify";

// Making certificate authorities and PKCS#12 bundles with node-forge (pure JavaScript) takes seconds on a busy
// two-core machine.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

const AGENCY = { name: "Ủy ban nhân dân Thành phố Hồ Chí Minh", identifier: "000.00.00.H29" };
const SIGNED_AT = new Date("2026-12-07T03:15:00Z");

const document = (): ResultDocumentData => ({
  agencyName: AGENCY.name,
  documentNumber: "125/QĐ-UBND",
  issuedAt: SIGNED_AT,
  dossierCode: "000.00.00.H29-261207-0001",
  applicantName: "Nguyễn Thị Minh Anh",
  serviceName: "Đăng ký khai sinh",
  resultTitle: "Giấy khai sinh (bản điện tử)",
  body: ["Đã đăng ký khai sinh cho Trần Minh Khôi."],
  signer: { position: "Chủ tịch", name: "Lê Văn Hùng" },
  signing: {
    signedAt: SIGNED_AT,
    verificationCode: "K7QM-3XHP-W2RD",
    verificationUrl: "https://dichvucong.example/xac-minh-ket-qua?ma=000.00.00.H29-261207-0001&xac-minh=K7QM-3XHP-W2RD",
  },
});

const claims = {
  name: AGENCY.name,
  reason: "Kết quả (hồ sơ) 000.00.00.H29-261207-0001",
  location: "Việt Nam",
  contactInfo: "x",
  signedAt: SIGNED_AT,
};

let portalCa: CaMaterial;
let roots: X509Certificate[];
let identity: SigningIdentity;
let signed: Buffer;

beforeAll(async () => {
  portalCa = createDemoRoot();
  roots = [new X509Certificate(portalCa.certPem)];
  identity = identityFromP12(issueAgencyP12(portalCa, AGENCY, "mat-khau"), "mat-khau");
  signed = (await signPdfDocument(await composeResultDocument(document()), identity, roots, claims)).bytes;
});

/** The signature's /ByteRange: [0, start, end, length]. */
function byteRange(pdf: Buffer): number[] {
  const m = [...pdf.toString("latin1").matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)].at(-1)!;
  return m.slice(1, 5).map(Number);
}

async function pdfText(bytes: Uint8Array): Promise<string> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  const chunks: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++)
    for (const item of (await (await pdf.getPage(n)).getTextContent()).items) if ("str" in item) chunks.push(item.str);
  await pdf.destroy();
  return chunks.join(" ").replace(/\s+/g, " ");
}

describe("a signed result document", () => {
  it("verifies as valid: PAdES SubFilter, the agency's certificate, the signing time", () => {
    const v = verifySignedPdf(signed, roots);
    expect(v.status).toBe("valid");
    expect(v.subFilter).toBe("ETSI.CAdES.detached");
    expect(v.signer).toMatchObject({ organization: AGENCY.name, organizationalUnit: AGENCY.identifier });
    expect(v.signedAt).toEqual(SIGNED_AT);
    // The byte range covers the whole file but the signature.
    const [a, b, c, d] = byteRange(signed);
    expect(a).toBe(0);
    expect(c! + d!).toBe(signed.length);
    expect(signed.subarray(b!, c!).toString("latin1")).toMatch(/^<[0-9a-f]+>$/);
  });

  it("carries CAdES signed attributes: content-type, message-digest, signing-certificate-v2 and no signing-time", () => {
    const [, b, c] = byteRange(signed);
    const cms = Buffer.from(signed.subarray(b! + 1, c! - 1).toString("latin1"), "hex");
    const hex = readTlv(cms).bytes.toString("hex");
    expect(hex).toContain(Buffer.from("060b2a864886f70d010910022f", "hex").toString("hex")); // 1.2.840.113549.1.9.16.2.47
    expect(hex).toContain("06092a864886f70d010904"); // messageDigest
    expect(hex).not.toContain("06092a864886f70d010905"); // signingTime
    expect(children(readTlv(cms)).length).toBe(2);
  });

  it("says it is signed, when, and how to verify it, on the page itself", async () => {
    const text = await pdfText(signed);
    expect(text).toContain("(Đã ký số)");
    expect(text).toContain("Mã xác minh: K7QM-3XHP-W2RD");
    expect(text).toContain(`Văn bản được ký số bởi ${AGENCY.name} lúc 10 giờ 15 phút, ngày 07/12/2026.`);
    expect(text).toContain("https://dichvucong.example/xac-minh-ket-qua");
  });

  it("claims no signature when rendered without signing", async () => {
    const { signing: _none, ...unsigned } = document();
    const text = await pdfText(await (await composeResultDocument(unsigned)).save());
    expect(text).not.toMatch(/ký số|ký điện tử|Mã xác minh/);
  });
});

describe("what verification refuses, by code", () => {
  it("one altered byte in the signed content, before or after the signature → altered", () => {
    const [, b, c] = byteRange(signed);
    for (const at of [Math.floor(b! / 2), c! + Math.floor((signed.length - c!) / 2)]) {
      const altered = Buffer.from(signed);
      altered[at] = altered[at]! ^ 0x01;
      expect(verifySignedPdf(altered, roots)).toMatchObject({ status: "altered" });
    }
  });

  it("one altered byte of the signature value → bad_signature", () => {
    const [, b, c] = byteRange(signed);
    const cms = readTlv(Buffer.from(signed.subarray(b! + 1, c! - 1).toString("latin1"), "hex"));
    // The RSA signature is the last element of the DER: change its last hex digit.
    const lastHex = b! + 1 + cms.bytes.length * 2 - 1;
    const altered = Buffer.from(signed);
    altered[lastHex] = altered[lastHex] === 0x30 ? 0x31 : 0x30;
    expect(verifySignedPdf(altered, roots).status).toBe("bad_signature");
  });

  it("bytes added after the signature (an incremental update) → altered", () => {
    const appended = Buffer.concat([signed, Buffer.from("\n1 0 obj\n<< >>\nendobj\n%%EOF\n")]);
    expect(verifySignedPdf(appended, roots)).toMatchObject({ status: "altered", detail: "byte_range" });
    expect(verifySignedPdf(signed.subarray(0, signed.length - 10), roots).status).toBe("altered");
  });

  it("a signature by a CA the portal does not trust → untrusted_chain", async () => {
    const stranger = createDemoRoot("Tổ chức lạ");
    const strangerRoots = [new X509Certificate(stranger.certPem)];
    const impostor = identityFromP12(issueAgencyP12(stranger, AGENCY, "x"), "x");
    const forged = await signPdfDocument(await composeResultDocument(document()), impostor, strangerRoots, claims);
    expect(verifySignedPdf(forged.bytes, strangerRoots).status).toBe("valid");
    expect(verifySignedPdf(forged.bytes, roots)).toMatchObject({ status: "untrusted_chain", detail: "no_path" });
  });

  it("a certificate expired at signing time → untrusted_chain, and the portal refuses to sign with it", async () => {
    const expired = identityFromP12(issueAgencyP12(portalCa, AGENCY, "x", { days: -2 }), "x");
    await expect(signPdfDocument(await composeResultDocument(document()), expired, roots, claims)).rejects.toBeInstanceOf(SigningFailed);
    const doc = await composeResultDocument(document());
    const { pdflibAddPlaceholder } = await import("@signpdf/placeholder-pdf-lib");
    const { SignPdf } = await import("@signpdf/signpdf");
    const { CadesSigner } = await import("@/lib/signing/cms");
    pdflibAddPlaceholder({
      pdfDoc: doc,
      reason: "r",
      contactInfo: "c",
      name: "n",
      location: "l",
      signingTime: SIGNED_AT,
      signatureLength: 12000,
      subFilter: "ETSI.CAdES.detached",
    });
    const bytes = await new SignPdf().sign(Buffer.from(await doc.save()), new CadesSigner(expired));
    expect(verifySignedPdf(bytes, roots)).toMatchObject({ status: "untrusted_chain", detail: "outside_validity" });
  });

  it("an unsigned PDF → not_signed", async () => {
    expect(verifySignedPdf(await (await composeResultDocument(document())).save(), roots).status).toBe("not_signed");
  });

  it("garbage → malformed, never an exception", () => {
    expect(verifySignedPdf(Buffer.from("not a pdf at all"), roots).status).toBe("malformed");
    expect(verifySignedPdf(new Uint8Array(0), roots).status).toBe("malformed");
    expect(verifySignedPdf(Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)), roots).status).toBe("malformed");
    // A PDF whose byte range is right but whose /Contents is hex that is no CMS.
    const n = (v: number) => String(v).padStart(10, "0");
    const head = (s: number, e: number, l: number) => `%PDF-1.7\n1 0 obj << /ByteRange [0 ${n(s)} ${n(e)} ${n(l)}] /Contents `;
    const tail = " >> endobj\n%%EOF\n";
    const start = head(0, 0, 0).length;
    const end = start + "<00ff00ff>".length;
    const fake = Buffer.from(head(start, end, tail.length) + "<00ff00ff>" + tail, "latin1");
    expect(fake.length).toBe(end + tail.length);
    expect(verifySignedPdf(fake, roots)).toMatchObject({ status: "malformed", detail: "cms" });
  });

  it("a signature with the CAdES attributes but over other bytes → altered", () => {
    const [, b, c] = byteRange(signed);
    const other = cadesDetached(Buffer.from("something else"), identity).toString("hex");
    const hexLength = c! - b! - 2;
    const swapped = Buffer.concat([signed.subarray(0, b! + 1), Buffer.from(other.padEnd(hexLength, "0")), signed.subarray(c! - 1)]);
    expect(verifySignedPdf(swapped, roots)).toMatchObject({ status: "altered", detail: "digest" });
  });
});

describe("PDF dates", () => {
  it("reads /M with a zone, Z, or no zone", () => {
    expect(parsePdfDate("D:20261207101500+07'00'")).toEqual(new Date("2026-12-07T03:15:00Z"));
    expect(parsePdfDate("D:20261207031500Z")).toEqual(new Date("2026-12-07T03:15:00Z"));
    expect(parsePdfDate("D:2026")).toEqual(new Date("2026-01-01T00:00:00Z"));
    expect(parsePdfDate("yesterday")).toBeUndefined();
  });
});

describe("verification codes", () => {
  it("are 12 characters of Crockford's base32, forgiving case, dashes and look-alikes", () => {
    const code = newVerificationCode();
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(normalizeVerificationCode(code.toLowerCase().replace(/-/g, " "))).toBe(code.replace(/-/g, ""));
    expect(normalizeVerificationCode("k7qm-3xhp-w2rd")).toBe("K7QM3XHPW2RD");
    expect(normalizeVerificationCode("O1IL-0000-0000")).toBe("011100000000");
    expect(normalizeVerificationCode("K7QM-3XHP-W2R")).toBeNull();
    expect(normalizeVerificationCode("K7QM-3XHP-W2RU")).toBeNull();
    expect(verificationCodeHash("k7qm 3xhp w2rd")).toBe(verificationCodeHash("K7QM-3XHP-W2RD"));
  });

  it("masks a dossier code for an anonymous reader", () => {
    expect(maskDossierCode("000.00.00.H29-261207-0042")).toBe("000.00.00.H29-2612••-••42");
    expect(maskDossierCode("garbage")).toBe("•••••••");
  });
});

describe("a production start", () => {
  const production = { NODE_ENV: "production" };
  let dir: string;
  let realRootPem: string;

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "signing-config-"));
    // A root that is not the demo CA's: what an operator's certificate authority would deliver.
    const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const key = forge.pki.privateKeyFromPem(privateKey.export({ type: "pkcs1", format: "pem" }).toString());
    const cert = forge.pki.createCertificate();
    cert.publicKey = forge.pki.publicKeyFromPem(publicKey.export({ type: "spki", format: "pem" }).toString());
    cert.serialNumber = "01";
    cert.validity.notBefore = new Date(Date.now() - 86_400_000);
    cert.validity.notAfter = new Date(Date.now() + 5 * 365 * 86_400_000);
    const subject = [
      { shortName: "CN", value: "Operator Root CA" },
      { shortName: "C", value: "VN" },
    ];
    cert.setSubject(subject);
    cert.setIssuer(subject);
    cert.setExtensions([
      { name: "basicConstraints", cA: true, critical: true },
      { name: "keyUsage", keyCertSign: true, critical: true },
    ]);
    cert.sign(key, forge.md.sha256.create());
    realRootPem = forge.pki.certificateToPem(cert);
    fs.writeFileSync(path.join(dir, "roots.pem"), realRootPem);
    fs.writeFileSync(path.join(dir, "demo-root.pem"), portalCa.certPem);
    fs.writeFileSync(path.join(dir, "demo.p12"), issueAgencyP12(portalCa, AGENCY, "secret-passphrase"));
    fs.writeFileSync(
      path.join(dir, "real.p12"),
      issueAgencyP12(
        { certPem: realRootPem, keyPem: privateKey.export({ type: "pkcs1", format: "pem" }).toString() },
        AGENCY,
        "secret-passphrase",
      ),
    );
  });

  it("refuses to start without signing keys, and says why", () => {
    expect(productionSigningProblems(production)).toEqual([expect.stringContaining("SIGNING_P12_PATH is not set")]);
    expect(productionSigningProblems({ ...production, PORTAL_ENV: "demo" })).toEqual([]);
  });

  it("refuses the demo certificate authority and a missing passphrase or roots", () => {
    const problems = productionSigningProblems({
      ...production,
      SIGNING_P12_PATH: path.join(dir, "demo.p12"),
      SIGNING_P12_PASSPHRASE: "secret-passphrase",
      SIGNING_TRUSTED_ROOTS: path.join(dir, "demo-root.pem"),
    });
    expect(problems.join("; ")).toMatch(/trusts the demo certificate authority/);
    expect(problems.join("; ")).toMatch(/holds a certificate of the demo certificate authority/);
    expect(productionSigningProblems({ ...production, SIGNING_P12_PATH: path.join(dir, "real.p12") })).toEqual(
      expect.arrayContaining([
        expect.stringContaining("SIGNING_P12_PASSPHRASE is not set"),
        expect.stringContaining("SIGNING_TRUSTED_ROOTS is not set"),
      ]),
    );
  });

  it("refuses a wrong passphrase and a certificate that does not chain to the roots", () => {
    const env = { ...production, SIGNING_P12_PATH: path.join(dir, "real.p12"), SIGNING_TRUSTED_ROOTS: path.join(dir, "roots.pem") };
    expect(productionSigningProblems({ ...env, SIGNING_P12_PASSPHRASE: "wrong" }).join()).toMatch(/cannot be opened/);
    fs.writeFileSync(path.join(dir, "other-roots.pem"), createDemoRoot("Khác").certPem);
    expect(
      productionSigningProblems({
        ...env,
        SIGNING_P12_PASSPHRASE: "secret-passphrase",
        SIGNING_TRUSTED_ROOTS: path.join(dir, "other-roots.pem"),
      }).join(),
    ).toMatch(/does not chain/);
  });

  it("starts with an operator's key that chains to the configured roots", () => {
    expect(
      productionSigningProblems({
        ...production,
        SIGNING_P12_PATH: path.join(dir, "real.p12"),
        SIGNING_P12_PASSPHRASE: "secret-passphrase",
        SIGNING_TRUSTED_ROOTS: path.join(dir, "roots.pem"),
      }),
    ).toEqual([]);
    expect(
      productionSigningProblems({
        ...production,
        SIGNING_P12_PATH: path.join(dir, "{agency}.p12"),
        SIGNING_P12_PASSPHRASE: "secret-passphrase",
        SIGNING_TRUSTED_ROOTS: path.join(dir, "roots.pem"),
      }),
    ).toEqual([]);
  });
});

it("PDFDocument stays loadable after signing (a reader opens it)", async () => {
  const doc = await PDFDocument.load(signed);
  expect(doc.getPageCount()).toBeGreaterThanOrEqual(1);
});
