// What a Node.js server does once when it starts (called from instrumentation.ts, never from the Edge
// runtime or the build): refuse a start on settings that cannot be read, and a production start on unsafe
// ones (lib/ops/settings.ts; demo accounts in the database), then run the outbox
// worker inside the server, so e-mails and document pushes queued by transactions go out without a separate
// service to deploy.
import fs from "node:fs";
import path from "node:path";
import { recordSocketPeers } from "@/lib/http/peer";
import { demoAccountProblems } from "@/lib/ops/demo-accounts";
import { log } from "@/lib/ops/log";
import { settings, settingsProblems } from "@/lib/ops/settings";
import { onShutdown } from "@/lib/ops/shared.mjs";
import { isProduction } from "@/lib/payments/config";

/** The session secret `npm run demo` generated on this machine, if it did: never a production secret. */
function demoSecret(): string | undefined {
  try {
    return fs.readFileSync(/*turbopackIgnore: true*/ path.join(process.cwd(), ".data", "auth-secret"), "utf8").trim() || undefined;
  } catch {
    return undefined;
  }
}

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
  const problems = settingsProblems(process.env, { demoSecret: demoSecret() });
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
  // An operator who runs the worker elsewhere (or nowhere) turns it off here.
  if (process.env.OUTBOX_WORKER === "off") return;
  const { startOutboxWorker } = await import("@/lib/notify/worker");
  const { DOCUMENT_PUSH_KIND, pushHandler } = await import("@/lib/documents/delivery");
  // A draining server (scripts/server.mjs) stops the loop once its last response is out.
  onShutdown(startOutboxWorker({ handlers: { [DOCUMENT_PUSH_KIND]: pushHandler } }));
}
