// Next.js instrumentation hook (called once per server start): the Node.js server's start-up work lives in
// lib/startup.ts (payment configuration check, outbox worker).
export async function register(): Promise<void> {
  // The Edge runtime has no TCP sockets for SMTP or PostgreSQL; `next build` loads this file too, and
  // must not send mail from a build machine.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { startNodeServer } = await import("@/lib/startup");
  await startNodeServer();
}
