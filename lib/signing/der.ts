// A small DER reader and writer for the CMS structures of PDF signatures. Reading keeps each element's raw
// bytes, so the signed attributes are verified exactly as they were encoded (re-encoding a parsed tree, as
// general ASN.1 libraries do, can change the bytes). Only definite lengths and one-byte tags: what DER
// allows for CMS. Anything else is refused with a DerError, never read past the buffer.

export class DerError extends Error {}

export interface Tlv {
  /** The identifier octet: class, constructed bit and tag number (0x30 SEQUENCE, 0xa0 [0] …). */
  tag: number;
  /** The whole element: identifier, length and content. */
  bytes: Buffer;
  content: Buffer;
}

export const TAG = {
  INTEGER: 0x02,
  BIT_STRING: 0x03,
  OCTET_STRING: 0x04,
  NULL: 0x05,
  OID: 0x06,
  UTF8: 0x0c,
  PRINTABLE: 0x13,
  UTC_TIME: 0x17,
  GENERALIZED_TIME: 0x18,
  SEQUENCE: 0x30,
  SET: 0x31,
} as const;

/** The context-specific tag [n], constructed (explicit or constructed implicit) unless told otherwise. */
export const context = (n: number, constructed = true): number => 0x80 | (constructed ? 0x20 : 0) | n;

/** The element starting at `offset`. */
export function readTlv(buf: Buffer, offset = 0): Tlv {
  if (offset + 2 > buf.length) throw new DerError("truncated element");
  const tag = buf[offset]!;
  if ((tag & 0x1f) === 0x1f) throw new DerError("multi-byte tags are not used in CMS");
  let length = buf[offset + 1]!;
  let header = 2;
  if (length & 0x80) {
    const n = length & 0x7f;
    if (n === 0) throw new DerError("indefinite length is not DER");
    if (n > 4 || offset + 2 + n > buf.length) throw new DerError("bad length");
    length = 0;
    for (let i = 0; i < n; i++) length = length * 256 + buf[offset + 2 + i]!;
    header += n;
  }
  const end = offset + header + length;
  if (end > buf.length) throw new DerError("element runs past the end");
  return { tag, bytes: buf.subarray(offset, end), content: buf.subarray(offset + header, end) };
}

/** The elements inside a constructed element. */
export function children(t: Tlv): Tlv[] {
  if (!(t.tag & 0x20)) throw new DerError("not a constructed element");
  const out: Tlv[] = [];
  let offset = 0;
  while (offset < t.content.length) {
    const child = readTlv(t.content, offset);
    out.push(child);
    offset += child.bytes.length;
  }
  return out;
}

/** The element, which must carry `tag`. */
export function expectTag(t: Tlv | undefined, tag: number, what: string): Tlv {
  if (!t || t.tag !== tag) throw new DerError(`expected ${what}`);
  return t;
}

export function decodeOid(t: Tlv): string {
  expectTag(t, TAG.OID, "an object identifier");
  const b = t.content;
  if (b.length === 0) throw new DerError("empty object identifier");
  const parts: number[] = [];
  let value = 0;
  for (const byte of b) {
    value = value * 128 + (byte & 0x7f);
    if (value > Number.MAX_SAFE_INTEGER / 128) throw new DerError("object identifier arc too large");
    if (!(byte & 0x80)) {
      if (parts.length === 0) parts.push(value < 80 ? Math.floor(value / 40) : 2, value < 80 ? value % 40 : value - 80);
      else parts.push(value);
      value = 0;
    }
  }
  return parts.join(".");
}

// --- writing ---------------------------------------------------------------------------------------

function lengthBytes(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

export function tlv(tag: number, ...content: Buffer[]): Buffer {
  const body = Buffer.concat(content);
  return Buffer.concat([Buffer.from([tag]), lengthBytes(body.length), body]);
}

export const sequence = (...content: Buffer[]): Buffer => tlv(TAG.SEQUENCE, ...content);

/** A SET OF in DER order (elements sorted by their encodings). */
export const setOf = (...content: Buffer[]): Buffer => tlv(TAG.SET, ...[...content].sort(Buffer.compare));

export const octetString = (bytes: Buffer): Buffer => tlv(TAG.OCTET_STRING, bytes);

export const derNull = (): Buffer => Buffer.from([TAG.NULL, 0]);

/** A non-negative INTEGER from its big-endian magnitude (a leading zero is added when the top bit is set). */
export function integer(magnitude: Buffer): Buffer {
  let i = 0;
  while (i < magnitude.length - 1 && magnitude[i] === 0) i++;
  const trimmed = magnitude.subarray(i);
  return tlv(TAG.INTEGER, trimmed[0]! & 0x80 ? Buffer.concat([Buffer.from([0]), trimmed]) : trimmed);
}

export function oid(dotted: string): Buffer {
  const arcs = dotted.split(".").map(Number);
  const out: number[] = [];
  const push = (v: number) => {
    const bytes = [v & 0x7f];
    for (v = Math.floor(v / 128); v > 0; v = Math.floor(v / 128)) bytes.unshift((v & 0x7f) | 0x80);
    out.push(...bytes);
  };
  push(arcs[0]! * 40 + arcs[1]!);
  for (const arc of arcs.slice(2)) push(arc);
  return tlv(TAG.OID, Buffer.from(out));
}

/** Object identifiers of CMS (RFC 5652), ESS (RFC 5035) and the digest and signature algorithms used. */
export const OID = {
  data: "1.2.840.113549.1.7.1",
  signedData: "1.2.840.113549.1.7.2",
  contentType: "1.2.840.113549.1.9.3",
  messageDigest: "1.2.840.113549.1.9.4",
  signingCertificateV2: "1.2.840.113549.1.9.16.2.47",
  sha256: "2.16.840.1.101.3.4.2.1",
  sha384: "2.16.840.1.101.3.4.2.2",
  sha512: "2.16.840.1.101.3.4.2.3",
  rsaEncryption: "1.2.840.113549.1.1.1",
  sha256WithRSA: "1.2.840.113549.1.1.11",
  sha384WithRSA: "1.2.840.113549.1.1.12",
  sha512WithRSA: "1.2.840.113549.1.1.13",
  ecdsaWithSha256: "1.2.840.10045.4.3.2",
  ecdsaWithSha384: "1.2.840.10045.4.3.3",
  ecdsaWithSha512: "1.2.840.10045.4.3.4",
} as const;

/** The issuer Name and the serial number INTEGER of a certificate, as encoded in it (for IssuerAndSerialNumber). */
export function issuerAndSerial(certDer: Buffer): { issuer: Buffer; serial: Buffer } {
  const cert = expectTag(readTlv(certDer), TAG.SEQUENCE, "a certificate");
  const tbs = children(expectTag(children(cert)[0], TAG.SEQUENCE, "the certificate's body"));
  const i = tbs[0]?.tag === context(0) ? 1 : 0; // the optional version [0]
  const serial = expectTag(tbs[i], TAG.INTEGER, "the serial number");
  const issuer = expectTag(tbs[i + 2], TAG.SEQUENCE, "the issuer");
  return { issuer: issuer.bytes, serial: serial.bytes };
}
