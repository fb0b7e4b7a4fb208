// `npm run test:cluster`: the portal as several nodes on one PostgreSQL, proven on this machine. Starts a
// fresh `<db>_cluster` database (migrated and seeded like the demo), the local S3 server, a counting SMTP
// relay, two app nodes, the worker and nginx as a round-robin balancer, then runs tests/cluster/*.spec.ts
// (playwright.cluster.config.ts) against them, then the backup round trip (backup-roundtrip.sh). Every
// process and temporary folder it made is removed at the end, also when a step fails.
//
// The specs steer the cluster through a small control server on loopback (CLUSTER_CONTROL): kill a node
// or the worker, start the worker again, hold the SMTP replies, read what the relay accepted.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { recreateDatabase, withClient } from "@/lib/db/admin";
import { freePort } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";
import { seedDemoAccounts } from "@/prisma/seed/demo";
import { seedReference } from "@/prisma/seed/reference";
import { clearRuntimeCaches } from "../lib/next-build";
import { startLocalS3, type LocalS3 } from "../lib/local-s3";
import { startCountingSmtp, type CountingSmtp } from "./smtp";
import * as topo from "./topology";

const started = Date.now();
const root = process.cwd();
const DEFAULT_URL = "postgres://postgres:postgres@127.0.0.1:5432/cluster";
const BUCKET = "portal-files";
/** Citizens made for the load step (copies of the demo citizen, same password). */
export const LOAD_CITIZENS = 20;

const say = (line: string) => console.log(`[cluster] ${line}`);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "portal-cluster-"));

interface Proc {
  name: string;
  child: ChildProcess;
  log: string;
}
const procs = new Map<string, Proc>();
let s3: LocalS3 | null = null;
let smtp: CountingSmtp | null = null;
let control: http.Server | null = null;
let dbUrl = "";

/** Starts a process in a group of its own (so its children go with it), its output in a log file. */
function startProcess(name: string, cmd: topo.Command, env: NodeJS.ProcessEnv): Proc {
  const log = path.join(tmp, `${name}.log`);
  const out = fs.openSync(log, "a");
  const child = spawn(cmd.argv[0]!, cmd.argv.slice(1), { env: { ...env, ...cmd.env }, stdio: ["ignore", out, out], detached: true });
  fs.closeSync(out);
  const p = { name, child, log };
  procs.set(name, p);
  return p;
}

function killProcess(name: string, signal: NodeJS.Signals): Promise<void> {
  const p = procs.get(name);
  if (!p || p.child.exitCode !== null || p.child.signalCode !== null) return Promise.resolve();
  const exited = new Promise<void>((r) => p.child.once("exit", () => r()));
  try {
    process.kill(-p.child.pid!, signal);
  } catch {
    p.child.kill(signal);
  }
  return exited;
}

/** Waits until `url` answers: any status below 500, or exactly `okStatus` (200 for a readiness check). */
async function waitFor(url: string, what: string, proc?: Proc, timeoutMs = 120_000, okStatus?: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const ok = await fetch(url, { redirect: "manual" }).then(
      (r) => (okStatus ? r.status === okStatus : r.status < 500),
      () => false,
    );
    if (ok) return;
    if (proc && proc.child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 300));
  }
  if (proc) process.stderr.write(fs.readFileSync(proc.log, "utf8").slice(-4000));
  throw new Error(`${what} did not answer at ${url}`);
}

function authSecret(): string {
  return process.env.NEXTAUTH_SECRET || randomBytes(32).toString("base64url");
}

async function prepareDatabase(secret: string): Promise<string> {
  const url = await recreateDatabase(process.env.DATABASE_URL || DEFAULT_URL, "cluster");
  await withClient(url, async (c) => {
    const applied = await migrate(c);
    say(`database ${new URL(url).pathname.slice(1)}: ${applied.length} migrations applied`);
    await seedReference(c);
    await seedDemoAccounts(c, { ...process.env, NEXTAUTH_SECRET: secret });
    // Citizens of the load step: each files on a draft of its own (a draft holds one paper per field).
    const r = await c.query(
      `INSERT INTO app_user (role, full_name, cccd, date_of_birth, phone, email, password_hash, address, assurance_level, email_verified_at)
       SELECT role, full_name, '0792000' || lpad(n::text, 5, '0'), date_of_birth, phone,
              'cluster.citizen.' || n || '@cluster.example', password_hash, address, assurance_level, now()
         FROM app_user, generate_series(1, $1::int) AS n
        WHERE email = 'congdan@dichvucong.example'`,
      [LOAD_CITIZENS],
    );
    say(`seeded the reference data, the demo accounts and ${r.rowCount} load citizens`);
  });
  return url;
}

function startNginx(port: number, upstreams: number[]): Proc {
  if (!fs.existsSync(topo.NGINX_BIN)) {
    if (process.getuid?.() !== 0) throw new Error("nginx is missing: install Debian's package (apt-get install nginx-light)");
    say("installing nginx from Debian's packages");
    spawnSync("apt-get", ["update"], { stdio: "inherit" });
    const r = spawnSync("apt-get", ["install", "-y", "--no-install-recommends", "nginx-light"], { stdio: "inherit" });
    if (r.status !== 0) throw new Error("apt-get install nginx-light failed");
  }
  const prefix = path.join(tmp, "nginx");
  fs.mkdirSync(prefix, { recursive: true });
  const conf = fs
    .readFileSync(path.join(root, "scripts", "cluster", "nginx.conf.template"), "utf8")
    .replaceAll("{{PREFIX}}", prefix)
    .replaceAll("{{PORT}}", String(port))
    .replace("{{UPSTREAMS}}", upstreams.map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=5s;`).join("\n"));
  const file = path.join(prefix, "nginx.conf");
  fs.writeFileSync(file, conf);
  return startProcess(
    "nginx",
    { argv: [topo.NGINX_BIN, "-p", prefix, "-c", file, "-e", path.join(prefix, "error.log")], env: {} },
    process.env,
  );
}

function startControl(port: number, state: () => unknown, env: { worker: topo.Command; workerEnv: NodeJS.ProcessEnv }) {
  control = http.createServer((req, res) => {
    const u = new URL(req.url ?? "/", "http://control");
    const answer = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    void (async () => {
      const name = u.searchParams.get("name") ?? "";
      if (req.method === "GET" && u.pathname === "/state") return answer(200, state());
      if (req.method === "POST" && u.pathname === "/kill" && procs.has(name)) {
        await killProcess(name, (u.searchParams.get("signal") as NodeJS.Signals) || "SIGKILL");
        say(`killed ${name} (${u.searchParams.get("signal") || "SIGKILL"})`);
        return answer(200, { killed: name });
      }
      if (req.method === "POST" && u.pathname === "/start" && name === "worker") {
        startProcess("worker", env.worker, env.workerEnv);
        say("worker started again");
        return answer(200, { started: name });
      }
      if (req.method === "POST" && u.pathname === "/smtp-delay" && smtp) {
        smtp.setDelay(Number(u.searchParams.get("ms") ?? 0));
        return answer(200, { delay: Number(u.searchParams.get("ms") ?? 0) });
      }
      if (req.method === "POST" && u.pathname === "/smtp-in-flight" && smtp) {
        await smtp.nextInFlight();
        return answer(200, { inFlight: true });
      }
      answer(404, { error: "unknown" });
    })().catch((err: unknown) => answer(500, { error: String(err) }));
  });
  return new Promise<void>((r) => control!.listen(port, "127.0.0.1", () => r()));
}

/** Runs a command with this terminal, without blocking this process's servers; its exit code. */
function runInherit(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const child = spawn(cmd, args, { stdio: "inherit", env });
  return new Promise((resolve) => child.once("exit", (c) => resolve(c ?? 1)));
}

async function cleanup(): Promise<void> {
  for (const name of [...procs.keys()].reverse()) await killProcess(name, "SIGTERM").catch(() => {});
  // A process that ignores SIGTERM for long is ended for good.
  await Promise.race([Promise.all([...procs.keys()].map((n) => killProcess(n, "SIGTERM"))), new Promise((r) => setTimeout(r, 8_000))]);
  for (const name of procs.keys()) await Promise.race([killProcess(name, "SIGKILL"), new Promise((r) => setTimeout(r, 2_000))]);
  await smtp?.stop().catch(() => {});
  await s3?.stop().catch(() => {});
  await new Promise<void>((r) => (control ? control.close(() => r()) : r()));
  if (process.env.CLUSTER_KEEP_LOGS) say(`logs kept in ${tmp}`);
  else fs.rmSync(tmp, { recursive: true, force: true });
}

async function main(): Promise<number> {
  if (!fs.existsSync(path.join(root, ".next", "BUILD_ID"))) {
    say("no production build: running next build");
    const r = spawnSync(process.execPath, [path.join(root, "node_modules", "next", "dist", "bin", "next"), "build"], { stdio: "inherit" });
    if (r.status !== 0) return r.status ?? 1;
  }
  const secret = authSecret();
  dbUrl = await prepareDatabase(secret);

  const [smtpPort, portA, portB, lbPort, controlPort] = await Promise.all(Array.from({ length: 5 }, () => freePort()));
  const localS3 = await startLocalS3([BUCKET]);
  s3 = localS3;
  say(`local S3 server ${localS3.endpoint} (s3rver, scripts/lib/local-s3.ts)`);
  smtp = await startCountingSmtp(smtpPort!);
  const balancer = `http://127.0.0.1:${lbPort}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: dbUrl,
    NEXTAUTH_SECRET: secret,
    NEXTAUTH_URL: balancer,
    SMTP_URL: smtp.url,
    PORTAL_ENV: "demo",
    PAYMENT_GATEWAY: "simulator",
    // nginx on loopback sets X-Forwarded-For; the rate limits key on the client it names.
    TRUSTED_PROXIES: "127.0.0.1",
    SESSION_IDLE_MINUTES: "240",
    SESSION_STAFF_IDLE_MINUTES: "240",
    LOG_LEVEL: "info",
    ...topo.sharedEnv({ endpoint: localS3.endpoint, bucket: BUCKET }),
  };
  clearRuntimeCaches();
  const a = startProcess("nodeA", topo.appNode(portA!), env);
  const b = startProcess("nodeB", topo.appNode(portB!), env);
  await Promise.all([waitFor(`http://127.0.0.1:${portA}/`, "node A", a), waitFor(`http://127.0.0.1:${portB}/`, "node B", b)]);
  // Ready: database reachable, migrations current, the S3 store writable.
  const ready = topo.READY_PATH;
  await Promise.all([
    waitFor(`http://127.0.0.1:${portA}${ready}`, "node A", a, 60_000, 200),
    waitFor(`http://127.0.0.1:${portB}${ready}`, "node B", b, 60_000, 200),
  ]);
  say(`node A http://127.0.0.1:${portA}, node B http://127.0.0.1:${portB}`);
  const worker = topo.worker();
  startProcess("worker", worker, env);
  const lb = startNginx(lbPort!, [portA!, portB!]);
  await waitFor(`${balancer}${ready}`, "the balancer (nginx)", lb, 20_000);
  say(`balancer ${balancer} (nginx, round robin)`);

  await startControl(controlPort!, () => ({ smtp: { accepted: smtp!.accepted, abandoned: smtp!.abandoned } }), {
    worker,
    workerEnv: env,
  });

  const specEnv: NodeJS.ProcessEnv = {
    ...process.env,
    CLUSTER_BASE: balancer,
    CLUSTER_NODE_A: `http://127.0.0.1:${portA}`,
    CLUSTER_NODE_B: `http://127.0.0.1:${portB}`,
    CLUSTER_CONTROL: `http://127.0.0.1:${controlPort}`,
    CLUSTER_DATABASE_URL: dbUrl,
    CLUSTER_READY: ready,
    CLUSTER_LOAD_CITIZENS: String(LOAD_CITIZENS),
    CLUSTER_AUTH_DIR: path.join(tmp, "auth"),
  };
  const extra = process.argv.slice(2);
  // Not spawnSync: the SMTP relay and the control server answer from this process's event loop meanwhile.
  let code = await runInherit(
    process.execPath,
    [topo.PLAYWRIGHT_CLI, "test", "--config", "playwright.cluster.config.ts", ...extra],
    specEnv,
  );

  // Backups: dump this cluster's database, restore it into a new one, compare the key tables' rows.
  if (!process.env.CLUSTER_SKIP_BACKUP) {
    const r = await runInherit("bash", [path.join(root, "scripts", "cluster", "backup-roundtrip.sh"), dbUrl], process.env);
    if (r !== 0) code ||= 1;
  }
  if (code !== 0)
    for (const proc of procs.values()) {
      console.error(`\n---- last lines of ${proc.name} ----`);
      console.error(fs.readFileSync(proc.log, "utf8").split("\n").slice(-30).join("\n"));
    }
  return code;
}

let exiting = false;
async function finish(code: number): Promise<never> {
  if (!exiting) {
    exiting = true;
    await cleanup().catch((err: unknown) => console.error("cleanup failed", err));
    say(`${code === 0 ? "PASSED" : "FAILED"} in ${((Date.now() - started) / 1000).toFixed(1)} s (total time)`);
  }
  process.exit(code);
}
process.on("SIGINT", () => void finish(130));
process.on("SIGTERM", () => void finish(143));
main().then(
  (code) => finish(code),
  (err: unknown) => {
    console.error(err);
    return finish(1);
  },
);
