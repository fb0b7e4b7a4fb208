// Structured logs: JSON lines on stdout (pino), with personal data redacted.
import pino from "pino";
import { currentRequestId } from "./request-context";

const REDACT = ["cccd", "phone", "email", "password", "authorization", "cookie"];
const paths = REDACT.flatMap((k) => [k, `*.${k}`, `*.*.${k}`, `headers.${k}`, `req.headers.${k}`]);

export const log = pino({
  level: process.env.LOG_LEVEL ?? "info",
  redact: { paths, censor: "[redacted]" },
  mixin() {
    const requestId = currentRequestId();
    return requestId ? { requestId } : {};
  },
});

export function childLog(bindings: Record<string, unknown>) {
  return log.child(bindings);
}
