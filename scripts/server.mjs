// `npm start`: the production server. Next's request handler behind a plain Node HTTP server that gives each
// request an id (the client's X-Request-Id when it is a sane one, else a UUID; echoed in the response), runs it
// inside the shared request store (so every log line of the request carries the id), writes one JSON access
// line per request (never the query string: it can hold personal data) and observes its duration in the
// shared metrics registry. SIGTERM or SIGINT drains: no new connections, /api/ready answers 503, requests in
// flight finish (up to SHUTDOWN_GRACE_SECONDS, default 25), idle keep-alive sockets close, then exit 0.
// PORT (default 3000) and HOST (default 0.0.0.0) choose where it listens.
import { randomUUID } from "node:crypto";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import next from "next";
import { acceptRequestId, createLogger, httpDurationMetric, requestStorage, routeLabel, shutdownHooks } from "../lib/ops/shared.mjs";

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
// The app reads its migrations (lib/db/migrate.ts) and default file folder from the working directory.
process.chdir(dir);
const port = Number(process.env.PORT || 3000);
const hostname = process.env.HOST || "0.0.0.0";
const graceSeconds = Number(process.env.SHUTDOWN_GRACE_SECONDS || 25);
const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

const log = createLogger().child({ module: "server" });
const httpDuration = httpDurationMetric();
const store = requestStorage();

process.env.NODE_ENV ||= "production";
const app = next({ dev: false, dir, hostname, port });
const handle = app.getRequestHandler();

let draining = false;
let inFlight = 0;

function accessLog(req, res, requestId, started) {
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const pathOnly = (req.url ?? "/").split("?")[0].slice(0, 512);
  const status = res.headersSent ? res.statusCode : 499; // 499: the client went away before an answer
  const method = METHODS.has(req.method) ? req.method : "OTHER";
  httpDuration.observe({ method, route: routeLabel(pathOnly, status), status: String(status) }, ms / 1000);
  log.info({ requestId, method, path: pathOnly, status, ms: Math.round(ms * 10) / 10 }, "request");
}

function onRequest(req, res) {
  const started = process.hrtime.bigint();
  const requestId = acceptRequestId(req.headers["x-request-id"], randomUUID);
  // The app reads it from the headers too (a bundle that cannot see the store still can name the request).
  req.headers["x-request-id"] = requestId;
  res.setHeader("X-Request-Id", requestId);
  inFlight++;
  let logged = false;
  const done = () => {
    if (logged) return;
    logged = true;
    inFlight--;
    accessLog(req, res, requestId, started);
  };
  res.once("finish", done);
  res.once("close", done);
  store.run({ requestId }, () => {
    if (draining) {
      // Keep-alive clients reconnect elsewhere; the balancer's probe sees this node leaving.
      res.setHeader("Connection", "close");
      if ((req.url ?? "").split("?")[0] === "/api/ready") {
        res.writeHead(503, { "Content-Type": "application/json", "Cache-Control": "no-store" });
        res.end(JSON.stringify({ status: "draining" }));
        return;
      }
    }
    handle(req, res).catch((err) => {
      log.error({ err: { type: err?.name, message: err?.message, stack: err?.stack } }, "request handler failed");
      if (!res.headersSent) {
        res.statusCode = 500;
        res.end("Internal Server Error");
      } else res.destroy();
    });
  });
}

async function main() {
  await app.prepare();
  const server = http.createServer(onRequest);
  // Longer than a balancer's idle timeout (nginx, cloud balancers: 60 s), so this side never closes a socket
  // the balancer is about to reuse.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;

  let exiting = false;
  async function finish(reason) {
    if (exiting) return;
    exiting = true;
    for (const hook of shutdownHooks()) {
      try {
        await hook();
      } catch (err) {
        log.error({ err: { type: err?.name, message: err?.message } }, "shutdown hook failed");
      }
    }
    log.info({ reason, inFlight }, "stopped");
    process.exit(0);
  }

  function drain(signal) {
    if (draining) return void log.info({ signal, inFlight }, "already draining");
    draining = true;
    log.info({ signal, inFlight, graceSeconds }, "draining: no new connections, finishing requests in flight");
    server.close(() => void finish("drained"));
    server.closeIdleConnections();
    // Keep-alive sockets that go idle after their last response close too (server.close only refuses new ones).
    const sweep = setInterval(() => server.closeIdleConnections(), 250);
    sweep.unref();
    setTimeout(() => {
      log.warn({ inFlight }, "grace period over: closing the connections still open");
      server.closeAllConnections();
      void finish("grace period over");
    }, graceSeconds * 1000);
  }
  process.on("SIGTERM", () => drain("SIGTERM"));
  process.on("SIGINT", () => drain("SIGINT"));

  server.listen(port, hostname, () => log.info({ port, hostname }, "listening"));
}

main().catch((err) => {
  log.fatal({ err: { type: err?.name, message: err?.message, stack: err?.stack } }, "server failed to start");
  process.exit(1);
});
