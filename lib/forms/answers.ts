// One zod schema per form definition: the browser validates each step with it, and the server validates the
// whole submission with it again. Hidden steps, hidden fields and hidden papers are neither required nor kept;
// a choice from a code list is checked against the lists handed in; dates are checked for plausibility on the
// filing day in Vietnam; a repeating group is an array of items, each checked field by field. Pure.
import { z } from "zod";
import type { FormDefinition, FormField, FormStep } from "./definition";
import { holds, isChecked } from "./conditions";
import type { CodeLists } from "./codelists";
import { localDate } from "@/lib/calendar/time";
import { parseCccd } from "@/lib/identity/cccd";
import { normaliseMobile } from "@/lib/identity/phone";
import { filingText } from "@/lib/i18n/vi/filing";
import { isUuid } from "@/lib/http/uuid";

export interface AddressValue {
  province: string;
  district: string;
  ward: string;
  street: string;
}
type ItemValue = string | boolean;
type GroupItem = Record<string, ItemValue>;
export type AnswerValue = string | boolean | AddressValue | GroupItem[];
type Answers = Record<string, AnswerValue>;

/** The words of the refusals, each naming its field (Vietnamese by default; the English form passes its own). */
export type AnswerText = Pick<
  typeof filingText,
  | "required"
  | "requiredChoice"
  | "requiredFile"
  | "requiredCheck"
  | "tooLong"
  | "number"
  | "date"
  | "option"
  | "dateTooEarly"
  | "dateFuture"
  | "dateMinAge"
  | "dateMaxAge"
  | "yearRange"
  | "integer"
  | "numberRange"
  | "groupMin"
  | "groupMax"
  | "cccd"
  | "phone"
  | "email"
  | "address"
>;

/**
 * What checking needs beyond the definition: the code lists it names, the filing day (YYYY-MM-DD, Vietnam),
 * and the words of the refusals.
 */
export interface AnswerContext {
  lists?: CodeLists;
  today?: string;
  text?: AnswerText;
}

const TEXT_MAX = { text: 500, textarea: 5000 } as const;
const DEFAULT_NOT_BEFORE = "1900-01-01";

/** Today in Vietnam (the filing day). */
function filingDay(now = new Date()): string {
  return localDate(now);
}

export function isVisible(field: FormField, answers: Record<string, unknown>, item?: Record<string, unknown>): boolean {
  return holds(field.showWhen, answers, item);
}

export function isStepVisible(step: FormStep, answers: Record<string, unknown>): boolean {
  return holds(step.showWhen, answers);
}

/**
 * The answers that count: only those of fields shown (steps and fields in order, settled until nothing
 * changes), so a value left behind in a hidden field, or sent for one, never makes a condition hold.
 */
export function shownAnswers(def: FormDefinition, raw: Record<string, unknown>): Record<string, unknown> {
  let current: Record<string, unknown> = raw;
  for (let round = 0; round < 5; round++) {
    const next: Record<string, unknown> = {};
    for (const step of def.steps) {
      if (!holds(step.showWhen, current)) continue;
      for (const f of step.fields) if (f.id in raw && holds(f.showWhen, current)) next[f.id] = raw[f.id];
    }
    const settled = Object.keys(next).length === Object.keys(current).length && Object.keys(next).every((k) => k in current);
    current = next;
    if (settled) break;
  }
  return current;
}

/** One item of a group, limited to the group's own fields (an item cannot shadow a top-level answer). */
function ownItem(group: FormField, item: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries((group.fields ?? []).filter((g) => g.id in item).map((g) => [g.id, item[g.id]]));
}

/** Required always, or because its `requiredWhen` holds. */
export function isRequired(field: FormField, answers: Record<string, unknown>, item?: Record<string, unknown>): boolean {
  return field.required || (!!field.requiredWhen && holds(field.requiredWhen, answers, item));
}

/** The steps shown for these answers, with their index in the definition. */
export function visibleSteps(def: FormDefinition, answers: Record<string, unknown>): { step: FormStep; index: number }[] {
  return def.steps.map((step, index) => ({ step, index })).filter(({ step }) => isStepVisible(step, answers));
}

function isBlank(v: unknown): boolean {
  return v === undefined || v === null || v === false || (typeof v === "string" && v.trim() === "");
}

export function isAddress(v: unknown): v is AddressValue {
  return (
    typeof v === "object" &&
    v !== null &&
    ["province", "district", "ward", "street"].every((k) => typeof (v as Record<string, unknown>)[k] === "string")
  );
}

function validDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Whole years from `birth` to `on` (both YYYY-MM-DD). */
function ageOn(birth: string, on: string): number {
  const years = +on.slice(0, 4) - +birth.slice(0, 4);
  return on.slice(5) < birth.slice(5) ? years - 1 : years;
}

/** The earliest and latest dates a date field accepts on `today` (for the input's min / max attributes). */
export function dateBounds(f: FormField, today: string): { min: string; max?: string } {
  const min = f.date?.notBefore ?? DEFAULT_NOT_BEFORE;
  return { min, max: f.date?.allowFuture ? undefined : today };
}

/** The age a date of birth must reach: the first `minAgeWhen` that holds, else `minAge`. */
function minAgeFor(f: FormField, answers: Record<string, unknown>, item?: Record<string, unknown>): number | undefined {
  return f.date?.minAgeWhen?.find((w) => holds(w.when, answers, item))?.minAge ?? f.date?.minAge;
}

function checkDate(
  t: AnswerText,
  f: FormField,
  s: string,
  today: string,
  answers: Record<string, unknown>,
  item?: Record<string, unknown>,
): string | undefined {
  if (!validDate(s)) return t.date(f.label);
  const { min, max } = dateBounds(f, today);
  if (s < min) return t.dateTooEarly(f.label, min);
  if (max && s > max) return t.dateFuture(f.label);
  const minAge = minAgeFor(f, answers, item);
  if (minAge !== undefined && ageOn(s, today) < minAge) return t.dateMinAge(f.label, minAge);
  if (f.date?.maxAge !== undefined && ageOn(s, today) > f.date.maxAge) return t.dateMaxAge(f.label, f.date.maxAge);
  return undefined;
}

function checkNumber(t: AnswerText, f: FormField, s: string): { value?: string; error?: string } {
  if (!/^-?\d+(?:[.,]\d+)?$/.test(s)) return { error: t.number(f.label) };
  const value = s.replace(",", ".");
  const n = Number(value);
  if (f.integer && !Number.isInteger(n)) return { error: t.integer(f.label) };
  if ((f.min !== undefined && n < f.min) || (f.max !== undefined && n > f.max)) return { error: t.numberRange(f.label, f.min, f.max) };
  return { value };
}

interface Scope {
  answers: Record<string, unknown>;
  item?: Record<string, unknown>;
  ctx: Required<AnswerContext>;
}

/** The cleaned value of one visible field, or an error message naming it. Groups are checked by the caller. */
function checkField(f: FormField, raw: unknown, scope: Scope): { value?: AnswerValue; error?: string } {
  const t = scope.ctx.text;
  const required = isRequired(f, scope.answers, scope.item);
  if (f.type === "checkbox") {
    const on = isChecked(raw);
    return required && !on ? { error: t.requiredCheck(f.label) } : { value: on };
  }
  if (f.type === "address") {
    // Province, commune and street; a district only on an address written on the three-level map before
    // 1 July 2025 (a resumed draft's), kept as written.
    if (!isAddress(raw) || [raw.province, raw.ward, raw.street].some((p) => !p.trim())) {
      const touched = isAddress(raw) && [raw.province, raw.district, raw.ward, raw.street].some((p) => p.trim());
      return required || touched ? { error: t.address(f.label) } : {};
    }
    return { value: { province: raw.province, district: raw.district, ward: raw.ward, street: raw.street.trim().slice(0, 300) } };
  }
  if (isBlank(raw)) {
    if (!required) return {};
    if (f.type === "file") return { error: t.requiredFile(f.label) };
    if (f.type === "select" || f.type === "radio") return { error: t.requiredChoice(f.label) };
    return { error: t.required(f.label) };
  }
  if (typeof raw !== "string" && typeof raw !== "number") return { error: t.required(f.label) };
  const s = String(raw).trim();
  switch (f.type) {
    case "text":
    case "textarea": {
      const max = f.maxLength ?? TEXT_MAX[f.type];
      return s.length > max ? { error: t.tooLong(f.label, max) } : { value: s };
    }
    case "number":
      return checkNumber(t, f, s);
    case "year": {
      const min = f.min ?? 1900;
      const max = f.max ?? +scope.ctx.today.slice(0, 4);
      return /^\d{4}$/.test(s) && +s >= min && +s <= max ? { value: s } : { error: t.yearRange(f.label, min, max) };
    }
    case "date": {
      const error = checkDate(t, f, s, scope.ctx.today, scope.answers, scope.item);
      return error ? { error } : { value: s };
    }
    case "select":
    case "radio": {
      if (f.list) {
        const list = scope.ctx.lists[f.list];
        return list?.some((i) => i.code === s) ? { value: s } : { error: t.option(f.label) };
      }
      return f.options?.some((o) => o.value === s) ? { value: s } : { error: t.option(f.label) };
    }
    case "cccd":
      return parseCccd(s).ok ? { value: s } : { error: t.cccd(f.label) };
    case "phone": {
      const n = normaliseMobile(s);
      return n ? { value: n } : { error: t.phone(f.label) };
    }
    case "email":
      return z.email().safeParse(s).success ? { value: s.toLowerCase() } : { error: t.email(f.label) };
    case "file":
      // The value is the id of an attachment uploaded for this field; the server checks it is the applicant's.
      return isUuid(s) ? { value: s } : { error: t.requiredFile(f.label) };
    case "group":
      return {};
  }
}

function record(v: unknown): Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

/** A group's answer as items; anything that is not an array is no items. */
export function groupItems(v: unknown): Record<string, unknown>[] {
  return Array.isArray(v) ? v.map(record) : [];
}

/**
 * The schema for a form definition, limited to some steps (one step of the form) or all of them (the
 * submission). It parses raw answers into cleaned ones, and reports each error under its field's path
 * (`id`, or `group.index.id` inside a repeating group's item).
 */
export function answersSchema(def: FormDefinition, context: AnswerContext = {}, stepIds?: readonly string[]) {
  const ctx: Required<AnswerContext> = {
    lists: context.lists ?? {},
    today: context.today ?? filingDay(),
    text: context.text ?? filingText,
  };
  const t = ctx.text;
  return z.record(z.string(), z.unknown()).transform((submitted, zc) => {
    const out: Answers = {};
    const raw = shownAnswers(def, submitted);
    const steps = def.steps.filter((s) => (!stepIds || stepIds.includes(s.id)) && isStepVisible(s, raw));
    for (const f of steps.flatMap((s) => s.fields)) {
      if (!isVisible(f, raw)) continue;
      if (f.type === "group") {
        const items = groupItems(raw[f.id]).map((item) => ownItem(f, item));
        const min = f.minItems ?? (f.required ? 1 : 0);
        const max = f.maxItems ?? 20;
        if (items.length < min) zc.addIssue({ code: "custom", path: [f.id], message: t.groupMin(f.label, min) });
        if (items.length > max) zc.addIssue({ code: "custom", path: [f.id], message: t.groupMax(f.label, max) });
        const cleaned: GroupItem[] = [];
        items.slice(0, max).forEach((item, index) => {
          const c: GroupItem = {};
          for (const g of f.fields ?? []) {
            if (!isVisible(g, raw, item)) continue;
            const r = checkField(g, item[g.id], { answers: raw, item, ctx });
            if (r.error)
              zc.addIssue({ code: "custom", path: [f.id, index, g.id], message: `${f.itemLabel ?? f.label} ${index + 1} — ${r.error}` });
            else if (r.value !== undefined) c[g.id] = r.value as ItemValue;
          }
          cleaned.push(c);
        });
        if (cleaned.length) out[f.id] = cleaned;
        continue;
      }
      const r = checkField(f, raw[f.id], { answers: raw, ctx });
      if (r.error) zc.addIssue({ code: "custom", path: [f.id], message: r.error });
      else if (r.value !== undefined) out[f.id] = r.value;
    }
    return out;
  });
}

/** Errors of a failed parse keyed by path (`id` or `group.index.id`), the first per path. */
export function errorsByPath(issues: readonly { path: PropertyKey[]; message: string }[]): Record<string, string> {
  const errs: Record<string, string> = {};
  for (const issue of issues) errs[issue.path.map(String).join(".")] ??= issue.message;
  return errs;
}
