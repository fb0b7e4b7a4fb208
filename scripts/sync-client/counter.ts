// The reference client's counter (issue 17): plays a provincial one-stop system that receives dossiers at its
// counter and tells the portal about them through the dossier sync API — it files each dossier with its own
// code and the applicant's personal identification number, then moves it through the national statuses
// (processing, a supplementation request and the papers' arrival, done, result returned), each with its reason,
// and finally reconciles the day. It keeps a ledger (its own record of code, status and version), as a real
// system would, and reconciles from it.
//
//   npx tsx scripts/sync-client/counter.ts --base http://localhost:3000 --key dvc_… --agency 000.00.00.H29 \
//     --service <service code> --pid 079190012345 [--name "…"] [--count 2] [--ledger .data/sync-client/h29.json]
import fs from "node:fs";
import path from "node:path";
import { SyncApi, type DossierAnswer, type ReconcileReport, type StatusPush } from "./api";

export interface CounterApplicant {
  name: string;
  personalId: string;
  phone?: string;
  email?: string;
}

/** One dossier as the agency's own system records it. */
export interface LedgerEntry {
  code: string;
  status: number;
  version: number;
  receivedAt: string;
  trackingPin?: string;
}

export interface CounterOptions {
  baseUrl: string;
  apiKey: string;
  /** The receiving agency's identifier (its dossier codes start with it), e.g. 000.00.00.H29. */
  agency: string;
  /** The service code (or procedureCode) at that agency. */
  serviceCode?: string;
  procedureCode?: string;
  applicants: CounterApplicant[];
  /** Dossiers per applicant (1 by default). */
  count?: number;
  /** The statuses each dossier goes through after reception (2); default: 4, 5 (supplementation), 4, 9, 10. */
  steps?: number[];
  /** When the counter received them (default now); the reconciliation is for that day (Asia/Ho_Chi_Minh). */
  receivedAt?: Date;
  /** Where the ledger is kept between runs (none: in memory only). */
  ledgerPath?: string;
  /** Reconcile the reception day at the end (default true). */
  reconcile?: boolean;
  log?: (line: string) => void;
}

export interface CounterRun {
  dossiers: LedgerEntry[];
  report: ReconcileReport | null;
}

const DEFAULT_STEPS = [4, 5, 4, 9, 10];

/** The Asia/Ho_Chi_Minh calendar day of an instant, yyyy-mm-dd. */
export function localDay(d: Date): string {
  return new Date(d.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

/** What the counter sends with each status (reasons, papers asked, the result). */
export function stepBody(status: number, version: number, at: Date): StatusPush {
  const base = { version, status, at: at.toISOString() };
  switch (status) {
    case 3:
    case 8:
      return { ...base, reason: "Hồ sơ không đủ điều kiện theo quy định (dữ liệu demo)" };
    case 5:
      return {
        ...base,
        reason: "Thiếu bản sao giấy tờ chứng minh nơi cư trú",
        supplementation: { papers: ["Bản sao giấy xác nhận nơi cư trú"], note: "Thiếu bản sao giấy tờ chứng minh nơi cư trú" },
      };
    case 6:
      return { ...base, fees: { amount: 50_000 } };
    case 9:
      return {
        ...base,
        result: { name: "Kết quả giải quyết thủ tục (dữ liệu demo)", number: `KQ-${version}`, signedAt: at.toISOString() },
      };
    default:
      return base;
  }
}

function readLedger(file: string | undefined): LedgerEntry[] {
  if (!file || !fs.existsSync(file)) return [];
  return JSON.parse(fs.readFileSync(file, "utf8")) as LedgerEntry[];
}

function writeLedger(file: string | undefined, entries: LedgerEntry[]): void {
  if (!file) return;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(entries, null, 2));
}

/** A code on the national pattern for the agency and day; the counter's own sequence starts at 9000. */
function counterCode(agency: string, day: string): string {
  const seq = 9000 + Math.floor(Math.random() * 1000);
  return `${agency}-${day.slice(2, 4)}${day.slice(5, 7)}${day.slice(8, 10)}-${seq}`;
}

export async function runCounter(o: CounterOptions): Promise<CounterRun> {
  const api = new SyncApi({ baseUrl: o.baseUrl, apiKey: o.apiKey });
  const log = o.log ?? (() => {});
  const receivedAt = o.receivedAt ?? new Date();
  const day = localDay(receivedAt);
  const ledger = readLedger(o.ledgerPath);
  const filed: LedgerEntry[] = [];
  for (const applicant of o.applicants) {
    for (let i = 0; i < (o.count ?? 1); i++) {
      let answer: DossierAnswer | null = null;
      // The counter's sequence may meet a code already on the portal: take the next one.
      for (let attempt = 0; attempt < 5 && !answer; attempt++) {
        const r = await api.createDossier({
          code: counterCode(o.agency, day),
          serviceCode: o.serviceCode,
          procedureCode: o.serviceCode ? undefined : o.procedureCode,
          applicant,
          channel: "counter",
          receivedAt: receivedAt.toISOString(),
          dueAt: new Date(receivedAt.getTime() + 10 * 86_400_000).toISOString(),
          status: 2,
        });
        if (r.ok) answer = r.data;
        else if (r.problem.code !== "code_taken") throw new Error(`createDossier: ${r.status} ${r.problem.code} ${r.problem.detail}`);
      }
      if (!answer) throw new Error("createDossier: no free code");
      log(`Tiếp nhận ${answer.code} (phiên bản ${answer.version}, mã tra cứu ${answer.trackingPin ?? "?"})`);
      const entry: LedgerEntry = {
        code: answer.code,
        status: answer.status,
        version: answer.version,
        receivedAt: receivedAt.toISOString(),
        trackingPin: answer.trackingPin,
      };
      for (const status of o.steps ?? DEFAULT_STEPS) {
        const r = await api.pushStatus(entry.code, stepBody(status, entry.version, new Date()));
        if (!r.ok) throw new Error(`pushStatus ${entry.code} → ${status}: ${r.status} ${r.problem.code} ${r.problem.detail}`);
        entry.status = r.data.status;
        entry.version = r.data.version;
        log(`  ${entry.code}: trạng thái ${entry.status} (phiên bản ${entry.version})`);
      }
      filed.push(entry);
      ledger.push(entry);
      writeLedger(o.ledgerPath, ledger);
    }
  }
  let report: ReconcileReport | null = null;
  if (o.reconcile ?? true) {
    const r = await api.reconcile(
      day,
      ledger.filter((e) => localDay(new Date(e.receivedAt)) === day).map(({ code, status, version }) => ({ code, status, version })),
    );
    if (!r.ok) throw new Error(`reconcile: ${r.status} ${r.problem.code} ${r.problem.detail}`);
    report = r.data;
    log(`Đối soát ngày ${day}: ${report.differences.length} chênh lệch`);
  }
  return { dossiers: filed, report };
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

// CLI entry when run directly.
if (/sync-client[\\/]counter\.ts$/.test(process.argv[1] ?? "")) {
  const baseUrl = arg("base") ?? "http://localhost:3000";
  const apiKey = arg("key") ?? process.env.SYNC_API_KEY;
  const agency = arg("agency");
  const pid = arg("pid");
  if (!apiKey || !agency || !pid || (!arg("service") && !arg("procedure"))) {
    console.error(
      "Cách dùng: counter.ts --base <url> --key <dvc_…> --agency <mã cơ quan> --service <mã dịch vụ> --pid <số định danh> [--name …] [--count n] [--ledger <tệp>]",
    );
    process.exit(2);
  }
  runCounter({
    baseUrl,
    apiKey,
    agency,
    serviceCode: arg("service"),
    procedureCode: arg("procedure"),
    applicants: [{ name: arg("name") ?? "Công dân (dữ liệu demo)", personalId: pid }],
    count: Number(arg("count") ?? "1"),
    ledgerPath: arg("ledger"),
    log: (l) => console.log(l),
  }).catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
