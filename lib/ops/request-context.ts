// The request a piece of server work belongs to, carried through awaits (AsyncLocalStorage) so that a log
// line written deep in lib/ names the request that caused it. The store lives on globalThis under
// Symbol.for("portal.ops.requestContext") (lib/ops/shared.mjs): the custom server (scripts/server.mjs) and
// every Next bundle that imports this module share one store, where module-scope state would give each its own.
import { requestStorage } from "./shared.mjs";

/** Runs `fn` as part of the request `id`: `currentRequestId()` answers `id` inside it, across awaits. */
export function runWithRequestId<T>(id: string, fn: () => T): T {
  return requestStorage().run({ requestId: id }, fn);
}

/** The id of the request this code runs for, or undefined outside one (start-up, a job without one). */
export function currentRequestId(): string | undefined {
  return requestStorage().getStore()?.requestId;
}
