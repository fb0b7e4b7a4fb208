// One load run with autocannon, in its own process (so the load generator does not share an event
// loop with the harness). argv[2]: a JSON file with the scenario; prints one JSON line with the result.
// Latencies are recorded per response so p50/p95/p99 are exact (autocannon's summary has no p95).
import fs from "node:fs";
import autocannon from "autocannon";

const cfg = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const latencies = [];
let failures = 0;
const submitted = [];

function pct(sorted, p) {
  if (!sorted.length) return null;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** The submission's two requests for one citizen: upload a small PDF to the draft, then submit it. */
function submissionRequests(user) {
  const pdf = Buffer.from(cfg.pdfBase64, "base64");
  const ctx = {};
  return [
    {
      method: "POST",
      path: `/api/ho-so/tai-lieu?dich-vu=${encodeURIComponent(cfg.serviceCode)}&truong=giayTo1`,
      setupRequest(req) {
        return { ...req, body: pdf, headers: { cookie: user.cookie, "content-type": "application/pdf", "x-file-name": "don-de-nghi.pdf" } };
      },
      onResponse(status, body) {
        ctx.attachment = undefined;
        // A non-2xx answer is counted by autocannon; a 2xx one that is not a stored file, here.
        if (status === 201) ctx.attachment = JSON.parse(body).id;
        else if (status < 300) failures++;
      },
    },
    {
      method: "POST",
      path: `/nop-ho-so/${encodeURIComponent(cfg.serviceCode)}`,
      setupRequest(req) {
        ctx.key = `${cfg.keyPrefix}-${user.n}-${++seq}`;
        return {
          ...req,
          body: JSON.stringify([
            cfg.serviceCode,
            ctx.key,
            { hoTen: user.name, giayTo1: ctx.attachment ?? "00000000-0000-0000-0000-000000000000" },
          ]),
          headers: {
            cookie: user.cookie,
            "next-action": cfg.actionId,
            "content-type": "text/plain;charset=UTF-8",
            accept: "text/x-component",
          },
        };
      },
      onResponse(status, body) {
        // The action's answer (a React Flight row): {"ok":true,…,"data":{"code":…}} (ActionResult, lib/errors/app-error.ts),
        // read as the cluster proof reads it (tests/cluster/support.ts).
        const m = /"ok":true[^\n]*?"code":"([^"]+)"/.exec(body);
        if (status === 200 && m) submitted.push({ key: ctx.key, code: m[1] });
        else {
          if (status < 300) failures++;
          if (++shown <= 3) process.stderr.write(`submission failed (${status}): ${body.slice(0, 300)}\n`);
        }
      },
    },
  ];
}
let seq = 0;
let shown = 0;

function run(opts) {
  return new Promise((resolve) => {
    const instance = autocannon(opts, (_err, r) => resolve(r));
    instance.on("response", (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
}

// A citizen files one dossier at a time: the submission runs one single-connection instance per
// citizen, all at once (a shared connection pool would hand one citizen's draft to two connections).
const results =
  cfg.kind === "submission"
    ? await Promise.all(
        cfg.users.map((user, i) =>
          run({ url: cfg.url, connections: 1, duration: cfg.duration, requests: submissionRequests({ ...user, n: i + 1 }) }),
        ),
      )
    : [await run({ url: cfg.url, connections: cfg.connections, duration: cfg.duration, headers: cfg.headers ?? {} })];

const sum = (f) => results.reduce((s, r) => s + f(r), 0);
const statusCodes = {};
for (const r of results)
  for (const [code, v] of Object.entries(r.statusCodeStats ?? {})) statusCodes[code] = { count: (statusCodes[code]?.count ?? 0) + v.count };
latencies.sort((a, b) => a - b);
const seconds = Math.max(...results.map((r) => r.duration || cfg.duration));
process.stdout.write(
  JSON.stringify({
    requests: sum((r) => r.requests.total),
    rps: sum((r) => r.requests.total) / seconds,
    p50: pct(latencies, 50),
    p95: pct(latencies, 95),
    p99: pct(latencies, 99),
    errors: sum((r) => r.errors + r.timeouts + r.non2xx) + failures,
    statusCodes,
    submitted,
  }) + "\n",
);
