// The cluster proof's topology in ONE place: how each process of `npm run test:cluster` is started and the
// settings they share (issue 16: stateless app nodes, a worker process, files in S3, the shared cache).
import fs from "node:fs";
import path from "node:path";

const root = process.cwd();
const tsxCli = path.join(root, "node_modules", "tsx", "dist", "cli.mjs");

export interface Command {
  argv: string[];
  env: Record<string, string>;
}

/** One app node on `port`: `npm start` (scripts/server.mjs: request ids, access log, SIGTERM drain). */
export function appNode(port: number): Command {
  return { argv: [process.execPath, path.join(root, "scripts", "server.mjs")], env: { PORT: String(port), HOST: "127.0.0.1" } };
}

/** `npm run worker`: the job worker (pg-boss). */
export function worker(): Command {
  return { argv: [process.execPath, tsxCli, "--conditions=react-server", path.join(root, "scripts", "worker.ts")], env: {} };
}

/** Settings every node and the worker share: no job loop in the web nodes, files in the local S3 server, the shared cache. */
export function sharedEnv(s3: { endpoint: string; bucket: string }): Record<string, string> {
  return {
    JOBS_IN_WEB: "off",
    WORKER_CONCURRENCY: "2",
    FILE_STORAGE: "s3",
    S3_ENDPOINT: s3.endpoint,
    S3_REGION: "us-east-1",
    S3_BUCKET: s3.bucket,
    S3_ACCESS_KEY_ID: "S3RVER",
    S3_SECRET_ACCESS_KEY: "S3RVER",
    S3_FORCE_PATH_STYLE: "true",
    NEXT_CACHE: "shared",
  };
}

/** The path the balancer and the harness wait on before a node counts as up. */
export const READY_PATH = "/api/ready";

/** nginx: Debian's binary (installed by the harness when missing and running as root). */
export const NGINX_BIN = ["/usr/sbin/nginx", "/usr/bin/nginx"].find((b) => fs.existsSync(b)) ?? "nginx";

/** Node.js scripts the harness runs itself. */
export const PLAYWRIGHT_CLI = path.join(root, "node_modules", "@playwright", "test", "cli.js");
export const TSX_CLI = tsxCli;
