// The form editor's condition builder as data: one simple condition (a field that comes earlier, an operator,
// a value) read from and written to a stored Condition. A compound condition (all / any / not) is not
// editable here: the editor shows it read-only and offers to clear it. Pure: client and tests.
import type { Condition, FormDefinition, FormField } from "./definition";

export type Operator = "equals" | "in" | "filled" | "empty" | "checked" | "unchecked";

export interface SimpleCondition {
  field: string;
  op: Operator;
  /** equals: one value; in: one or more; the other operators: none. */
  values: string[];
}

type ConditionState = { kind: "none" } | { kind: "simple"; value: SimpleCondition } | { kind: "compound" };

/** What the builder shows for a stored condition. */
export function readCondition(c: Condition | undefined): ConditionState {
  if (!c) return { kind: "none" };
  if ("all" in c || "any" in c || "not" in c) return { kind: "compound" };
  if ("filled" in c) return { kind: "simple", value: { field: c.field, op: c.filled ? "filled" : "empty", values: [] } };
  if ("in" in c) return { kind: "simple", value: { field: c.field, op: "in", values: [...c.in] } };
  if (typeof c.equals === "boolean")
    return { kind: "simple", value: { field: c.field, op: c.equals ? "checked" : "unchecked", values: [] } };
  return { kind: "simple", value: { field: c.field, op: "equals", values: [String(c.equals)] } };
}

/**
 * The stored condition for a builder's state, or null while it is incomplete (no field, or no value for
 * equals / in). A number or year field's value is stored as a number.
 */
export function writeCondition(s: SimpleCondition, field?: FormField): Condition | null {
  if (!s.field) return null;
  const values = s.values.map((v) => v.trim()).filter(Boolean);
  switch (s.op) {
    case "checked":
      return { field: s.field, equals: true };
    case "unchecked":
      return { field: s.field, equals: false };
    case "filled":
      return { field: s.field, filled: true };
    case "empty":
      return { field: s.field, filled: false };
    case "in":
      return values.length ? { field: s.field, in: values } : null;
    case "equals": {
      const v = values[0];
      if (v === undefined) return null;
      if ((field?.type === "number" || field?.type === "year") && /^-?\d+(\.\d+)?$/.test(v)) return { field: s.field, equals: Number(v) };
      return { field: s.field, equals: v };
    }
  }
}

/** The operators that make sense for a field: a checkbox is ticked or not; a choice equals or is among. */
export function operatorsFor(field: FormField | undefined): Operator[] {
  if (!field) return [];
  if (field.type === "checkbox") return ["checked", "unchecked"];
  if (field.type === "file" || field.type === "address") return ["filled", "empty"];
  return ["equals", "in", "filled", "empty"];
}

/** The builder's state right after a field is picked: the first operator, and the first option if it needs one. */
export function startCondition(field: FormField): SimpleCondition {
  const op =
    field.type === "checkbox" ? "checked" : field.options?.length ? "equals" : operatorsFor(field).includes("filled") ? "filled" : "equals";
  const first = field.options?.[0]?.value;
  return { field: field.id, op, values: op === "equals" && first ? [first] : [] };
}

/** Whether an operator takes a value (equals) or values (in). */
export function takesValue(op: Operator): boolean {
  return op === "equals" || op === "in";
}

/**
 * The fields a condition may read at a place in the form: for a step, the fields of the steps before it;
 * for a field (or paper), also the fields before it in its own step; for fees (no place), every field.
 * Repeating groups are left out (their answers are lists of items).
 */
export function fieldsBefore(def: Pick<FormDefinition, "steps">, at?: { step: number; field?: number }): FormField[] {
  const out: FormField[] = [];
  def.steps.forEach((s, si) =>
    s.fields.forEach((f, fi) => {
      const before = !at || si < at.step || (si === at.step && at.field !== undefined && fi < at.field);
      if (before && f.type !== "group") out.push(f);
    }),
  );
  return out;
}
