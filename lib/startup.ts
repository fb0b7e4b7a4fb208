// What a Node.js server does once when it starts (called from instrumentation.ts, never from the Edge
// runtime or the build): refuse a start on settings that cannot be read, and a production start on unsafe
// ones (lib/ops/settings.ts; demo accounts in the database), and, only when
// JOBS_IN_WEB=on, run the job worker inside the server (by default it is a process of its own: `npm run worker`).
import { recordSocketPeers } from "@/lib/http/peer";
import { demoAccountProblems } from "@/lib/ops/demo-accounts";
import { log } from "@/lib/ops/log";
import { localDemoSecret, settings, settingsProblems } from "@/lib/ops/settings";
import { onShutdown } from "@/lib/ops/shared.mjs";
import { isProduction } from "@/lib/payments/config";

/** How long a production start waits for the database to say whether demo accounts exist. */
const DB_CHECK_SECONDS = 15;

function withinSeconds<T>(seconds: number, p: Promise<T>): Promise<T> {
  return Promise.race([
    p,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${seconds} s`)), seconds * 1000).unref()),
  ]);
}

export async function startNodeServer(): Promise<void> {
  // Settings that cannot be read stop any start; unsafe ones (a default secret, the simulated bank, demo
  // accounts, half-configured storage...) stop a production start. lib/ops/settings.ts lists them.
  const problems = settingsProblems(process.env, { demoSecret: localDemoSecret() });
  if (isProduction()) {
    try {
      problems.push(...(await withinSeconds(DB_CHECK_SECONDS, demoAccountProblems())));
    } catch (err) {
      problems.push(`the database could not be asked whether demo accounts exist (${err instanceof Error ? err.message : String(err)})`);
    }
  }
  if (problems.length > 0) {
    const what = isProduction() ? "Refusing to start in production" : "Refusing to start";
    log.fatal({ problems }, `${what}: ${problems.join("; ")}.`);
    process.exit(1);
  }
  settings();
  // Client addresses come from the socket, and from X-Forwarded-For only through TRUSTED_PROXIES (checked above).
  recordSocketPeers();
  // Jobs (e-mail, document pushes, scheduled work) run in the worker process (`npm run worker`); a single-node
  // install may run the same worker inside the web server instead.
  if (settings().JOBS_IN_WEB !== "on") return;
  const { startWorker } = await import("@/lib/jobs/worker");
  const worker = await startWorker();
  // A draining server (scripts/server.mjs) stops it once its last response is out: jobs in flight finish or go
  // back to the queue within the grace period.
  onShutdown(() => worker.stop(settings().SHUTDOWN_GRACE_SECONDS * 1000));
}
