// The request id of the work in progress (an HTTP request, or a job carrying the id of the request that
// queued it), kept in one AsyncLocalStorage on globalThis so every bundle of this module shares it.
import { AsyncLocalStorage } from "node:async_hooks";

const KEY = Symbol.for("portal.ops.requestContext");
type Store = { requestId: string };
const holder = globalThis as unknown as Record<symbol, AsyncLocalStorage<Store> | undefined>;
const storage: AsyncLocalStorage<Store> = (holder[KEY] ??= new AsyncLocalStorage<Store>());

/** Runs `fn` with `id` as the current request id. */
export function runWithRequestId<T>(id: string, fn: () => T): T {
  return storage.run({ requestId: id }, fn);
}

/** The current request id, if any. */
export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}
