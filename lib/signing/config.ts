// Where the result-signing keys and the trusted roots come from, read from the environment at each use, and the
// refusal to serve production without real ones.
//
//   SIGNING_P12_PATH        the PKCS#12 bundle (key, certificate, issuers) that signs results; "{agency}" in the
//                           path is replaced by the issuing agency's identifier (one certificate per agency,
//                           e.g. /etc/portal/signing/{agency}.p12), otherwise one certificate signs for all
//   SIGNING_P12_PASSPHRASE  its passphrase
//   SIGNING_TRUSTED_ROOTS   a PEM file of the root certificate(s) results must chain to
//
// Without SIGNING_P12_PATH, outside production, the demo certificate authority (demo-ca.ts) is made once in
// .data/signing (gitignored, like the demo's other local data) and reused: a root, and one certificate per agency.
import fs from "node:fs";
import path from "node:path";
import { DEMO_CA_MARKER } from "./demo-ca";
import { certificatesFromPem, identityFromP12 } from "./p12";
import { chainTo } from "./verify";

type Env = Readonly<Record<string, string | undefined>>;

export interface SigningSettings {
  p12Path: string;
  passphrase: string;
  rootsPath: string;
}

export const AGENCY_PLACEHOLDER = "{agency}";

/** The configured key material, or null when the demo certificate authority stands in (never in production). */
export function configuredSigning(env: Env = process.env): SigningSettings | null {
  const p12Path = env.SIGNING_P12_PATH?.trim();
  if (!p12Path) return null;
  return { p12Path, passphrase: env.SIGNING_P12_PASSPHRASE ?? "", rootsPath: env.SIGNING_TRUSTED_ROOTS?.trim() ?? "" };
}

/** The demo certificate authority's folder. */
export function demoSigningDir(): string {
  return path.join(process.cwd(), ".data", "signing");
}

/**
 * Production is PORTAL_ENV=production, or NODE_ENV=production unless PORTAL_ENV names another stage (the demo
 * serves a production build with PORTAL_ENV=demo). The same rule as the payment configuration's.
 */
export function isProductionEnv(env: Env = process.env): boolean {
  if (env.PORTAL_ENV === "production") return true;
  return env.NODE_ENV === "production" && !["demo", "test", "development"].includes(env.PORTAL_ENV ?? "");
}

const isDemoCertificate = (subjectOrIssuer: string) => subjectOrIssuer.includes(DEMO_CA_MARKER);

const inside = (file: string, dir: string) => path.resolve(file).startsWith(path.resolve(dir) + path.sep);

/** Why this configuration must not serve production (empty when it may). */
export function productionSigningProblems(env: Env = process.env): string[] {
  if (!isProductionEnv(env)) return [];
  const s = configuredSigning(env);
  if (!s) return ["SIGNING_P12_PATH is not set: results would be signed by the demo certificate authority"];
  const problems: string[] = [];
  if (!s.passphrase) problems.push("SIGNING_P12_PASSPHRASE is not set");
  if (inside(s.p12Path, demoSigningDir())) problems.push("SIGNING_P12_PATH points into the demo certificate authority's folder");
  if (!s.rootsPath) return [...problems, "SIGNING_TRUSTED_ROOTS is not set: nothing could be verified"];
  let roots;
  try {
    roots = certificatesFromPem(fs.readFileSync(/*turbopackIgnore: true*/ s.rootsPath, "utf8"));
  } catch (err) {
    return [...problems, `SIGNING_TRUSTED_ROOTS cannot be read (${(err as Error).message})`];
  }
  if (roots.length === 0) return [...problems, "SIGNING_TRUSTED_ROOTS holds no certificate"];
  if (roots.some((r) => isDemoCertificate(r.subject))) problems.push("SIGNING_TRUSTED_ROOTS trusts the demo certificate authority");
  // With one certificate per agency the bundles are opened when each agency first signs (and checked then).
  if (s.p12Path.includes(AGENCY_PLACEHOLDER)) {
    const dir = path.dirname(s.p12Path);
    if (dir.includes(AGENCY_PLACEHOLDER) || !fs.existsSync(/*turbopackIgnore: true*/ dir))
      problems.push(`the folder of SIGNING_P12_PATH (${dir}) does not exist`);
    return problems;
  }
  try {
    const id = identityFromP12(fs.readFileSync(/*turbopackIgnore: true*/ s.p12Path), s.passphrase);
    if (isDemoCertificate(id.certificate.issuer) || isDemoCertificate(id.certificate.subject))
      problems.push("SIGNING_P12_PATH holds a certificate of the demo certificate authority");
    const chain = chainTo(id.certificate, id.chain, roots, new Date());
    if (chain !== "ok") problems.push(`the certificate of SIGNING_P12_PATH does not chain to SIGNING_TRUSTED_ROOTS today (${chain})`);
  } catch (err) {
    problems.push(`SIGNING_P12_PATH cannot be opened with SIGNING_P12_PASSPHRASE (${(err as Error).message})`);
  }
  return problems;
}
