// The one module where a value is given a type the compiler cannot check (a double cast through `unknown`). Each cast says why
// it holds; anywhere else, parse with zod or give the value a real type. Keep this file small.
import type { PGlite } from "@electric-sql/pglite";
import type { PGLiteSocketServer } from "@electric-sql/pglite-socket";

interface QueuedMessage {
  handlerId: number;
  message: Uint8Array;
  resolve(bytes: number): void;
  reject(err: unknown): void;
  onData(data: Uint8Array): void;
}

/** The socket server's internal queue (not exported by pglite-socket 0.2.17). */
export interface MessageQueue {
  queue: QueuedMessage[];
  processing: boolean;
  lastHandlerId: number | null;
  db: Pick<PGlite, "isInTransaction" | "runExclusive" | "execProtocolRawStream">;
  enqueue(handlerId: number, message: Uint8Array, onData: (data: Uint8Array) => void): Promise<number>;
  processQueue(): Promise<void>;
  clearQueueForHandler(handlerId: number): void;
}

/**
 * The private message queue of a PGlite socket server, to patch its scheduling (lib/db/embedded.ts).
 * Why the cast holds: pglite-socket is pinned to 0.2.17 in package.json, whose server keeps this queue in a
 * private `queryQueue` field of exactly this shape; tests/integration/embedded-server.test.ts fails if it moves.
 */
export function pgliteQueryQueue(server: PGLiteSocketServer): MessageQueue {
  return (server as unknown as { queryQueue: MessageQueue }).queryQueue;
}
