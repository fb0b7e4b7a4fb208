// What a Node.js server does once when it starts (called from instrumentation.ts, never from the Edge
// runtime or the build): refuse a production start on an unsafe payment configuration or without real result-
// signing keys (lib/signing/config.ts), and, only when
// JOBS_IN_WEB=on, run the job worker inside the server (by default it is a process of its own: `npm run worker`).
import { sessionSettingProblems } from "@/lib/auth/session-timeouts";
import { productionTrackingProblems } from "@/lib/dossiers/tracking-pin";
import { trustedProxies } from "@/lib/http/forwarded";
import { recordSocketPeers } from "@/lib/http/peer";
import { productionOutboundProblems } from "@/lib/http/ssrf";
import { isProduction, productionPaymentProblems } from "@/lib/payments/config";
import { productionSigningProblems } from "@/lib/signing/config";

export async function startNodeServer(): Promise<void> {
  // Client addresses come from the socket, and from X-Forwarded-For only through TRUSTED_PROXIES: a list
  // that cannot be read would silently trust nobody (or the wrong hosts), so no server starts with one.
  // So would session timeouts that cannot be read; the server refuses both.
  const unreadable = trustedProxies().invalid;
  const settings = [
    ...(unreadable.length > 0 ? [`TRUSTED_PROXIES has entries that are not addresses or CIDR blocks: ${unreadable.join(", ")}`] : []),
    ...sessionSettingProblems(),
  ];
  if (settings.length > 0) {
    console.error(`Refusing to start: ${settings.join("; ")}.`);
    process.exit(1);
  }
  recordSocketPeers();
  // A production server never starts with the simulated bank or a demo payment secret, without the keys that
  // sign results (or with the demo certificate authority's), with push endpoints allowed on plain http or on
  // loopback / link-local addresses, with a short tracking-PIN secret, or without an e-mail relay.
  const problems = [
    ...productionPaymentProblems(),
    ...productionSigningProblems(),
    ...(isProduction()
      ? [
          ...productionOutboundProblems(process.env),
          ...productionTrackingProblems(process.env),
          // Without a relay nobody can verify an address or recover an account.
          ...(process.env.SMTP_URL ? [] : ["SMTP_URL is not set (account verification and recovery e-mails would never leave)"]),
        ]
      : []),
  ];
  if (problems.length > 0) {
    console.error(`Refusing to start in production: ${problems.join("; ")}.`);
    process.exit(1);
  }
  // Jobs (e-mail, document pushes, scheduled work) run in the worker process (`npm run worker`); a single-node
  // install may run the same worker inside the web server instead.
  if (process.env.JOBS_IN_WEB !== "on") return;
  const { startWorker } = await import("@/lib/jobs/worker");
  const worker = await startWorker();
  // The server's SIGTERM drain (scripts/server.mjs) stops it through this handle: jobs in flight finish or go
  // back to the queue. A process that exits without it leaves them active until they expire, then retried.
  (globalThis as Record<symbol, unknown>)[Symbol.for("portal.jobs.worker")] = worker;
}
