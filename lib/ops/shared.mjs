// What the custom server (scripts/server.mjs, plain Node) and the app's bundles (lib/ops/*.ts) must agree on,
// in plain JavaScript so that both can load it: the request id a client may choose, the route label of a
// request's duration, the fields no log line may show, and the one metrics registry of the process.
import { AsyncLocalStorage } from "node:async_hooks";
import pino from "pino";
import client from "prom-client";

const REQUEST_CONTEXT_KEY = Symbol.for("portal.ops.requestContext");

/** The process's one store of the current request ({ requestId }), shared by the server and every bundle. */
export function requestStorage() {
  globalThis[REQUEST_CONTEXT_KEY] ??= new AsyncLocalStorage();
  return globalThis[REQUEST_CONTEXT_KEY];
}

/** A client's X-Request-Id is kept when it is 8–128 of these characters; anything else gets a fresh id. */
const REQUEST_ID_RE = /^[A-Za-z0-9._-]{8,128}$/;

/** The request id to use: the client's when acceptable (a load balancer's id ties its log to ours), else `fresh()`. */
export function acceptRequestId(header, fresh) {
  const value = Array.isArray(header) ? header[0] : header;
  return typeof value === "string" && REQUEST_ID_RE.test(value) ? value : fresh();
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NUMERIC_RE = /^\d+$/;
// Dossier codes (000.00.01.H29-260310-0420), agency identifiers (000.00.00.H29), procedure codes (1.001234).
const CODE_RE = /^(\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2})(-\d{6}-\d{4,})?$|^\d+(\.[0-9A-Za-z]+)+$/;
/** Routes of more segments than this are cut: the label set stays small whatever a client asks for. */
const MAX_SEGMENTS = 6;

function isIdentifier(segment) {
  if (NUMERIC_RE.test(segment) || UUID_RE.test(segment) || CODE_RE.test(segment)) return true;
  // Tokens, hashes, encoded text: anything long with a digit in it, or percent-encoded, names one thing.
  return segment.includes("%") || (segment.length >= 8 && /\d/.test(segment));
}

/**
 * At most this many distinct route labels per process; later new ones are "(other)". A path that is not a
 * page but still answers (a redirect to sign-in, a 400 for a bad segment) would otherwise let anyone add
 * series without end.
 */
export const MAX_ROUTE_LABELS = 300;
const seenLabels = new Set();

/**
 * The route label of a request: identifiers become ":id", Next's hashed assets one group, a path that
 * matched nothing (404) one label, and labels beyond MAX_ROUTE_LABELS "(other)", so that scanning random
 * paths cannot grow the metric without end. `path` is without its query string.
 */
export function routeLabel(path, status) {
  if (path.startsWith("/_next/static/")) return "/_next/static";
  if (path.startsWith("/_next/image")) return "/_next/image";
  if (status === 404) return "(not found)";
  const segments = path.split("/").filter(Boolean);
  const kept = segments.slice(0, MAX_SEGMENTS).map((s) => (isIdentifier(s) ? ":id" : s.slice(0, 40)));
  const label = `/${kept.join("/")}${segments.length > MAX_SEGMENTS ? "/…" : ""}`;
  if (seenLabels.has(label)) return label;
  if (seenLabels.size >= MAX_ROUTE_LABELS) return "(other)";
  seenLabels.add(label);
  return label;
}

// Personal data inside free text (an error's message or stack: a database error quoting the values it
// was given, an SMTP error naming the recipient): e-mail addresses, and runs of 9 or more digits (CCCD,
// phone numbers, with or without +84) are masked before a line is written.
const EMAIL_TEXT_RE = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
const DIGITS_TEXT_RE = /\+?\d[\d .-]{7,}\d/g;

/** `text` with e-mail addresses and long digit runs masked. */
function scrubText(text) {
  return typeof text === "string" ? text.replace(EMAIL_TEXT_RE, "[email]").replace(DIGITS_TEXT_RE, "[number]") : text;
}

/** An error-like field (`err`, `error`) with its message and stack scrubbed. */
function scrubErrorFields(obj) {
  for (const key of ["err", "error"]) {
    const e = obj[key];
    if (e instanceof Error) {
      // Still an Error, so pino's serializer keeps its class name.
      const copy = new Error(scrubText(e.message));
      copy.name = e.name;
      copy.stack = scrubText(e.stack);
      obj[key] = copy;
    } else if (e && typeof e === "object") obj[key] = { ...e, message: scrubText(e.message), stack: scrubText(e.stack) };
  }
  return obj;
}

const REDACTED_FIELDS = [
  "cccd",
  "idNumber",
  "phone",
  "email",
  "password",
  "passwordHash",
  "authorization",
  "cookie",
  "token",
  "totpSecret",
  "dateOfBirth",
];

/** pino redact paths: each field at the top of a log object and up to two levels down. */
const REDACT_PATHS = REDACTED_FIELDS.flatMap((f) => [f, `*.${f}`, `*.*.${f}`]);

const LEVELS = new Set(["fatal", "error", "warn", "info", "debug", "trace", "silent"]);

/**
 * A JSON-lines logger at `level` (LOG_LEVEL, default info) on `destination` (stdout): ISO times, the level
 * by name, the current request's id on every line, and the personal-data fields above redacted.
 */
export function createLogger(destination, level = process.env.LOG_LEVEL) {
  return pino(
    {
      level: level && LEVELS.has(level) ? level : "info",
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACT_PATHS, censor: "[Redacted]" },
      formatters: { level: (label) => ({ level: label }), log: scrubErrorFields },
      mixin: () => {
        const requestId = requestStorage().getStore()?.requestId;
        return requestId ? { requestId } : {};
      },
    },
    destination ?? pino.destination({ fd: 1, sync: true }),
  );
}

const SHUTDOWN_KEY = Symbol.for("portal.ops.shutdownHooks");

/** Work to finish when the server drains (a job loop in the web process, say): run after the last response. */
export function onShutdown(hook) {
  globalThis[SHUTDOWN_KEY] ??= [];
  globalThis[SHUTDOWN_KEY].push(hook);
}

/** The hooks registered with onShutdown, for the server to run. */
export function shutdownHooks() {
  return globalThis[SHUTDOWN_KEY] ?? [];
}

const METRICS_KEY = Symbol.for("portal.ops.metrics");

/** The process's metrics: one registry, on globalThis so the server and every bundle add to the same one. */
export function opsRegistry() {
  globalThis[METRICS_KEY] ??= { registry: new client.Registry() };
  return globalThis[METRICS_KEY].registry;
}

/** The metric of that name in the process registry, made by `make` the first time. */
export function sharedMetric(name, make) {
  const registry = opsRegistry();
  const existing = registry.getSingleMetric(name);
  if (existing) return existing;
  const metric = make();
  registry.registerMetric(metric);
  return metric;
}

/** Request durations, observed by the custom server once per response. */
export function httpDurationMetric() {
  return sharedMetric(
    "http_request_duration_seconds",
    () =>
      new client.Histogram({
        name: "http_request_duration_seconds",
        help: "Time from request to the end of the response, by method, route (identifiers as :id) and status",
        labelNames: ["method", "route", "status"],
        buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
        registers: [],
      }),
  );
}
