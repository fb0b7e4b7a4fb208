// Two versions of a form compared (pure: the comparison page, the editor, and the citizen whose draft was
// started on a version no longer in effect): steps, fields and papers added, removed or changed, fees; and
// which answers of a draft still fit the new version.
import { type FormDefinition, type FormField } from "./definition";

type Aspect = "label" | "type" | "required" | "options" | "conditions" | "rules" | "help" | "fields" | "step";

export interface ItemChange {
  id: string;
  label: string;
  kind: "added" | "removed" | "changed";
  /** What changed (for "changed"). */
  aspects: Aspect[];
}

export interface FormDiff {
  steps: { id: string; title: string; kind: "added" | "removed" }[];
  fields: ItemChange[];
  papers: ItemChange[];
  feesChanged: boolean;
  titleChanged: boolean;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

function indexed(def: FormDefinition): Map<string, { field: FormField; step: string }> {
  return new Map(def.steps.flatMap((s) => s.fields.map((f) => [f.id, { field: f, step: s.id }] as const)));
}

function aspectsOf(a: FormField, b: FormField, stepA: string, stepB: string): Aspect[] {
  const out: Aspect[] = [];
  if (a.label !== b.label) out.push("label");
  if (a.type !== b.type) out.push("type");
  if (a.required !== b.required) out.push("required");
  if (!same(a.options, b.options) || a.list !== b.list) out.push("options");
  if (!same(a.showWhen, b.showWhen) || !same(a.requiredWhen, b.requiredWhen)) out.push("conditions");
  if (!same(a.date, b.date) || a.min !== b.min || a.max !== b.max || a.maxLength !== b.maxLength || a.component !== b.component)
    out.push("rules");
  if (a.help !== b.help) out.push("help");
  if (!same(a.fields, b.fields) || a.minItems !== b.minItems || a.maxItems !== b.maxItems) out.push("fields");
  if (stepA !== stepB) out.push("step");
  return out;
}

/** What changed from `before` to `after`. */
export function diffDefinitions(before: FormDefinition, after: FormDefinition): FormDiff {
  const a = indexed(before);
  const b = indexed(after);
  const changes: (ItemChange & { paper: boolean })[] = [];
  for (const [id, { field }] of a)
    if (!b.has(id)) changes.push({ id, label: field.label, kind: "removed", aspects: [], paper: field.type === "file" });
  for (const [id, { field, step }] of b) {
    const old = a.get(id);
    if (!old) changes.push({ id, label: field.label, kind: "added", aspects: [], paper: field.type === "file" });
    else {
      const aspects = aspectsOf(old.field, field, old.step, step);
      if (aspects.length) changes.push({ id, label: field.label, kind: "changed", aspects, paper: field.type === "file" });
    }
  }
  const stepIds = (d: FormDefinition) => new Map(d.steps.map((s) => [s.id, s.title]));
  const sa = stepIds(before);
  const sb = stepIds(after);
  return {
    steps: [
      ...[...sa].filter(([id]) => !sb.has(id)).map(([id, title]) => ({ id, title, kind: "removed" as const })),
      ...[...sb].filter(([id]) => !sa.has(id)).map(([id, title]) => ({ id, title, kind: "added" as const })),
    ],
    fields: changes.filter((c) => !c.paper).map(({ paper: _p, ...c }) => c),
    papers: changes.filter((c) => c.paper).map(({ paper: _p, ...c }) => c),
    feesChanged: !same(before.fees, after.fees),
    titleChanged: (before.title ?? "") !== (after.title ?? ""),
  };
}

/**
 * The answers of a draft made on `before` that still fit `after`: the field still exists with the same type,
 * and a chosen option is still offered. `dropped` lists the fields whose answer was not kept.
 */
export function compatibleAnswers(
  answers: Record<string, unknown>,
  before: FormDefinition,
  after: FormDefinition,
): { answers: Record<string, unknown>; dropped: { id: string; label: string }[] } {
  const a = indexed(before);
  const b = indexed(after);
  const kept: Record<string, unknown> = {};
  const dropped: { id: string; label: string }[] = [];
  for (const [id, value] of Object.entries(answers)) {
    const now = b.get(id)?.field;
    const then = a.get(id)?.field;
    const offered = now?.options ? now.options.some((o) => o.value === value) : true;
    if (now && then && now.type === then.type && offered) kept[id] = value;
    else if (then && value !== "" && value != null) dropped.push({ id, label: then.label });
  }
  return { answers: kept, dropped };
}
