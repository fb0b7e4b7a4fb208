// `npm run bench -- --scale small|national|tiny`: the portal measured at a scale, on one command.
//
// 1. migrates and seeds DATABASE_URL (a real PostgreSQL server; README "Benchmark"), then fills it up to
//    the scale with set-based SQL (scripts/bench/generate.ts) unless it already holds that scale;
// 2. builds the production bundle when the sources changed, and serves it with `next start`;
// 3. loads each scenario with autocannon from a separate process (scripts/bench/load.mjs), including a
//    static asset of the same server as the baseline, and prints req/s, p50/p95/p99, errors and the
//    ratio to the static asset; checks the submissions in the database (none lost, none twice);
// 4. prints the first-load JS (gzipped) of each public page;
// 5. writes bench-results/<time>-<scale>.json and .md.
//
// Options: --duration <s> per scenario (default 10), --connections <n> (default 10), --port <n>
// (default 3210), --no-build (use the existing .next), --fresh (drop and recreate DATABASE_URL's
// database first; it must be a database of its own), --only <scenario,...>, --generate-only (fill the
// database and stop).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildIsStale, clearRuntimeCaches, nextBin } from "../lib/next-build";
import { firstLoadJs, http, signIn, submitActionId } from "./http";
import { searchRelevance } from "./relevance";
import { withClient } from "@/lib/db/admin";
import { prepareDatabase } from "./database";
import { CITIZEN_EMAIL, OFFICER_EMAIL, SCALES, type ScaleName } from "./generate";

const root = process.cwd();

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const flag = (name: string) => process.argv.includes(`--${name}`);

const scaleName = (arg("scale") ?? "small") as ScaleName;
if (!(scaleName in SCALES)) throw new Error(`--scale must be one of ${Object.keys(SCALES).join(", ")}`);
const scale = SCALES[scaleName];
const duration = Number(arg("duration") ?? 10);
const connections = Number(arg("connections") ?? 10);
const port = Number(arg("port") ?? 3210);
const only = arg("only")?.split(",");
const base = `http://127.0.0.1:${port}`;

const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

// --- 1. the database --------------------------------------------------------------------------------

// --- 2. the server ----------------------------------------------------------------------------------

function buildIfStale() {
  if (flag("no-build") || !buildIsStale()) return;
  console.log("Build bản production (next build)…");
  const t = performance.now();
  // The build needs no database: nothing is prerendered from it.
  const r = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (r.status !== 0) throw new Error("next build failed");
  console.log(`Build xong trong ${secs(performance.now() - t)}.`);
}

async function startServer(url: string, logFile: string): Promise<ChildProcess> {
  clearRuntimeCaches();
  const files = fs.mkdtempSync(path.join(os.tmpdir(), "portal-bench-files-"));
  const out = fs.openSync(logFile, "w");
  const server = spawn(process.execPath, [nextBin, "start", "-p", String(port), "-H", "127.0.0.1"], {
    stdio: ["ignore", out, out],
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: url,
      NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
      NEXTAUTH_URL: base,
      FILE_STORAGE_DIR: files,
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
  for (let i = 0; i < 120; i++) {
    if (server.exitCode !== null) throw new Error(`next start exited (${server.exitCode}); see ${logFile}`);
    try {
      const r = await http(`${base}/api/phien`);
      if (r.ok) return server;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`next start did not answer on ${base}`);
}

// --- 3. scenarios -----------------------------------------------------------------------------------

interface Scenario {
  name: string;
  path: string;
  headers?: Record<string, string>;
  kind?: "submission";
  /** Skipped (not failed) when the page answers 404: built on another branch. */
  optional?: boolean;
  target?: string;
}

interface Result {
  name: string;
  path: string;
  skipped?: string;
  rps?: number;
  p50?: number | null;
  p95?: number | null;
  p99?: number | null;
  errors?: number;
  requests?: number;
  ratio?: number;
  target?: string;
  statusCodes?: Record<string, { count: number }>;
}

function runLoad(cfg: Record<string, unknown>): {
  rps: number;
  p50: number | null;
  p95: number | null;
  p99: number | null;
  errors: number;
  requests: number;
  statusCodes: Record<string, { count: number }>;
  submitted: { key: string; code: string }[];
} {
  const file = path.join(os.tmpdir(), `bench-${process.pid}-${randomBytes(4).toString("hex")}.json`);
  fs.writeFileSync(file, JSON.stringify(cfg));
  const r = spawnSync(process.execPath, [path.join(root, "scripts", "bench", "load.mjs"), file], {
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  fs.rmSync(file, { force: true });
  if (r.stderr) process.stderr.write(r.stderr);
  if (r.status !== 0) throw new Error(`load run failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split("\n").pop()!);
}

// --- 4. first-load JS -------------------------------------------------------------------------------

// --- main -------------------------------------------------------------------------------------------

const pad = (s: string, n: number) => (s.length >= n ? s : s + " ".repeat(n - s.length));
const lpad = (s: string, n: number) => (s.length >= n ? s : " ".repeat(n - s.length) + s);
const fmt = (v: number | null | undefined, d = 0) => (v == null ? "–" : v.toFixed(d));

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error("DATABASE_URL is not set: the benchmark runs against a real PostgreSQL server (README, section Benchmark).");
    process.exit(2);
  }
  const started = new Date();
  const outDir = path.join(root, "bench-results");
  fs.mkdirSync(outDir, { recursive: true });
  const stamp = started.toISOString().replace(/[:.]/g, "-");

  await prepareDatabase(url, scaleName, flag("fresh"));
  if (flag("generate-only")) return;
  buildIfStale();

  // What to ask for: taken from the data, so every scale has a deep page and a real service.
  const targets = await withClient(url, async (c) => {
    const agency = (
      await c.query(`SELECT d.holder_agency_id AS id, a.identifier, count(*)::int AS n FROM dossier d JOIN agency a ON a.id = d.holder_agency_id
                     WHERE d.status = 4 GROUP BY 1, 2 ORDER BY 3 DESC, 1 LIMIT 1`)
    ).rows[0] as { id: number; identifier: string; n: number };
    const field = (
      await c.query(
        `SELECT f.slug, count(*)::int AS n FROM dossier d JOIN service s ON s.id = d.service_id JOIN procedure p ON p.id = s.procedure_id
                     JOIN field f ON f.id = p.field_id WHERE d.holder_agency_id = $1 AND d.status = 4 GROUP BY 1 ORDER BY 2 DESC LIMIT 1`,
        [agency.id],
      )
    ).rows[0] as { slug: string; n: number };
    const deepOffset = Math.max(0, Math.floor(field.n * 0.8));
    const deep = (
      await c.query(
        `SELECT d.due_at, d.id FROM dossier d JOIN service s ON s.id = d.service_id JOIN procedure p ON p.id = s.procedure_id
                     WHERE d.holder_agency_id = $1 AND d.status = 4 AND p.field_id = (SELECT id FROM field WHERE slug = $2)
                     ORDER BY d.due_at, d.id OFFSET $3 LIMIT 1`,
        [agency.id, field.slug, deepOffset],
      )
    ).rows[0] as { due_at: Date; id: string };
    const service = (
      await c.query(`SELECT s.code FROM service s WHERE s.agency_id = $1 AND s.code LIKE '0.%' AND s.published ORDER BY s.id LIMIT 1`, [
        agency.id,
      ])
    ).rows[0] as { code: string } | undefined;
    const detail = (await c.query(`SELECT code FROM service WHERE published ORDER BY id LIMIT 1 OFFSET 7`)).rows[0] as { code: string };
    return {
      agency,
      field,
      deepOffset,
      cursor: Buffer.from(`${deep.due_at.toISOString()}|${deep.id}`).toString("base64url"),
      service: service?.code ?? detail.code,
      detail: detail.code,
    };
  });

  const logFile = path.join(outDir, `${stamp}-${scaleName}-server.log`);
  const server = await startServer(url, logFile);
  const stop = () => {
    if (server.exitCode === null) server.kill("SIGTERM");
  };
  process.on("SIGINT", () => {
    stop();
    process.exit(130);
  });
  try {
    const home = await (await http(`${base}/`)).text();
    const asset = /<script[^>]+src="(\/_next\/static\/chunks\/[^"]+\.js)"/.exec(home)?.[1];
    if (!asset) throw new Error("no static chunk found on the home page");

    const officerCookie = await signIn(base, OFFICER_EMAIL(targets.agency.id));
    const citizens = await Promise.all(
      Array.from({ length: connections }, async (_, i) => {
        const email = CITIZEN_EMAIL(i + 1);
        const name = (await withClient(url, (c) => c.query("SELECT full_name FROM app_user WHERE email = $1", [email]))).rows[0]
          .full_name as string;
        return { cookie: await signIn(base, email), name };
      }),
    );
    const officer = { cookie: officerCookie };

    const scenarios: Scenario[] = [
      { name: "static asset", path: asset },
      { name: "home", path: "/", target: "≥ 0.8" },
      { name: "catalog first page", path: "/thu-tuc", target: "≥ 0.8" },
      { name: "catalog last page", path: "/thu-tuc?cuoi=1", target: "≥ 0.8" },
      { name: "search (no diacritics)", path: "/thu-tuc?q=giay+phep+xay+dung", target: "≥ 0.5" },
      { name: "service detail", path: `/thu-tuc/${targets.detail}`, target: "≥ 0.8" },
      { name: "submission (+attachment)", path: `/nop-ho-so/${targets.service}`, kind: "submission", target: "≥ 0.2, 0 errors" },
      {
        name: "officer queue, first page",
        path: `/can-bo/ho-so?tab=dang-xu-ly&linh-vuc=${targets.field.slug}`,
        headers: { cookie: officer.cookie },
        target: "p95 ≤ 1.5× small",
      },
      {
        name: "officer queue, deep page",
        path: `/can-bo/ho-so?tab=dang-xu-ly&linh-vuc=${targets.field.slug}&sau=${targets.cursor}`,
        headers: { cookie: officer.cookie },
        target: "p95 ≤ 1.5× small",
      },
      { name: "document register", path: "/can-bo/van-ban-den", headers: { cookie: officer.cookie } },
      { name: "public statistics", path: "/thong-ke", optional: true },
    ];

    const pdf = Buffer.from(
      "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
    );
    const actionId = submitActionId(root);
    const keyPrefix = `bench-sub-${stamp}`.replace(/[^A-Za-z0-9_-]/g, "").slice(0, 40);
    const results: Result[] = [];
    let submittedAll: { key: string; code: string }[] = [];
    for (const s of scenarios) {
      if (only && s.name !== "static asset" && !only.some((o) => s.name.includes(o))) continue;
      // Warm up: the first request renders and caches what is cacheable; a page that fails is reported.
      const probe = s.kind ? null : await http(base + s.path, { headers: s.headers, redirect: "manual" });
      if (probe && probe.status === 404 && s.optional) {
        console.log(`${pad(s.name, 28)} skipped (page missing)`);
        results.push({ name: s.name, path: s.path, skipped: "page missing" });
        continue;
      }
      if (probe && probe.status !== 200) console.warn(`${s.name}: ${s.path} answered ${probe.status} before the run`);
      const r = runLoad({
        url: base + (s.kind ? "" : s.path),
        connections,
        duration,
        headers: s.headers,
        ...(s.kind
          ? { kind: s.kind, serviceCode: targets.service, users: citizens, actionId, keyPrefix, pdfBase64: pdf.toString("base64") }
          : {}),
      });
      // A submission is two requests (upload, submit): its rate is of submissions.
      const rps = s.kind ? r.rps / 2 : r.rps;
      results.push({
        name: s.name,
        path: s.path,
        rps,
        p50: r.p50,
        p95: r.p95,
        p99: r.p99,
        errors: r.errors,
        requests: r.requests,
        target: s.target,
        statusCodes: r.statusCodes,
      });
      if (s.kind) submittedAll = r.submitted;
      console.log(`${pad(s.name, 28)} ${fmt(rps)} req/s, p95 ${fmt(r.p95)} ms, errors ${r.errors}`);
    }
    const staticRps = results.find((r) => r.name === "static asset")?.rps ?? NaN;
    for (const r of results) if (r.rps != null) r.ratio = r.rps / staticRps;

    // The submissions, checked in the database: every ok answer is exactly one dossier (none lost, none
    // twice); a dossier without an answer is one still in flight when the load stopped.
    const check = await withClient(url, async (c) => {
      const rows = (await c.query(`SELECT code, idempotency_key AS key FROM dossier WHERE idempotency_key LIKE $1`, [`${keyPrefix}%`]))
        .rows as { code: string; key: string }[];
      const byCode = new Map(rows.map((r) => [r.code, r.key]));
      const lost = submittedAll.filter((s) => byCode.get(s.code) !== s.key).length;
      const keys = new Set(rows.map((r) => r.key)).size;
      const answeredCodes = new Set(submittedAll.map((s) => s.code)).size;
      return {
        answeredOk: submittedAll.length,
        inDatabase: rows.length,
        lost,
        duplicates: rows.length - keys + (submittedAll.length - answeredCodes),
        inFlightAtStop: rows.length - submittedAll.length,
      };
    });

    const publicPages = [
      "/",
      "/thu-tuc",
      "/thu-tuc?q=giay+phep+xay+dung",
      `/thu-tuc/${targets.detail}`,
      "/co-quan",
      "/tra-cuu-ho-so",
      "/dang-nhap",
      "/dang-ky",
      "/thong-ke",
    ];
    const js: { path: string; scripts: number; gzipBytes: number }[] = [];
    for (const p of publicPages) {
      const j = await firstLoadJs(base, p);
      if (j) js.push(j);
    }

    const relevance = await searchRelevance(base);

    // --- report ---
    const lines: string[] = [];
    lines.push(`# Benchmark ${scaleName} — ${started.toISOString()}`);
    lines.push("");
    lines.push(
      `${os.cpus().length} CPU (${os.cpus()[0]?.model ?? "?"}), Node ${process.version}, ${connections} connections, ${duration} s per scenario.`,
    );
    lines.push(
      `Queue: agency ${targets.agency.identifier} (${targets.agency.n} dossiers "đang xử lý"), field ${targets.field.slug} (${targets.field.n}), deep page after row ${targets.deepOffset}.`,
    );
    lines.push("");
    lines.push(
      `| ${pad("scenario", 28)} | ${lpad("req/s", 8)} | ${lpad("p50 ms", 7)} | ${lpad("p95 ms", 7)} | ${lpad("p99 ms", 7)} | ${lpad("errors", 6)} | ${lpad("ratio", 6)} | target |`,
    );
    lines.push(
      `|${"-".repeat(30)}|${"-".repeat(10)}|${"-".repeat(9)}|${"-".repeat(9)}|${"-".repeat(9)}|${"-".repeat(8)}|${"-".repeat(8)}|--------|`,
    );
    for (const r of results) {
      if (r.skipped) {
        lines.push(`| ${pad(r.name, 28)} | skipped (${r.skipped}) | | | | | | |`);
        continue;
      }
      lines.push(
        `| ${pad(r.name, 28)} | ${lpad(fmt(r.rps), 8)} | ${lpad(fmt(r.p50), 7)} | ${lpad(fmt(r.p95), 7)} | ${lpad(fmt(r.p99), 7)} | ${lpad(String(r.errors), 6)} | ${lpad(fmt(r.ratio, 2), 6)} | ${r.target ?? ""} |`,
      );
    }
    lines.push("");
    lines.push(
      `Submissions: ${check.answeredOk} answered ok, ${check.inDatabase} dossiers in the database (${check.inFlightAtStop} still in flight when the load stopped), ${check.lost} lost, ${check.duplicates} duplicates.`,
    );
    lines.push("");
    lines.push(
      `Search relevance: ${relevance.hits} of ${relevance.queries} queries find the expected procedure first (${((100 * relevance.hits) / relevance.queries).toFixed(1)} %).`,
    );
    for (const m of relevance.misses) lines.push(`- «${m.q}»: first «${m.got}», expected «${m.expected}»`);
    lines.push("");
    lines.push("| public page (first-load JS) | scripts | gzipped KB |");
    lines.push("|---|---:|---:|");
    for (const j of js) lines.push(`| ${j.path} | ${j.scripts} | ${(j.gzipBytes / 1024).toFixed(1)} |`);
    const report = lines.join("\n");
    console.log("\n" + report);

    const json = {
      scale: scaleName,
      counts: scale,
      started: started.toISOString(),
      connections,
      duration,
      targets,
      results,
      submissions: check,
      firstLoadJs: js,
      relevance,
    };
    fs.writeFileSync(path.join(outDir, `${stamp}-${scaleName}.json`), JSON.stringify(json, null, 2));
    fs.writeFileSync(path.join(outDir, `${stamp}-${scaleName}.md`), report + "\n");
    console.log(`\nKết quả: bench-results/${stamp}-${scaleName}.json, .md`);
    if (check.duplicates !== 0 || check.lost !== 0) process.exitCode = 1;
  } finally {
    stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
