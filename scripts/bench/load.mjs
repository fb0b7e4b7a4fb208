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

let requests;
if (cfg.kind === "submission") {
  // Per connection: one citizen (cookie), upload a small PDF to the draft, then submit with a fresh
  // idempotency key through the page's server action. A submission that does not answer ok is a failure.
  const pdf = Buffer.from(cfg.pdfBase64, "base64");
  let nextUser = 0;
  let seq = 0;
  requests = [
    {
      method: "POST",
      path: `/api/ho-so/tai-lieu?dich-vu=${encodeURIComponent(cfg.serviceCode)}&truong=giayTo1`,
      setupRequest(req, ctx) {
        if (!ctx.user) ctx.user = cfg.users[nextUser++ % cfg.users.length];
        return { ...req, body: pdf, headers: { cookie: ctx.user.cookie, "content-type": "application/pdf", "x-file-name": "don-de-nghi.pdf" } };
      },
      onResponse(status, body, ctx) {
        ctx.attachment = undefined;
        if (status === 201) ctx.attachment = JSON.parse(body).id;
        else failures++;
      },
    },
    {
      method: "POST",
      path: `/nop-ho-so/${encodeURIComponent(cfg.serviceCode)}`,
      setupRequest(req, ctx) {
        const key = `${cfg.keyPrefix}-${process.pid}-${++seq}`;
        ctx.key = key;
        return {
          ...req,
          body: JSON.stringify([cfg.serviceCode, key, { hoTen: ctx.user.name, giayTo1: ctx.attachment ?? "00000000-0000-0000-0000-000000000000" }]),
          headers: {
            cookie: ctx.user.cookie,
            "next-action": cfg.actionId,
            "content-type": "text/plain;charset=UTF-8",
            accept: "text/x-component",
          },
        };
      },
      onResponse(status, body, ctx) {
        const m = /"ok":true,"code":"([^"]+)"/.exec(body);
        if (status === 200 && m) submitted.push({ key: ctx.key, code: m[1] });
        else {
          failures++;
          if (failures <= 3) process.stderr.write(`submission failed (${status}): ${body.slice(0, 300)}\n`);
        }
      },
    },
  ];
}

const instance = autocannon({
  url: cfg.url,
  connections: cfg.connections,
  duration: cfg.duration,
  headers: cfg.headers ?? {},
  ...(requests ? { requests } : {}),
});
instance.on("response", (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
instance.on("done", (r) => {
  latencies.sort((a, b) => a - b);
  const out = {
    requests: r.requests.total,
    rps: r.requests.total / (r.duration || cfg.duration),
    p50: pct(latencies, 50),
    p95: pct(latencies, 95),
    p99: pct(latencies, 99),
    errors: r.errors + r.timeouts + r.non2xx + failures,
    non2xx: r.non2xx,
    statusCodes: r.statusCodeStats,
    submitted,
  };
  process.stdout.write(JSON.stringify(out) + "\n");
});
