// One zod schema per form definition: the browser validates each step with it, and the server
// validates the whole submission with it again. Hidden conditional fields are neither required nor kept.
import { z } from "zod";
import { allFields, type FormDefinition, type FormField } from "@/lib/forms/definition";
import { holds } from "@/lib/forms/conditions";
import { parseCccd } from "@/lib/identity/cccd";
import { normaliseMobile } from "@/lib/identity/phone";
import { filingText as t } from "@/lib/i18n/vi/filing";

export interface AddressValue {
  province: string;
  district: string;
  ward: string;
  street: string;
}
export type AnswerValue = string | boolean | AddressValue;
type Answers = Record<string, AnswerValue>;

const TEXT_MAX = { text: 500, textarea: 5000 } as const;

export function isVisible(field: FormField, answers: Record<string, unknown>): boolean {
  return holds(field.showWhen, answers);
}

function isBlank(v: unknown): boolean {
  return v === undefined || v === null || v === false || (typeof v === "string" && v.trim() === "");
}

function isAddress(v: unknown): v is AddressValue {
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

/** The cleaned value of one visible field, or an error message naming it. */
function checkField(f: FormField, raw: unknown): { value?: AnswerValue; error?: string } {
  if (f.type === "checkbox") {
    const on = raw === true || raw === "on" || raw === "true";
    return f.required && !on ? { error: t.requiredCheck(f.label) } : { value: on };
  }
  if (f.type === "address") {
    if (!isAddress(raw) || [raw.province, raw.district, raw.ward, raw.street].some((p) => !p.trim())) {
      return f.required || isAddress(raw) ? { error: t.address(f.label) } : {};
    }
    return { value: { province: raw.province, district: raw.district, ward: raw.ward, street: raw.street.trim().slice(0, 300) } };
  }
  if (isBlank(raw)) {
    if (!f.required) return {};
    if (f.type === "file") return { error: t.requiredFile(f.label) };
    if (f.type === "select" || f.type === "radio") return { error: t.requiredChoice(f.label) };
    return { error: t.required(f.label) };
  }
  if (typeof raw !== "string") return { error: t.required(f.label) };
  const s = raw.trim();
  switch (f.type) {
    case "text":
    case "textarea":
      return s.length > TEXT_MAX[f.type] ? { error: t.tooLong(f.label, TEXT_MAX[f.type]) } : { value: s };
    case "number":
      return /^-?\d+(?:[.,]\d+)?$/.test(s) ? { value: s.replace(",", ".") } : { error: t.number(f.label) };
    case "year":
      return /^\d{4}$/.test(s) && +s >= (f.min ?? 1900) && +s <= (f.max ?? new Date().getUTCFullYear())
        ? { value: s }
        : { error: t.number(f.label) };
    case "group":
      return {};
    case "date":
      return validDate(s) ? { value: s } : { error: t.date(f.label) };
    case "select":
    case "radio":
      return f.options?.some((o) => o.value === s) ? { value: s } : { error: t.option(f.label) };
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
      return /^[0-9a-f-]{36}$/i.test(s) ? { value: s } : { error: t.requiredFile(f.label) };
  }
}

/**
 * The schema for a form definition, limited to some steps (one step of the form) or all of them
 * (the submission). It parses raw answers into cleaned ones, and reports errors under each field's id.
 */
export function answersSchema(def: FormDefinition, stepIds?: readonly string[]) {
  const steps = stepIds ? def.steps.filter((s) => stepIds.includes(s.id)) : def.steps;
  const fields = steps.flatMap((s) => s.fields);
  return z.record(z.string(), z.unknown()).transform((raw, ctx) => {
    const out: Answers = {};
    for (const f of fields) {
      if (!isVisible(f, raw)) continue;
      const r = checkField(f, raw[f.id]);
      if (r.error) ctx.addIssue({ code: "custom", path: [f.id], message: r.error });
      else if (r.value !== undefined) out[f.id] = r.value;
    }
    return out;
  });
}

export { allFields };
