// The app's structured log: JSON lines on stdout (one object per line, for the platform's collector), at
// LOG_LEVEL (default info). Each line carries the id of the request it was written for (lib/ops/request-
// context), and personal data never shows: the fields that hold it print "[Redacted]" wherever they sit
// in the logged object (lib/ops/shared.mjs lists them, and makes the logger the custom server uses too).
// Messages themselves must not hold it either: log codes, ids and counts, never an e-mail address, CCCD or phone.
import type { Logger } from "pino";
import { createLogger } from "./shared.mjs";

export { createLogger };

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
