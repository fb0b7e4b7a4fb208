// Verifying a signed PDF, with Node's crypto and the DER reader beside this file: the last signature's
// /ByteRange must cover the whole file but its /Contents; the digest of those bytes must equal the CMS
// messageDigest attribute; the signature over the signed attributes must verify with the signer's certificate
// (bound by signing-certificate-v2 when present, required under ETSI.CAdES.detached); and that certificate must
// chain to one of the trusted roots, every link valid at the signing time. The answer is a status code and
// facts, never a sentence: lib/i18n/vi/signing.ts words it.
import { createHash, verify as verifySignature, X509Certificate } from "node:crypto";
import { children, context, decodeOid, DerError, expectTag, issuerAndSerial, OID, readTlv, TAG, type Tlv } from "./der";

export type VerifyStatus = "valid" | "not_signed" | "altered" | "bad_signature" | "untrusted_chain" | "malformed";

export interface SignerFacts {
  /** The subject as printed by OpenSSL, one attribute a line ("C=VN\nO=…\nCN=…"). */
  subject: string;
  commonName: string | null;
  organization: string | null;
  /** The agency identifier the portal's certificates carry here (QCVN 102), when present. */
  organizationalUnit: string | null;
  issuer: string;
  issuerCommonName: string | null;
  /** Upper-case hex, as OpenSSL prints it. */
  serialNumber: string;
  /** SHA-256 of the certificate, lower-case hex without colons. */
  fingerprint: string;
  validFrom: Date;
  validTo: Date;
}

export interface VerifyResult {
  status: VerifyStatus;
  /** Why, in a stable code, for the statuses that have several causes (e.g. "outside_validity"). */
  detail?: string;
  /** SHA-256 of the whole file, lower-case hex. */
  sha256: string;
  subFilter?: string;
  /** The claimed signing time: the signature dictionary's /M (PAdES puts no signing-time attribute in the CMS). */
  signedAt?: Date;
  signer?: SignerFacts;
}

const HASHES: Record<string, string> = { [OID.sha256]: "sha256", [OID.sha384]: "sha384", [OID.sha512]: "sha512" };
const SIGNATURE_ALGORITHMS = new Set<string>([
  OID.rsaEncryption,
  OID.sha256WithRSA,
  OID.sha384WithRSA,
  OID.sha512WithRSA,
  OID.ecdsaWithSha256,
  OID.ecdsaWithSha384,
  OID.ecdsaWithSha512,
]);
const BYTE_RANGE = /\/ByteRange\s*\[\s*(\d{1,15})\s+(\d{1,15})\s+(\d{1,15})\s+(\d{1,15})\s*\]/g;

function field(dn: string, key: string): string | null {
  const line = dn.split("\n").find((l) => l.startsWith(`${key}=`));
  return line ? line.slice(key.length + 1) : null;
}

function signerFacts(cert: X509Certificate): SignerFacts {
  return {
    subject: cert.subject,
    commonName: field(cert.subject, "CN"),
    organization: field(cert.subject, "O"),
    organizationalUnit: field(cert.subject, "OU"),
    issuer: cert.issuer,
    issuerCommonName: field(cert.issuer, "CN"),
    serialNumber: cert.serialNumber.toUpperCase(),
    fingerprint: cert.fingerprint256.replace(/:/g, "").toLowerCase(),
    validFrom: new Date(cert.validFrom),
    validTo: new Date(cert.validTo),
  };
}

const within = (cert: X509Certificate, at: Date): boolean =>
  new Date(cert.validFrom).getTime() <= at.getTime() && at.getTime() <= new Date(cert.validTo).getTime();

const issuedBy = (cert: X509Certificate, issuer: X509Certificate): boolean => {
  try {
    return !!cert.checkIssued(issuer) && cert.verify(issuer.publicKey);
  } catch {
    return false;
  }
};

/**
 * Whether `cert` chains to one of `roots` through `pool` (the certificates the signature carries), each link
 * valid at `at`: "ok", or why not ("outside_validity", "no_path").
 */
export function chainTo(
  cert: X509Certificate,
  pool: X509Certificate[],
  roots: X509Certificate[],
  at: Date,
): "ok" | "outside_validity" | "no_path" {
  let current = cert;
  for (let depth = 0; depth < 8; depth++) {
    if (!within(current, at)) return "outside_validity";
    if (roots.some((r) => r.fingerprint256 === current.fingerprint256)) return "ok";
    const root = roots.find((r) => issuedBy(current, r));
    if (root) return within(root, at) ? "ok" : "outside_validity";
    const next = pool.find((c) => c.ca && c.fingerprint256 !== current.fingerprint256 && issuedBy(current, c));
    if (!next) return "no_path";
    current = next;
  }
  return "no_path";
}

/** "D:20261207101500+07'00'" (or Z, or fewer fields) as an instant. */
export function parsePdfDate(s: string): Date | undefined {
  const m = /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(?:(Z)|([+-])(\d{2})'?(\d{2})?'?)?/.exec(s);
  if (!m) return undefined;
  const [, y, mo = "01", d = "01", h = "00", mi = "00", sec = "00", , sign, oh = "00", om = "00"] = m;
  const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(sec));
  const offset = sign ? (sign === "-" ? -1 : 1) * (Number(oh) * 60 + Number(om)) * 60_000 : 0;
  const date = new Date(utc - offset);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** The signature dictionary around the /Contents at [start, end): from its object header to its endobj. */
function signatureDictionary(text: string, start: number, end: number): string {
  const from = text.lastIndexOf(" obj", start);
  const to = text.indexOf("endobj", end);
  return text.slice(from < 0 ? Math.max(0, start - 4096) : from, to < 0 ? Math.min(text.length, end + 4096) : to);
}

interface SignerInfo {
  issuer: Buffer;
  serial: Buffer;
  digestAlgorithm: string;
  signedAttrs: Tlv;
  signatureAlgorithm: string;
  signature: Buffer;
}

function parseSignerInfo(t: Tlv): SignerInfo {
  const [, sid, digestAlg, ...rest] = children(expectTag(t, TAG.SEQUENCE, "SignerInfo"));
  const ias = children(expectTag(sid, TAG.SEQUENCE, "IssuerAndSerialNumber"));
  const signedAttrs = rest[0]?.tag === context(0) ? rest.shift()! : undefined;
  if (!signedAttrs) throw new DerError("no signed attributes");
  const [sigAlg, signature] = rest;
  return {
    issuer: expectTag(ias[0], TAG.SEQUENCE, "issuer").bytes,
    serial: expectTag(ias[1], TAG.INTEGER, "serial").bytes,
    digestAlgorithm: decodeOid(children(expectTag(digestAlg, TAG.SEQUENCE, "digest algorithm"))[0]!),
    signedAttrs,
    signatureAlgorithm: decodeOid(children(expectTag(sigAlg, TAG.SEQUENCE, "signature algorithm"))[0]!),
    signature: expectTag(signature, TAG.OCTET_STRING, "signature").content,
  };
}

/** The signed attributes by type: each attribute's single value. */
function attributes(signedAttrs: Tlv): Map<string, Tlv> {
  const out = new Map<string, Tlv>();
  for (const a of children(signedAttrs)) {
    const [type, values] = children(expectTag(a, TAG.SEQUENCE, "attribute"));
    const value = children(expectTag(values, TAG.SET, "attribute values"))[0];
    if (type && value) out.set(decodeOid(type), value);
  }
  return out;
}

/** Whether signing-certificate-v2 names `certDer` (its first ESSCertIDv2: hash, and issuer/serial when given). */
function bindsCertificate(attr: Tlv, certDer: Buffer): boolean {
  const first = children(children(expectTag(attr, TAG.SEQUENCE, "SigningCertificateV2"))[0]!)[0]!;
  const parts = children(expectTag(first, TAG.SEQUENCE, "ESSCertIDv2"));
  let hash = "sha256";
  if (parts[0]?.tag === TAG.SEQUENCE) hash = HASHES[decodeOid(children(parts.shift()!)[0]!)] ?? "unknown";
  if (hash === "unknown") return false;
  const certHash = expectTag(parts[0], TAG.OCTET_STRING, "certHash").content;
  if (!certHash.equals(createHash(hash).update(certDer).digest())) return false;
  const issuerSerial = parts[1];
  if (!issuerSerial) return true;
  const serial = children(issuerSerial)[1];
  return !!serial && serial.bytes.equals(issuerAndSerial(certDer).serial);
}

/** Verifies the last signature of a PDF against the trusted roots. Never throws: garbage is "malformed". */
export function verifySignedPdf(bytes: Uint8Array, trustedRoots: X509Certificate[], now = new Date()): VerifyResult {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const sha256 = createHash("sha256").update(buf).digest("hex");
  if (buf.length < 8 || buf.subarray(0, 5).toString("latin1") !== "%PDF-") return { status: "malformed", detail: "not_pdf", sha256 };
  const text = buf.toString("latin1");
  const ranges = [...text.matchAll(BYTE_RANGE)];
  const last = ranges.at(-1);
  if (!last) return { status: "not_signed", sha256 };
  const [r0, start, r2, r3] = last.slice(1, 5).map(Number) as [number, number, number, number];

  // The signed bytes are everything but the <hex> of /Contents: nothing may be left out, nothing added after.
  if (r0 !== 0 || start <= 0 || r2 <= start || r2 > buf.length) return { status: "altered", detail: "byte_range", sha256 };
  if (r2 + r3 !== buf.length) return { status: "altered", detail: "byte_range", sha256 };
  const contents = text.slice(start, r2);
  if (!/^<[0-9A-Fa-f]*>$/.test(contents) || (last.index >= start && last.index < r2))
    return { status: "altered", detail: "contents", sha256 };
  const dict = signatureDictionary(text, start, r2);
  const subFilter = /\/SubFilter\s*\/([A-Za-z0-9.]+)/.exec(dict)?.[1];
  const claimed = /\/M\s*\((D:[^)]{4,40})\)/.exec(dict)?.[1];
  const signedAt = claimed ? parsePdfDate(claimed) : undefined;

  try {
    const cms = Buffer.from(contents.slice(1, -1), "hex");
    const contentInfo = children(expectTag(readTlv(cms), TAG.SEQUENCE, "ContentInfo"));
    if (decodeOid(contentInfo[0]!) !== OID.signedData) throw new DerError("not SignedData");
    const signedData = children(expectTag(children(expectTag(contentInfo[1], context(0), "[0] content"))[0], TAG.SEQUENCE, "SignedData"));
    const encap = children(expectTag(signedData[2], TAG.SEQUENCE, "EncapsulatedContentInfo"));
    if (encap.length > 1) throw new DerError("not detached");
    const certs = signedData.find((t) => t.tag === context(0));
    const pool = certs ? children(certs).map((c) => new X509Certificate(c.bytes)) : [];
    const signerInfos = children(expectTag(signedData.at(-1), TAG.SET, "SignerInfos"));
    if (signerInfos.length !== 1) throw new DerError("one signer expected");
    const si = parseSignerInfo(signerInfos[0]!);
    const attrs = attributes(si.signedAttrs);
    const hash = HASHES[si.digestAlgorithm];
    const messageDigest = attrs.get(OID.messageDigest);
    if (!hash || !messageDigest || !SIGNATURE_ALGORITHMS.has(si.signatureAlgorithm)) throw new DerError("unsupported signature");
    const contentType = attrs.get(OID.contentType);
    if (!contentType || decodeOid(contentType) !== OID.data) throw new DerError("content type is not data");

    const signer = pool.find((c) => {
      const ias = issuerAndSerial(c.raw);
      return ias.issuer.equals(si.issuer) && ias.serial.equals(si.serial);
    });
    const facts = signer ? signerFacts(signer) : undefined;
    const base = { sha256, subFilter, signedAt, signer: facts };

    const digest = createHash(hash).update(buf.subarray(0, start)).update(buf.subarray(r2)).digest();
    if (!digest.equals(expectTag(messageDigest, TAG.OCTET_STRING, "messageDigest").content))
      return { ...base, status: "altered", detail: "digest" };
    if (!signer) return { ...base, status: "bad_signature", detail: "signer_certificate_missing" };

    // The signature covers the attributes as a SET OF: the [0] IMPLICIT tag becomes SET, the rest is unchanged.
    const signedSet = Buffer.concat([Buffer.from([TAG.SET]), si.signedAttrs.bytes.subarray(1)]);
    let ok = false;
    try {
      ok = verifySignature(hash, signedSet, signer.publicKey, si.signature);
    } catch {
      ok = false;
    }
    if (!ok) return { ...base, status: "bad_signature", detail: "signature" };
    const essCert = attrs.get(OID.signingCertificateV2);
    if (essCert ? !bindsCertificate(essCert, signer.raw) : subFilter === "ETSI.CAdES.detached")
      return { ...base, status: "bad_signature", detail: "signing_certificate" };

    const chain = chainTo(signer, pool, trustedRoots, signedAt ?? now);
    if (chain !== "ok") return { ...base, status: "untrusted_chain", detail: chain };
    return { ...base, status: "valid" };
  } catch {
    // Whatever the bytes were (bad DER, a certificate OpenSSL cannot read, an unknown structure), they are not a
    // signature this portal can check.
    return { status: "malformed", detail: "cms", sha256, subFilter };
  }
}
