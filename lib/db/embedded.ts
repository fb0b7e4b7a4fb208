// The embedded database: PGlite (PostgreSQL compiled to WASM) served over the Postgres wire protocol,
// so that the migrator, the seed, `next build` and `next start` all reach it through the same driver
// as a real server. Only one process may own a data folder: this server is that process.
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { embeddedUrl } from "./url";

export interface EmbeddedDatabase {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** Starts PGlite on 127.0.0.1:port. `dataDir` undefined keeps the database in memory (tests). */
export async function startEmbeddedDatabase(opts: { dataDir?: string; port: number; maxConnections?: number }): Promise<EmbeddedDatabase> {
  if (opts.dataDir) fs.mkdirSync(path.dirname(path.resolve(opts.dataDir)), { recursive: true });
  const db = await PGlite.create({ dataDir: opts.dataDir, extensions: { unaccent, pg_trgm } });
  // The socket server queues queries and keeps an open transaction to its connection; the build's
  // workers, the app's pool and the scripts each hold connections, so the default of one is too few.
  const server = new PGLiteSocketServer({ db, port: opts.port, host: "127.0.0.1", maxConnections: opts.maxConnections ?? 64 });
  await server.start();
  let stopped = false;
  return {
    url: embeddedUrl(opts.port),
    port: opts.port,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
      await db.close();
    },
  };
}

/** True when something accepts TCP connections on 127.0.0.1:port. */
export function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: "127.0.0.1" });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/** Asks the OS for a free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}
