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
import { pgliteQueryQueue, type MessageQueue } from "./adapters";
import { embeddedUrl } from "./url";

export interface EmbeddedDatabase {
  url: string;
  port: number;
  /** The whole data folder as an uncompressed tarball, for `loadDataDir` (tests copy a seeded database this way). */
  dumpDataDir(): Promise<Blob>;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  /** Where the data folder lives; undefined keeps the database in memory (tests). */
  dataDir?: string;
  port: number;
  maxConnections?: number;
  /** Starts from this tarball of a data folder (made by `dumpDataDir`) instead of an empty cluster. */
  loadDataDir?: Blob;
}

/** Starts PGlite on 127.0.0.1:port. */
export async function startEmbeddedDatabase(opts: EmbeddedOptions): Promise<EmbeddedDatabase> {
  if (opts.dataDir) fs.mkdirSync(path.dirname(path.resolve(opts.dataDir)), { recursive: true });
  const db = await PGlite.create({ dataDir: opts.dataDir, loadDataDir: opts.loadDataDir, extensions: { unaccent, pg_trgm } });
  // The socket server queues queries and keeps an open transaction to its connection; the build's
  // workers, the app's pool and the scripts each hold connections, so the default of one is too few.
  const server = new PGLiteSocketServer({ db, port: opts.port, host: "127.0.0.1", maxConnections: opts.maxConnections ?? 64 });
  keepProtocolExchangesTogether(server);
  await server.start();
  let stopped = false;
  return {
    url: embeddedUrl(opts.port),
    port: opts.port,
    dumpDataDir: () => db.dumpDataDir("none"),
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

// --- keeping each connection's protocol exchange together ------------------------------------------

// Frontend messages of the extended query protocol: Parse, Bind, Describe, Execute, Close, Flush.
const EXTENDED = new Set([0x50, 0x42, 0x44, 0x45, 0x43, 0x48]);
const SYNC = 0x53;
const SIMPLE_QUERY = 0x51;

/**
 * pglite-socket 0.2.17 queues single protocol messages and keeps a connection's messages together only
 * inside an explicit transaction. A Parse/Bind/Execute/Sync exchange can then interleave with another
 * connection's and bind to its unnamed statement ("bind message supplies 1 parameters, but prepared
 * statement requires 3"). This gives the engine to one connection from its first extended-protocol
 * message until its Sync, as well as for the whole of a transaction.
 */
export function keepProtocolExchangesTogether(server: PGLiteSocketServer): void {
  const q = pgliteQueryQueue(server);
  let owner: number | null = null;
  const clear = q.clearQueueForHandler.bind(q);
  q.clearQueueForHandler = (handlerId) => {
    if (owner === handlerId) owner = null;
    clear(handlerId);
  };
  q.processQueue = async function processQueue(this: MessageQueue) {
    if (this.processing) return;
    this.processing = true;
    try {
      while (this.queue.length > 0) {
        const holder = owner ?? (this.db.isInTransaction() ? this.lastHandlerId : null);
        const index = holder == null ? 0 : this.queue.findIndex((m) => m.handlerId === holder);
        // The holder's next message has not arrived yet: everyone else waits for it.
        if (index === -1) break;
        const item = this.queue.splice(index, 1)[0]!;
        const type = item.message[0]!;
        if (EXTENDED.has(type)) owner = item.handlerId;
        else if (type === SYNC || type === SIMPLE_QUERY) owner = null;
        let bytes = 0;
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(item.message, {
              onRawData: (data: Uint8Array) => {
                bytes += data.length;
                item.onData(data);
              },
            }),
          );
        } catch (err) {
          item.reject(err);
          continue;
        }
        this.lastHandlerId = item.handlerId;
        item.resolve(bytes);
      }
    } finally {
      this.processing = false;
    }
  }.bind(q);
}
