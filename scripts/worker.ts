// The job worker process: `npm run worker` (tsx --conditions=react-server, so `server-only` imports load).
// Runs e-mail and document-push jobs from the outbox and the scheduled work, WORKER_CONCURRENCY at a time
// per queue. SIGTERM/SIGINT: stops taking jobs, lets those in flight finish (or returns them to the queue
// after SHUTDOWN_GRACE_SECONDS), then exits 0.
import { startWorker } from "@/lib/jobs/worker";
import { log } from "@/lib/ops/log";
import { localDemoSecret, settings, settingsProblems } from "@/lib/ops/settings";

// Like `npm start` (scripts/server.mjs): a worker is a production process unless told otherwise (the demo
// and the cluster proof set PORTAL_ENV=demo), so every production refusal applies to it.
(process.env as Record<string, string | undefined>).NODE_ENV ||= "production";

async function main(): Promise<void> {
  // The same configuration check as the web server's (lib/startup.ts): the worker sends mail, pushes to
  // agencies and sweeps the file store, so it refuses what the server refuses.
  const problems = settingsProblems(process.env, { demoSecret: localDemoSecret() });
  if (problems.length > 0) {
    log.fatal({ problems }, `Refusing to start the worker: ${problems.join("; ")}.`);
    process.exit(1);
  }
  const { WORKER_CONCURRENCY: concurrency, SHUTDOWN_GRACE_SECONDS: grace } = settings();
  const worker = await startWorker({ concurrency });
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "stopping: finishing the jobs in flight");
    worker.stop(grace * 1000).then(
      () => process.exit(0),
      (err: unknown) => {
        log.error({ err: { message: (err as Error).message } }, "stop failed");
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}

main().catch((err: unknown) => {
  log.fatal({ err: { name: (err as Error).name, message: (err as Error).message } }, "worker failed to start");
  process.exit(1);
});
