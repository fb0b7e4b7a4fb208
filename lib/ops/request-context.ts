// The request a piece of server work belongs to, carried through awaits (AsyncLocalStorage) so that a log
// line written deep in lib/ names the request that caused it. The store lives on globalThis under a
// registered symbol: the custom server (scripts/server.mjs) and every Next bundle that imports this module
// then share one store, where module-scope state would give each bundle its own.
import { AsyncLocalStorage } from "node:async_hooks";

interface RequestContext {
  requestId: string;
}

const KEY = Symbol.for("portal.ops.requestContext");
type Holder = { [KEY]?: AsyncLocalStorage<RequestContext> };

function storage(): AsyncLocalStorage<RequestContext> {
  const holder = globalThis as Holder;
  holder[KEY] ??= new AsyncLocalStorage<RequestContext>();
  return holder[KEY];
}

/** Runs `fn` as part of the request `id`: `currentRequestId()` answers `id` inside it, across awaits. */
export function runWithRequestId<T>(id: string, fn: () => T): T {
  return storage().run({ requestId: id }, fn);
}

/** The id of the request this code runs for, or undefined outside one (start-up, a job without one). */
export function currentRequestId(): string | undefined {
  return storage().getStore()?.requestId;
}
