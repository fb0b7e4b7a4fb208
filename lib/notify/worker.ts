// The outbox worker: sends due outbox messages every few seconds inside the server process (started by
// instrumentation.ts). Several server processes may each run one: claims skip rows locked by others.
import "server-only";
import { EMAIL_KIND, emailHandler } from "./email";
import { processOutbox, type OutboxHandler } from "./outbox";
import { childLog, errorField } from "@/lib/ops/log";

const log = childLog({ module: "outbox" });

const BATCH = 50;

// On globalThis, not in module scope: dev-mode reloads and a second bundle of this module must still
// find the running worker instead of starting another.
declare global {
  var portalOutboxWorker: { stop: () => void } | undefined;
}
const state = globalThis;

/**
 * Starts the worker (once per process: a second call returns the running worker's stop function).
 * `handlers` adds kinds besides "email"; every kind enqueued anywhere in the app must be registered
 * here, since a message without a handler goes DEAD.
 */
export function startOutboxWorker(opts: { intervalMs?: number; handlers?: Record<string, OutboxHandler> } = {}): () => void {
  if (state.portalOutboxWorker) return state.portalOutboxWorker.stop;
  const intervalMs = opts.intervalMs ?? 5_000;
  const handlers: Record<string, OutboxHandler> = { [EMAIL_KIND]: emailHandler, ...opts.handlers };
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  // A database that is down fails every run the same way: say so once, and again when it recovers.
  let lastFailure: string | undefined;

  async function run(): Promise<void> {
    try {
      // A full batch means there may be more due: keep going rather than wait a tick per batch. Each
      // row is claimed at most once per pass (it is leased, then sent or pushed back), so this ends.
      for (;;) {
        const r = await processOutbox({ handlers, limit: BATCH });
        if (r.dead > 0) log.warn({ dead: r.dead }, "outbox message(s) gave up (DEAD); see listDead() and resendDead()");
        if (stopped || r.sent + r.retried + r.dead < BATCH) break;
      }
      if (lastFailure) log.info("outbox running again");
      lastFailure = undefined;
    } catch (err) {
      const text = err instanceof Error ? err.message : String(err);
      if (text !== lastFailure) log.error({ intervalMs, err: errorField(err) }, "outbox run failed; retrying");
      lastFailure = text;
    } finally {
      schedule();
    }
  }

  // The next run is scheduled only when this one ends, so runs never overlap however slow the relay.
  function schedule(): void {
    if (stopped) return;
    timer = setTimeout(() => void run(), intervalMs);
    // The worker alone must not keep a process (a script, a test) alive.
    timer.unref();
  }

  function stop(): void {
    stopped = true;
    clearTimeout(timer);
    if (state.portalOutboxWorker?.stop === stop) delete state.portalOutboxWorker;
  }

  state.portalOutboxWorker = { stop };
  schedule();
  return stop;
}
