// `npm run demo`: the whole portal on one command. Starts the embedded database (unless DATABASE_URL
// is set), migrates, seeds the reference data and the demo accounts, builds when the sources changed,
// and serves the production build on PORT (default 3000). Ctrl-C stops everything cleanly.
//
// `--e2e` is the end-to-end tests' server: a fresh database (in memory, or `<db>_e2e` on a real
// server) and the existing build.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase, recreateDatabase, withClient, type OpenDatabase } from "@/lib/db/admin";
import { freePort, startEmbeddedDatabase } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";
import { installJobs } from "@/lib/jobs/install";
import { DEMO_ACCOUNTS, DEMO_ORGANISATIONS, seedDemoAccounts } from "@/prisma/seed/demo";
import { DEMO_LABEL, seedDemoCountry } from "@/prisma/seed/demo-country";
import { seedDemoOldAddressDossier } from "@/prisma/seed/demo-old-address";
import { seedReference } from "@/prisma/seed/reference";
import { seedSyncDemo } from "@/prisma/seed/sync-demo";
import { SYNC_DEMO_AGENCIES } from "./sync-client/demo-agencies";
import { buildIsStale, clearRuntimeCaches, nextBin } from "./lib/next-build";
import { DEMO_IDENTITIES } from "./eid-provider/identities";

const e2e = process.argv.includes("--e2e");
const port = Number(process.env.PORT || (e2e ? 3100 : 3000));
const root = process.cwd();
const tsxBin = path.join(root, "node_modules", "tsx", "dist", "cli.mjs");

async function database(): Promise<OpenDatabase> {
  if (!e2e) return openDatabase();
  if (process.env.DATABASE_URL) return { url: await recreateDatabase(process.env.DATABASE_URL, "e2e"), close: async () => {} };
  const embedded = await startEmbeddedDatabase({ port: await freePort() });
  return { url: embedded.url, embedded, close: () => embedded.stop() };
}

function authSecret(): string {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  const file = path.join(root, ".data", "auth-secret");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return fs.readFileSync(file, "utf8").trim();
}

/**
 * The local stand-in for the national e-ID (scripts/eid-provider), unless EID_ISSUER names a real one: on a
 * free port, with a client for this portal; `--e2e` starts it with its test knob (forged ID tokens).
 */
async function startEidProvider(portalUrl: string): Promise<{ child: ChildProcess; env: Record<string, string> } | null> {
  if (process.env.EID_ISSUER) return null;
  const eidPort = await freePort();
  const env = {
    EID_ISSUER: `http://localhost:${eidPort}`,
    EID_CLIENT_ID: "cong-dich-vu-cong-demo",
    EID_CLIENT_SECRET: randomBytes(24).toString("base64url"),
  };
  const child = spawn(
    process.execPath,
    [
      path.join(root, "node_modules", "tsx", "dist", "cli.mjs"),
      path.join(root, "scripts", "eid-provider", "server.ts"),
      "--port",
      String(eidPort),
      ...(e2e ? ["--test"] : []),
    ],
    { stdio: "inherit", env: { ...process.env, ...env, EID_REDIRECT_URI: `${portalUrl}/api/auth/callback/eid` } },
  );
  for (let i = 0; i < 100; i++) {
    const up = await fetch(`${env.EID_ISSUER}/.well-known/openid-configuration`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return { child, env };
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill("SIGTERM");
  throw new Error("Không khởi động được nhà cung cấp định danh điện tử (demo).");
}

function run(args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, [nextBin, ...args], { stdio: "inherit", env });
}

async function main() {
  const db = await database();
  let server: ChildProcess | undefined = undefined; // set once the build is ready; stop() may run before
  let worker: ChildProcess | undefined = undefined; // the job worker (none when JOBS_IN_WEB=on)
  let eid: { child: ChildProcess; env: Record<string, string> } | null = null;
  // Issue 17: the reference one-stop systems of the pilot provinces (none in --e2e: the sync spec starts its own).
  const syncClients: ChildProcess[] = [];
  const syncPorts = new Map<string, number>();
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    if (eid && eid.child.exitCode === null) eid.child.kill("SIGTERM");
    const exited = (p: ChildProcess) => new Promise((r) => (p.exitCode === null && p.signalCode === null ? p.once("exit", r) : r(null)));
    for (const c of syncClients) if (c.exitCode === null) c.kill("SIGTERM");
    const children = [server, worker].filter((p): p is ChildProcess => p !== undefined && p.exitCode === null);
    for (const p of children) p.kill("SIGTERM");
    await Promise.all(children.map(exited));
    await db.close();
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));

  console.log(db.embedded ? `Cơ sở dữ liệu nhúng (PGlite) tại ${db.url}` : "Cơ sở dữ liệu: DATABASE_URL");
  // The end-to-end tests drive dossiers through the status module against this same database.
  const fileDir = e2e ? fs.mkdtempSync(path.join(os.tmpdir(), "portal-e2e-files-")) : process.env.FILE_STORAGE_DIR;
  const portalUrl = process.env.NEXTAUTH_URL || `http://localhost:${port}`;
  eid = await startEidProvider(portalUrl);
  if (e2e) {
    fs.mkdirSync(path.join(root, ".data"), { recursive: true });
    fs.writeFileSync(
      path.join(root, ".data", "e2e-env.json"),
      JSON.stringify({ DATABASE_URL: db.url, FILE_STORAGE_DIR: fileDir, EID_ISSUER: eid?.env.EID_ISSUER }),
    );
  }
  await withClient(db.url, async (c) => {
    const applied = await migrate(c);
    if (applied.length) console.log(`Đã áp dụng ${applied.length} migration.`);
    await installJobs(c);
    const counts = await seedReference(c);
    console.log(
      `Dữ liệu: ${counts.agencies} cơ quan, ${counts.procedures} thủ tục, ${counts.services} dịch vụ, ${counts.adminUnits} đơn vị hành chính.`,
    );
    // Sealed under the key the server will open it with (lib/auth/totp-seal.ts).
    await seedDemoAccounts(c, { ...process.env, NEXTAUTH_SECRET: authSecret() });
    // A dossier filed before 1 July 2025 with its address on the old three-level map (shown as filed).
    await seedDemoOldAddressDossier(c);
    // The end-to-end tests keep the reference data alone: their assertions count rows.
    if (!e2e) {
      const demo = await seedDemoCountry(c);
      if (!demo.skipped)
        console.log(`${DEMO_LABEL} ${demo.documents} văn bản, ${demo.dossiers} hồ sơ, ${demo.exchanges} lượt trao đổi trong 90 ngày qua.`);
      // Issue 17: HCMC and Đồng Nai process some services in their own one-stop systems (the reference client).
      for (const a of SYNC_DEMO_AGENCIES) syncPorts.set(a.identifier, await freePort());
      const synced = await seedSyncDemo(c, (identifier) => `http://127.0.0.1:${syncPorts.get(identifier)}/ho-so`);
      console.log(`Đồng bộ hệ thống một cửa (demo): ${synced} dịch vụ của TP. Hồ Chí Minh và Đồng Nai.`);
    }
  });

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: db.url,
    NEXTAUTH_SECRET: authSecret(),
    NEXTAUTH_URL: portalUrl,
    ...eid?.env,
    NEXT_TELEMETRY_DISABLED: "1",
    // The demo serves a production build but is not production: it pays through the simulated bank.
    PORTAL_ENV: process.env.PORTAL_ENV || "demo",
    PAYMENT_GATEWAY: process.env.PAYMENT_GATEWAY || "simulator",
    // An agency's test receiver on this machine, over plain http, may take pushes in the demo (a production
    // start refuses both settings).
    PUSH_ALLOW_HTTP: process.env.PUSH_ALLOW_HTTP || "true",
    PUSH_ALLOW_PRIVATE_HOSTS: process.env.PUSH_ALLOW_PRIVATE_HOSTS ?? "127.0.0.1,::1",
    ...(fileDir ? { FILE_STORAGE_DIR: fileDir } : {}),
    // Issue 17: the sync spec's outage is short; a dossier delivery's first retry waits 1 s there (5 s otherwise).
    ...(e2e ? { SYNC_RETRY_DELAY_SECONDS: process.env.SYNC_RETRY_DELAY_SECONDS || "1" } : {}),
  };
  if (!e2e && buildIsStale()) {
    console.log("Đang build bản production (next build)…");
    const code = await new Promise<number>((resolve) => run(["build"], env).once("exit", (c) => resolve(c ?? 1)));
    if (code !== 0) return stop(code);
  }
  // Pages and catalog reads cached at run time (ISR, unstable_cache) persist under .next; they were read
  // from whatever database the previous server used, so this one starts without them.
  clearRuntimeCaches();
  // One job worker (e-mail, document pushes, scheduled work), in a process of its own like in production.
  if (env.JOBS_IN_WEB !== "on") {
    worker = spawn(process.execPath, [tsxBin, "--conditions=react-server", path.join(root, "scripts", "worker.ts")], {
      stdio: "inherit",
      env: { ...env, LOG_LEVEL: env.LOG_LEVEL || "warn" },
    });
    worker.once("exit", (code) => {
      if (!stopping) console.error(`Tiến trình xử lý tác vụ (worker) đã dừng (mã ${code}).`);
    });
  }
  server = spawn(process.execPath, [path.join(root, "scripts", "server.mjs")], {
    stdio: "inherit",
    env: { ...env, PORT: String(port), HOST: process.env.HOST || "0.0.0.0" },
  });
  server.once("exit", (code) => void stop(stopping ? 0 : (code ?? 1)));
  // Issue 17: the pilot provinces' one-stop systems (scripts/sync-client), so the dashboard shows live sync.
  for (const [identifier, syncPort] of syncPorts) {
    const child = spawn(
      process.execPath,
      [
        tsxBin,
        path.join(root, "scripts", "sync-client", "main.ts"),
        "--agency",
        identifier,
        "--portal",
        `http://127.0.0.1:${port}`,
        "--port",
        String(syncPort),
        "--counter",
      ],
      { stdio: "inherit", env: { ...process.env } },
    );
    syncClients.push(child);
  }
  console.log(`\nCổng Dịch vụ công Quốc gia: http://localhost:${port}\nTài khoản demo:`);
  for (const a of DEMO_ACCOUNTS)
    console.log(`  ${a.label.padEnd(42)} ${a.email.padEnd(32)} ${a.password}${a.totpSecret ? `  (mã TOTP: ${a.totpSecret})` : ""}`);
  if (eid) {
    console.log(`Định danh điện tử (DEMO, không phải VNeID) tại ${eid.env.EID_ISSUER}; danh tính giả định:`);
    for (const p of DEMO_IDENTITIES) console.log(`  ${p.name.padEnd(24)} ${p.pid}  sinh ${p.birthdate}`);
  }
  console.log("Tổ chức demo:");
  for (const o of DEMO_ORGANISATIONS) console.log(`  ${o.name.padEnd(42)} mã số ${o.taxCode}, đại diện ${o.representative}`);
  console.log("Nhấn Ctrl-C để dừng.\n");
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
