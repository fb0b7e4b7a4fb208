// Reading key material: a PKCS#12 bundle (key, certificate and its issuers) and PEM bundles of trusted roots.
// node-forge opens PKCS#12 (Node has no reader for it); the result is handed to Node's crypto as a KeyObject and
// X509Certificates. forge reads RSA keys only, so the signing key must be RSA.
import { createPrivateKey, X509Certificate } from "node:crypto";
import forge from "node-forge";
import type { SigningIdentity } from "./cms";

const SHROUDED_KEY_BAG = forge.pki.oids.pkcs8ShroudedKeyBag!;
const KEY_BAG = forge.pki.oids.keyBag!;
const CERT_BAG = forge.pki.oids.certBag!;

const derOf = (cert: forge.pki.Certificate): Buffer =>
  Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), "binary");

/** The signing identity in a PKCS#12 bundle; throws when the passphrase is wrong or no certificate matches the key. */
export function identityFromP12(p12: Buffer, passphrase: string): SigningIdentity {
  const parsed = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(p12.toString("binary")), false, passphrase);
  const keyBag = parsed.getBags({ bagType: SHROUDED_KEY_BAG })[SHROUDED_KEY_BAG]?.[0] ?? parsed.getBags({ bagType: KEY_BAG })[KEY_BAG]?.[0];
  const key = keyBag?.key as forge.pki.rsa.PrivateKey | undefined;
  if (!key) throw new Error("the PKCS#12 bundle holds no RSA private key");
  const certs = (parsed.getBags({ bagType: CERT_BAG })[CERT_BAG] ?? []).flatMap((b) => (b.cert ? [b.cert] : []));
  const own = certs.find((c) => {
    const pub = c.publicKey as forge.pki.rsa.PublicKey;
    return pub.n?.equals(key.n) && pub.e?.equals(key.e);
  });
  if (!own) throw new Error("no certificate in the PKCS#12 bundle matches its private key");
  return {
    privateKey: createPrivateKey(forge.pki.privateKeyToPem(key)),
    certificate: new X509Certificate(derOf(own)),
    chain: certs.filter((c) => c !== own).map((c) => new X509Certificate(derOf(c))),
  };
}

/** Every certificate of a PEM bundle (one or more BEGIN CERTIFICATE blocks). */
export function certificatesFromPem(pem: string): X509Certificate[] {
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  return blocks.map((b) => new X509Certificate(b));
}
