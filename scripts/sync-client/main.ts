// The reference client (issue 17) for one agency: plays its provincial one-stop system against the portal. It starts
// the inbox (scripts/sync-client/inbox.ts: receives the dossiers filed on the portal for the agency's SYNC services,
// downloads their papers, acknowledges them and moves them on) and, with --counter, the counter (counter.ts: dossiers
// received at the agency's own counter, filed through the inbound API).
//
//   tsx scripts/sync-client/main.ts --agency 000.00.00.H29 --portal http://localhost:3000 --port 4129 [--counter]
//   tsx scripts/sync-client/main.ts --portal … --key dvc_… --secret whsec_… --port …   (any agency)
//
// A demo agency (scripts/sync-client/demo-agencies.ts) needs no key or secret: the demo seeds its fixed ones.
import path from "node:path";
import { parseArgs } from "node:util";
import { SYNC_DEMO_AGENCIES } from "./demo-agencies";
import { startInbox } from "./inbox";

async function main() {
  const { values } = parseArgs({
    options: {
      agency: { type: "string" },
      portal: { type: "string", default: process.env.PORTAL_URL ?? "http://localhost:3000" },
      port: { type: "string", default: "0" },
      host: { type: "string", default: "127.0.0.1" },
      key: { type: "string" },
      secret: { type: "string" },
      counter: { type: "boolean", default: false },
      "no-advance": { type: "boolean", default: false },
    },
  });
  const demo = SYNC_DEMO_AGENCIES.find((a) => a.identifier === values.agency);
  const apiKey = values.key ?? demo?.apiKey;
  const secret = values.secret ?? demo?.secret;
  if (!apiKey || !secret) {
    console.error("Cần --agency <mã cơ quan demo> hoặc --key <khóa API> và --secret <khóa ký của địa chỉ nhận hồ sơ>.");
    process.exit(2);
  }
  const prefix = demo?.prefix ?? "MC";
  const inbox = await startInbox({
    portalUrl: values.portal!,
    apiKey,
    secret,
    port: Number(values.port),
    host: values.host,
    prefix,
    advance: !values["no-advance"],
    catchUp: true,
  });
  console.log(`[${prefix}] Hệ thống một cửa (tham chiếu) nhận hồ sơ tại ${inbox.url}`);

  let stopCounter: (() => unknown) | undefined;
  if (values.counter) {
    // counter.ts is the inbound half's (runCounter); loaded by path so that this file stands without it.
    const counterPath = path.join(import.meta.dirname, "counter.ts");
    try {
      const m = (await import(counterPath)) as { runCounter?: (opts: Record<string, unknown>) => unknown };
      const running = await m.runCounter?.({ portalUrl: values.portal, apiKey, agency: values.agency, prefix });
      if (running && typeof (running as { stop?: unknown }).stop === "function")
        stopCounter = () => (running as { stop: () => unknown }).stop();
    } catch (err) {
      console.error(`[${prefix}] không chạy được quầy một cửa (counter.ts): ${(err as Error).message}`);
    }
  }

  const stop = async () => {
    await stopCounter?.();
    await inbox.stop();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop());
  process.on("SIGTERM", () => void stop());
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
