// A certificate authority for the demo and the tests, made with node-forge: a root, and the signing certificates
// it issues to agencies, delivered as PKCS#12 like a real CA delivers them. Every root made here carries
// DEMO_CA_MARKER in its subject, so a production start recognises it and refuses it (lib/signing/config.ts).
import { generateKeyPairSync, randomBytes } from "node:crypto";
import forge from "node-forge";

/** The organisational unit of every root made here. */
export const DEMO_CA_MARKER = "DEMO - khong dung cho van ban that";

export interface CaMaterial {
  certPem: string;
  keyPem: string;
}

export interface AgencySubject {
  /** The agency's name, e.g. "Ủy ban nhân dân Thành phố Hồ Chí Minh". */
  name: string;
  /** Its QCVN 102 identifier, e.g. "000.00.00.H29". */
  identifier: string;
}

const DAY = 24 * 60 * 60 * 1000;

type Attr = { shortName: string; value: string; valueTagClass?: number };

/** UTF-8 strings for names (Vietnamese; forge encodes them), PrintableString for the country. */
function name(fields: { CN: string; O: string; OU?: string }): Attr[] {
  const utf8 = (shortName: string, value: string): Attr => ({ shortName, value, valueTagClass: forge.asn1.Type.UTF8 as number });
  return [{ shortName: "C", value: "VN" }, utf8("O", fields.O), ...(fields.OU ? [utf8("OU", fields.OU)] : []), utf8("CN", fields.CN)];
}

function newKeyPair(): { privateKey: forge.pki.rsa.PrivateKey; publicKey: forge.pki.rsa.PublicKey; keyPem: string } {
  // Node makes the key (forge's pure-JS generation takes seconds); forge only builds the certificates.
  const { privateKey, publicKey } = generateKeyPairSync("rsa", {
    modulusLength: 2048,
    privateKeyEncoding: { type: "pkcs1", format: "pem" },
    publicKeyEncoding: { type: "spki", format: "pem" },
  });
  return {
    privateKey: forge.pki.privateKeyFromPem(privateKey),
    publicKey: forge.pki.publicKeyFromPem(publicKey) as forge.pki.rsa.PublicKey,
    keyPem: privateKey,
  };
}

function newCertificate(publicKey: forge.pki.rsa.PublicKey, years: number, now: Date): forge.pki.Certificate {
  const cert = forge.pki.createCertificate();
  cert.publicKey = publicKey;
  // Positive (top bit clear) and random, as RFC 5280 asks.
  cert.serialNumber = `0${randomBytes(16).toString("hex").slice(1)}`;
  cert.validity.notBefore = new Date(now.getTime() - DAY);
  cert.validity.notAfter = new Date(now.getTime() + years * 365 * DAY);
  return cert;
}

/** A self-signed root. `label` names it (tests make several, to sign with one the portal does not trust). */
export function createDemoRoot(label = "Cổng Dịch vụ công Quốc gia", now = new Date()): CaMaterial {
  const keys = newKeyPair();
  const cert = newCertificate(keys.publicKey, 20, now);
  const subject = name({ CN: `${label} - CA thử nghiệm`, O: label, OU: DEMO_CA_MARKER });
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: "basicConstraints", cA: true, critical: true },
    { name: "keyUsage", keyCertSign: true, cRLSign: true, critical: true },
    { name: "subjectKeyIdentifier" },
  ]);
  cert.sign(keys.privateKey, forge.md.sha256.create());
  return { certPem: forge.pki.certificateToPem(cert), keyPem: keys.keyPem };
}

export interface IssueOptions {
  now?: Date;
  /** Validity in days from `now` (default three years); tests issue already-expired certificates with a negative one. */
  days?: number;
}

/** A signing certificate for an agency, issued by `ca`, with its key and the chain as PKCS#12 (AES-256). */
export function issueAgencyP12(ca: CaMaterial, agency: AgencySubject, passphrase: string, opts: IssueOptions = {}): Buffer {
  const now = opts.now ?? new Date();
  const caCert = forge.pki.certificateFromPem(ca.certPem);
  const caKey = forge.pki.privateKeyFromPem(ca.keyPem);
  const keys = newKeyPair();
  const cert = newCertificate(keys.publicKey, 3, now);
  if (opts.days !== undefined) {
    cert.validity.notBefore = new Date(now.getTime() + Math.min(0, opts.days) * DAY - DAY);
    cert.validity.notAfter = new Date(now.getTime() + opts.days * DAY);
  }
  cert.setSubject(name({ CN: agency.name, O: agency.name, OU: agency.identifier }));
  // forge reads UTF8String values as raw bytes but encodes them again when writing: decode them first, or the
  // issuer would not match the root's subject byte for byte.
  cert.setIssuer(
    caCert.subject.attributes.map((a) =>
      (a.valueTagClass as number) === (forge.asn1.Type.UTF8 as number) && typeof a.value === "string"
        ? { ...a, value: forge.util.decodeUtf8(a.value) }
        : a,
    ),
  );
  cert.setExtensions([
    { name: "basicConstraints", cA: false, critical: true },
    { name: "keyUsage", digitalSignature: true, nonRepudiation: true, critical: true },
    { name: "subjectKeyIdentifier" },
    { name: "authorityKeyIdentifier", keyIdentifier: caCert.generateSubjectKeyIdentifier().getBytes() },
  ]);
  cert.sign(caKey, forge.md.sha256.create());
  const p12 = forge.pkcs12.toPkcs12Asn1(keys.privateKey, [cert, caCert], passphrase, {
    algorithm: "aes256",
    friendlyName: agency.identifier,
  });
  return Buffer.from(forge.asn1.toDer(p12).getBytes(), "binary");
}
