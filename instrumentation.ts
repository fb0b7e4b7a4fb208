// Next.js instrumentation hook (called once per server start): refuses a production start on an unsafe
// payment configuration, then runs the outbox worker inside the Node.js server, so e-mails and document
// pushes queued by transactions go out without a separate service to deploy.
export async function register(): Promise<void> {
  // The Edge runtime has no TCP sockets for SMTP or PostgreSQL; `next build` loads this file too, and
  // must not send mail from a build machine.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  // A production server never starts with the simulated bank or a demo payment secret.
  const { productionPaymentProblems } = await import("@/lib/payments/config");
  const problems = productionPaymentProblems();
  if (problems.length > 0) {
    console.error(`Refusing to start in production: ${problems.join("; ")}.`);
    process.exit(1);
  }
  // An operator who runs the worker elsewhere (or nowhere) turns it off here.
  if (process.env.OUTBOX_WORKER === "off") return;
  const { startOutboxWorker } = await import("@/lib/notify/worker");
  const { DOCUMENT_PUSH_KIND, pushHandler } = await import("@/lib/documents/delivery");
  startOutboxWorker({ handlers: { [DOCUMENT_PUSH_KIND]: pushHandler } });
}
