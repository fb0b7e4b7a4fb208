// The signing identity of an agency and the trusted roots, from the configuration (config.ts) or, outside
// production, from the demo certificate authority kept in .data/signing. Each file is read once per process.
// The demo files are created with link(2), which fails when the name exists: processes that start together
// (the server, the seed, test workers) all end up with the one root and the one certificate per agency. The
// paths come from the configuration at run time, so the bundler is told not to trace them (turbopackIgnore).
import { randomUUID, type X509Certificate } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { SigningIdentity } from "./cms";
import { AGENCY_PLACEHOLDER, configuredSigning, demoSigningDir, isProductionEnv } from "./config";
import { createDemoRoot, issueAgencyP12, type AgencySubject, type CaMaterial } from "./demo-ca";
import { certificatesFromPem, identityFromP12 } from "./p12";
import { chainTo } from "./verify";

/** The demo bundles' passphrase: they live in the gitignored data folder and sign nothing real. */
const DEMO_PASSPHRASE = "demo-only";
const AGENCY_ID = /^[0-9A-Z.]{3,40}$/;

class SigningUnavailable extends Error {}

const identities = new Map<string, SigningIdentity>();
const rootSets = new Map<string, X509Certificate[]>();

/** Writes `bytes` to `file` unless it exists (then the existing one stays), and returns what the file holds. */
function createOnce(file: string, bytes: () => Buffer | string): Buffer {
  if (!fs.existsSync(/*turbopackIgnore: true*/ file)) {
    fs.mkdirSync(/*turbopackIgnore: true*/ path.dirname(file), { recursive: true, mode: 0o700 });
    const tmp = `${file}.${randomUUID()}.tmp`;
    fs.writeFileSync(/*turbopackIgnore: true*/ tmp, bytes(), { mode: 0o600, flag: "wx" });
    try {
      fs.linkSync(/*turbopackIgnore: true*/ tmp, file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    } finally {
      fs.rmSync(/*turbopackIgnore: true*/ tmp, { force: true });
    }
  }
  return fs.readFileSync(/*turbopackIgnore: true*/ file);
}

function demoRoot(): CaMaterial {
  const file = path.join(demoSigningDir(), "demo-root.json");
  return JSON.parse(createOnce(file, () => JSON.stringify(createDemoRoot())).toString("utf8")) as CaMaterial;
}

function checkedAgency(agency: AgencySubject): AgencySubject {
  if (!AGENCY_ID.test(agency.identifier)) throw new SigningUnavailable(`not an agency identifier: ${agency.identifier}`);
  return agency;
}

/** The demo certificate of an agency; issued again when it no longer chains to the demo root (a new root, expiry). */
function demoIdentity(file: string, agency: AgencySubject): SigningIdentity {
  const issue = () => issueAgencyP12(demoRoot(), agency, DEMO_PASSPHRASE);
  const id = identityFromP12(createOnce(file, issue), DEMO_PASSPHRASE);
  if (chainTo(id.certificate, id.chain, trustedRoots(), new Date()) === "ok") return id;
  const tmp = `${file}.${randomUUID()}.tmp`;
  fs.writeFileSync(/*turbopackIgnore: true*/ tmp, issue(), { mode: 0o600 });
  fs.renameSync(/*turbopackIgnore: true*/ tmp, file);
  return identityFromP12(fs.readFileSync(/*turbopackIgnore: true*/ file), DEMO_PASSPHRASE);
}

/** The roots results must chain to. */
export function trustedRoots(env: Readonly<Record<string, string | undefined>> = process.env): X509Certificate[] {
  const s = configuredSigning(env);
  const key = s ? `file:${s.rootsPath}` : `demo:${demoSigningDir()}`;
  let roots = rootSets.get(key);
  if (!roots) {
    if (s && !s.rootsPath) throw new SigningUnavailable("SIGNING_TRUSTED_ROOTS is required with SIGNING_P12_PATH");
    if (!s && isProductionEnv(env)) throw new SigningUnavailable("no trusted roots are configured (SIGNING_TRUSTED_ROOTS)");
    roots = certificatesFromPem(s ? fs.readFileSync(/*turbopackIgnore: true*/ s.rootsPath, "utf8") : demoRoot().certPem);
    if (roots.length === 0) throw new SigningUnavailable("the trusted roots file holds no certificate");
    rootSets.set(key, roots);
  }
  return roots;
}

/** The key and certificate that sign `agency`'s results. */
export function signingIdentityFor(
  agency: AgencySubject,
  env: Readonly<Record<string, string | undefined>> = process.env,
): SigningIdentity {
  const a = checkedAgency(agency);
  const s = configuredSigning(env);
  if (!s && isProductionEnv(env)) throw new SigningUnavailable("no signing key is configured (SIGNING_P12_PATH)");
  const file = s ? s.p12Path.replaceAll(AGENCY_PLACEHOLDER, a.identifier) : path.join(demoSigningDir(), "agencies", `${a.identifier}.p12`);
  let id = identities.get(file);
  if (!id) {
    if (s && !fs.existsSync(/*turbopackIgnore: true*/ file))
      throw new SigningUnavailable(`no signing key for agency ${a.identifier} (${file})`);
    id = s ? identityFromP12(fs.readFileSync(/*turbopackIgnore: true*/ file), s.passphrase) : demoIdentity(file, a);
    identities.set(file, id);
  }
  return id;
}
