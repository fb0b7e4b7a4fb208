// The reference client (issue 17) for one agency: plays its provincial one-stop system against the portal. It starts
// the inbox (scripts/sync-client/inbox.ts: receives the dossiers filed on the portal for the agency's SYNC services,
// downloads their papers, acknowledges them and moves them on) and, with --counter, the counter (counter.ts: dossiers
// received at the agency's own counter, filed through the inbound API).
//
//   tsx scripts/sync-client/main.ts --agency 000.00.00.H29 --portal http://localhost:3000 --port 4129 [--counter [--every 120]]
//   tsx scripts/sync-client/main.ts --portal … --key dvc_… --secret whsec_… --port …   (any agency)
//
// A demo agency (scripts/sync-client/demo-agencies.ts) needs no key or secret: the demo seeds its fixed ones.
import { parseArgs } from "node:util";
import { SYNC_DEMO_AGENCIES } from "./demo-agencies";
import { startInbox } from "./inbox";
import { localDay, runCounter, type LedgerEntry } from "./counter";
import { SyncApi } from "./api";

/** The personal identification number the demo counter files for: the demo citizen (prisma/seed/demo.ts). */
const DEMO_COUNTER_PERSONAL_ID = "079190012345";

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
      every: { type: "string", default: "120" },
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

  // The counter: every `--every` seconds one dossier received at the agency's own counter is filed through the
  // inbound API and moved through its statuses; then the day is reconciled with everything this system knows
  // (the counter's dossiers and those the inbox took), so the dashboard shows live sync and zero differences.
  let timer: NodeJS.Timeout | undefined;
  if (values.counter) {
    if (!demo || !values.agency) {
      console.error("--counter chỉ dùng với một cơ quan demo (--agency).");
      process.exit(2);
    }
    const ledger: LedgerEntry[] = [];
    const api = new SyncApi({ baseUrl: values.portal!, apiKey });
    const tick = async () => {
      try {
        const run = await runCounter({
          baseUrl: values.portal!,
          apiKey,
          agency: demo.identifier,
          procedureCode: demo.procedures[0],
          applicants: [{ name: "Công dân (dữ liệu demo)", personalId: DEMO_COUNTER_PERSONAL_ID }],
          reconcile: false,
          log: (line) => console.log(`[${prefix}] ${line}`),
        });
        ledger.push(...run.dossiers);
        const day = localDay(new Date());
        const mine = [
          ...ledger.filter((e) => localDay(new Date(e.receivedAt)) === day),
          ...[...inbox.records.values()].filter((r) => r.version != null && r.status != null && localDay(r.receivedAt) === day),
        ].map((e) => ({ code: e.code, status: e.status!, version: e.version! }));
        const r = await api.reconcile(day, mine);
        if (r.ok) console.log(`[${prefix}] Đối soát ngày ${day}: ${r.data.differences.length} chênh lệch`);
        else console.error(`[${prefix}] Đối soát không thành công: ${r.status} ${r.problem.code}`);
      } catch (err) {
        console.error(`[${prefix}] Quầy một cửa: ${(err as Error).message}`);
      }
    };
    const every = Math.max(10, Number(values.every)) * 1000;
    void tick();
    timer = setInterval(() => void tick(), every);
  }

  const stop = async () => {
    if (timer) clearInterval(timer);
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
