// The CMS signature a PAdES baseline (B-B) PDF signature carries under SubFilter ETSI.CAdES.detached (ETSI EN
// 319 142-1): a detached SignedData over the PDF's byte ranges whose signed attributes are content-type,
// message-digest and the ESS signing-certificate-v2 (RFC 5035) binding the signer's certificate, and no
// signing-time attribute (the claimed time is the signature dictionary's /M).
//
// @signpdf/signer-p12 (3.3.0, the latest) cannot make this: it always adds signing-time and never
// signing-certificate-v2, so its signatures are adbe.pkcs7.detached-style whatever the SubFilter says. This
// Signer plugs into @signpdf/signpdf in its place.
import { createHash, sign, type KeyObject, type X509Certificate } from "node:crypto";
import { Signer } from "@signpdf/utils";
import { context, derNull, integer, issuerAndSerial, octetString, OID, oid, sequence, setOf, tlv } from "./der";

export interface SigningIdentity {
  privateKey: KeyObject;
  certificate: X509Certificate;
  /** Issuers up to (and possibly including) the root, carried in the signature so verifiers can build the chain. */
  chain: X509Certificate[];
}

const attribute = (type: string, value: Buffer): Buffer => sequence(oid(type), setOf(value));

function signatureAlgorithm(key: KeyObject): Buffer {
  if (key.asymmetricKeyType === "rsa") return sequence(oid(OID.sha256WithRSA), derNull());
  if (key.asymmetricKeyType === "ec") return sequence(oid(OID.ecdsaWithSha256));
  throw new Error(`unsupported signing key type: ${key.asymmetricKeyType}`);
}

/** ESSCertIDv2 with the default hash (SHA-256, so the algorithm is omitted) and the issuer and serial. */
function signingCertificateV2(certDer: Buffer): Buffer {
  const { issuer, serial } = issuerAndSerial(certDer);
  const certHash = createHash("sha256").update(certDer).digest();
  const issuerSerial = sequence(sequence(tlv(context(4), issuer)), serial);
  return sequence(sequence(sequence(octetString(certHash), issuerSerial)));
}

/** The DER ContentInfo of a detached CAdES SignedData over `content`. */
export function cadesDetached(content: Buffer, id: SigningIdentity): Buffer {
  const certDer = id.certificate.raw;
  const attrs = [
    attribute(OID.contentType, oid(OID.data)),
    attribute(OID.messageDigest, octetString(createHash("sha256").update(content).digest())),
    attribute(OID.signingCertificateV2, signingCertificateV2(certDer)),
  ];
  // The signature covers the attributes encoded as a SET OF; in SignerInfo they sit under [0] IMPLICIT.
  const signedSet = setOf(...attrs);
  const signature = sign("sha256", signedSet, id.privateKey);
  const { issuer, serial } = issuerAndSerial(certDer);
  const signerInfo = sequence(
    integer(Buffer.from([1])),
    sequence(issuer, serial),
    sequence(oid(OID.sha256)),
    Buffer.concat([Buffer.from([context(0)]), signedSet.subarray(1)]),
    signatureAlgorithm(id.privateKey),
    octetString(signature),
  );
  const certificates = [certDer, ...id.chain.map((c) => c.raw).filter((raw) => !raw.equals(certDer))];
  const signedData = sequence(
    integer(Buffer.from([1])),
    setOf(sequence(oid(OID.sha256))),
    sequence(oid(OID.data)),
    tlv(context(0), ...certificates),
    setOf(signerInfo),
  );
  return sequence(oid(OID.signedData), tlv(context(0), signedData));
}

/** A @signpdf Signer making the CAdES signature above. */
export class CadesSigner extends Signer {
  constructor(private readonly identity: SigningIdentity) {
    super();
  }

  async sign(pdfBuffer: Buffer): Promise<Buffer> {
    return cadesDetached(pdfBuffer, this.identity);
  }
}
