// Whether a condition holds for a set of answers. Pure: the browser shows and hides with it, the server
// checks a submission with it, the fee calculator applies rules with it.
import type { Condition } from "./definition";

function filled(v: unknown): boolean {
  if (v === undefined || v === null || v === false) return false;
  if (typeof v === "string") return v.trim() !== "";
  if (Array.isArray(v)) return v.length > 0;
  return true;
}

/** A checkbox's answer as a boolean: true, or "on"/"true" as a plain HTML form sends it. */
export function isChecked(v: unknown): boolean {
  return v === true || v === "on" || v === "true";
}

/**
 * Evaluates `c` against `answers`; inside a group's item, `item` holds that item's answers and is looked
 * at first. A checkbox answer may arrive as "on"/"true" from a plain form: both read as true.
 */
export function holds(c: Condition | undefined, answers: Record<string, unknown>, item?: Record<string, unknown>): boolean {
  if (!c) return true;
  if ("all" in c) return c.all.every((x) => holds(x, answers, item));
  if ("any" in c) return c.any.some((x) => holds(x, answers, item));
  if ("not" in c) return !holds(c.not, answers, item);
  const v = item && c.field in item ? item[c.field] : answers[c.field];
  if ("filled" in c) return filled(v) === c.filled;
  if ("in" in c) return typeof v === "string" && c.in.includes(v);
  if (typeof c.equals === "boolean") return isChecked(v) === c.equals;
  if (typeof c.equals === "number") return v !== undefined && v !== null && v !== "" && Number(v) === c.equals;
  return v === c.equals;
}
