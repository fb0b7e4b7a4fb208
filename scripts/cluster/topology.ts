// The cluster proof's topology in ONE place: how each process of `npm run test:cluster` is started, and
// which shared contract pieces (issue 16) this checkout has. Each row names the contract command and the
// fall-back used while that piece has not landed, so the proof runs on any checkout; `pieces()` says which
// one ran and the harness prints it.
import fs from "node:fs";
import path from "node:path";

const root = process.cwd();
const exists = (p: string) => fs.existsSync(path.join(root, p));
const contains = (p: string, needle: string) => exists(p) && fs.readFileSync(path.join(root, p), "utf8").includes(needle);
const tsxCli = path.join(root, "node_modules", "tsx", "dist", "cli.mjs");
const nextCli = path.join(root, "node_modules", "next", "dist", "bin", "next");

export interface Pieces {
  /** `npm start` = node scripts/server.mjs (custom server: request ids, access log, SIGTERM drain). */
  customServer: boolean;
  /** `npm run worker` = tsx --conditions=react-server scripts/worker.ts (pg-boss). */
  worker: boolean;
  /** FILE_STORAGE=s3 honoured by lib/files/storage.ts. */
  s3: boolean;
  /** NEXT_CACHE=shared: the PostgreSQL-backed cache handler. */
  sharedCache: boolean;
  /** GET /api/ready (and /api/health). */
  ready: boolean;
}

/** What this checkout has; CLUSTER_FALLBACK=all forces every fall-back (to compare). */
export function pieces(): Pieces {
  const off = process.env.CLUSTER_FALLBACK === "all";
  return {
    customServer: !off && exists("scripts/server.mjs"),
    worker: !off && exists("scripts/worker.ts"),
    s3: !off && contains("lib/files/storage.ts", "S3_BUCKET"),
    sharedCache: !off && (contains("next.config.ts", "cacheHandler") || exists("lib/cache/handler.mjs") || exists("lib/cache/handler.ts")),
    ready: !off && (exists("app/api/ready/route.ts") || exists("app/api/ready/route.tsx")),
  };
}

export interface Command {
  argv: string[];
  env: Record<string, string>;
}

/** One app node on `port`: the custom server (contract) or `next start` (today's main). */
export function appNode(p: Pieces, port: number): Command {
  return p.customServer
    ? { argv: [process.execPath, path.join(root, "scripts", "server.mjs")], env: { PORT: String(port), HOST: "127.0.0.1" } }
    : { argv: [process.execPath, nextCli, "start", "-p", String(port), "-H", "127.0.0.1"], env: {} };
}

/** The worker (contract), or none: then the app nodes run today's in-server outbox loop (JOBS_IN_WEB=on). */
export function worker(p: Pieces): Command | null {
  return p.worker
    ? { argv: [process.execPath, tsxCli, "--conditions=react-server", path.join(root, "scripts", "worker.ts")], env: {} }
    : null;
}

/** Settings every node and the worker share for the job loop. */
export function jobEnv(p: Pieces): Record<string, string> {
  // Today's main reads OUTBOX_WORKER (lib/startup.ts); the contract reads JOBS_IN_WEB.
  return p.worker ? { JOBS_IN_WEB: "off", OUTBOX_WORKER: "off", WORKER_CONCURRENCY: "2" } : { JOBS_IN_WEB: "on" };
}

/** Storage settings: the local S3 server (contract) or one folder both nodes share (today's main). */
export function storageEnv(p: Pieces, s3: { endpoint: string; bucket: string } | null, sharedDir: string): Record<string, string> {
  if (p.s3 && s3)
    return {
      FILE_STORAGE: "s3",
      S3_ENDPOINT: s3.endpoint,
      S3_REGION: "us-east-1",
      S3_BUCKET: s3.bucket,
      S3_ACCESS_KEY_ID: "S3RVER",
      S3_SECRET_ACCESS_KEY: "S3RVER",
      S3_FORCE_PATH_STYLE: "true",
    };
  return { FILE_STORAGE: "local", FILE_STORAGE_DIR: sharedDir };
}

/** The cache setting: shared (contract) or each node's own, revalidated within 30 s (today's main). */
export function cacheEnv(p: Pieces): Record<string, string> {
  return { NEXT_CACHE: p.sharedCache ? "shared" : "local" };
}

/** The path the balancer and the harness wait on before a node counts as up. */
export function readyPath(p: Pieces): string {
  return p.ready ? "/api/ready" : "/";
}

/** nginx: Debian's binary (installed by the harness when missing and running as root). */
export const NGINX_BIN = ["/usr/sbin/nginx", "/usr/bin/nginx"].find((b) => fs.existsSync(b)) ?? "nginx";

/** Node.js scripts the harness runs itself. */
export const PLAYWRIGHT_CLI = path.join(root, "node_modules", "@playwright", "test", "cli.js");
export const TSX_CLI = tsxCli;
