// The embedded server must keep each connection's extended-protocol exchange (Parse, Bind, Execute
// up to Sync) together: parallel parameterised queries on several connections must never cross.
import pg from "pg";
import { describe, expect, it } from "vitest";
import { pgliteQueryQueue } from "@/lib/db/adapters";
import { freePort, startEmbeddedDatabase } from "@/lib/db/embedded";

describe("embedded PostgreSQL server", () => {
  it("answers parallel parameterised queries on many connections correctly", async () => {
    const server = await startEmbeddedDatabase({ port: await freePort(), maxConnections: 16 });
    const pool = new pg.Pool({ connectionString: server.url, max: 8 });
    try {
      const results = await Promise.all(
        Array.from({ length: 3000 }, (_, i) =>
          i % 2
            ? pool.query<{ s: number }>("SELECT $1::int + $2::int + $3::int AS s", [i, 1, 2]).then((r) => r.rows[0]!.s === i + 3)
            : pool.query<{ s: string }>("SELECT $1::text AS s", [`x${i}`]).then((r) => r.rows[0]!.s === `x${i}`),
        ),
      );
      expect(results.filter((ok) => !ok)).toEqual([]);
      // Transactions on different connections stay apart as well.
      await Promise.all(
        Array.from({ length: 8 }, async (_, i) => {
          const c = await pool.connect();
          try {
            await c.query("BEGIN");
            await c.query("CREATE TEMP TABLE IF NOT EXISTS t (x int)");
            await c.query("INSERT INTO t VALUES ($1)", [i]);
            await c.query("ROLLBACK");
          } finally {
            c.release();
          }
        }),
      );
    } finally {
      await pool.end();
      await server.stop();
    }
  });
});

describe("the embedded server's message queue", () => {
  it("runs one connection's Parse…Sync before another connection's messages, whatever the arrival order", async () => {
    const { PGLiteSocketServer } = await import("@electric-sql/pglite-socket");
    const { keepProtocolExchangesTogether } = await import("@/lib/db/embedded");
    const ran: string[] = [];
    const engine = {
      isInTransaction: () => false,
      runExclusive: <T>(fn: () => Promise<T>) => fn(),
      execProtocolRawStream: async (m: Uint8Array) => {
        ran.push(String.fromCharCode(m[0]!) + m[1]);
        await new Promise((r) => setTimeout(r, 1));
      },
    };
    const server = new PGLiteSocketServer({ db: engine as never, port: 0 });
    keepProtocolExchangesTogether(server);
    const queue = pgliteQueryQueue(server);
    const msg = (type: string, handler: number) => queue.enqueue(handler, new Uint8Array([type.charCodeAt(0), handler]), () => {});
    // A's exchange arrives a message at a time, with B's messages in between.
    const done = [msg("P", 1), msg("P", 2), msg("B", 2)];
    await new Promise((r) => setTimeout(r, 5));
    done.push(msg("B", 1), msg("E", 1), msg("E", 2), msg("S", 2));
    await new Promise((r) => setTimeout(r, 5));
    done.push(msg("S", 1), msg("Q", 2));
    await Promise.all(done);
    expect(ran).toEqual(["P1", "B1", "E1", "S1", "P2", "B2", "E2", "S2", "Q2"]);
  });
});
