// The app's structured log: JSON lines on stdout (one object per line, for the platform's collector), at
// LOG_LEVEL (default info). Each line carries the id of the request it was written for (lib/ops/request-
// context), and personal data never shows: the fields that hold it print "[Redacted]" wherever they sit
// in the logged object (lib/ops/shared.mjs lists them). Messages themselves must not hold it either: log
// codes, ids and counts, never a citizen's e-mail address, CCCD or phone number.
import pino, { type Logger } from "pino";
import { currentRequestId } from "./request-context";
import { REDACT_PATHS } from "./shared.mjs";

const LEVELS = new Set(["fatal", "error", "warn", "info", "debug", "trace", "silent"]);

/** A logger writing to `destination` (stdout by default); tests give their own to read the lines. */
export function createLogger(destination?: pino.DestinationStream, level = process.env.LOG_LEVEL): Logger {
  return pino(
    {
      level: level && LEVELS.has(level) ? level : "info",
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACT_PATHS, censor: "[Redacted]" },
      formatters: { level: (label) => ({ level: label }) },
      mixin: () => {
        const requestId = currentRequestId();
        return requestId ? { requestId } : {};
      },
    },
    destination ?? pino.destination({ fd: 1, sync: true }),
  );
}

export const log: Logger = createLogger();

/** A logger whose every line carries `bindings` (a module, a queue, a job id). */
export function childLog(bindings: Record<string, unknown>): Logger {
  return log.child(bindings);
}

/** An error as a log field: its class, message and stack, not the objects it may point to. */
export function errorField(err: unknown): { type: string; message: string; stack?: string } {
  if (err instanceof Error) return { type: err.name, message: err.message, stack: err.stack };
  return { type: typeof err, message: String(err) };
}
