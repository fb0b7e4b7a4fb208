// Whether a form definition may be saved and published, with each problem said in Vietnamese and naming
// where it is (step, field): the schema (FormDefinition), definitionProblems, and what the schema alone
// cannot see: a step that can never be shown. Pure: the editor checks as the admin types, the use case again.
import type { z } from "zod";
import { formsText } from "@/lib/i18n/vi/forms";
import { FormDefinition, definitionProblems, type Condition, type FormField } from "./definition";

interface Problem {
  /** Where, as a JSON path into the definition. */
  path: (string | number)[];
  message: string;
}

const p = formsText.problems;

/** "Bước 2 «Thông tin», trường 3 «Giới tính»" for a path into the definition (as far as it can be read). */
function describePath(raw: unknown, path: readonly PropertyKey[]): string {
  const def = raw as { steps?: { title?: string; fields?: { label?: string }[] }[] } | null;
  if (path[0] === "fees") return p.fees;
  if (path[0] !== "steps" || typeof path[1] !== "number") return p.whole;
  const step = def?.steps?.[path[1]];
  let where = formsText.stepLabel(path[1], step?.title ?? "");
  if (path[2] === "fields" && typeof path[3] === "number") where += `, ${p.field(path[3], step?.fields?.[path[3]]?.label ?? "")}`;
  return where;
}

function leafHolds(c: Condition, fields: Map<string, { field: FormField; step: number }>, stepIndex: number): string | null {
  if ("all" in c) {
    for (const x of c.all) {
      const why = leafHolds(x, fields, stepIndex);
      if (why) return why;
    }
    return null;
  }
  if ("any" in c) {
    const whys = c.any.map((x) => leafHolds(x, fields, stepIndex));
    return whys.every(Boolean) ? whys[0]! : null;
  }
  if ("not" in c) return null;
  const f = fields.get(c.field);
  if (!f) return null; // an unknown field is its own problem
  if (f.step >= stepIndex) return p.laterField(c.field);
  const opts = f.field.options;
  if (opts && "equals" in c && typeof c.equals === "string" && !opts.some((o) => o.value === c.equals)) return p.noSuchOption(c.field);
  if (opts && "in" in c && !c.in.some((v) => opts.some((o) => o.value === v))) return p.noSuchOption(c.field);
  return null;
}

/** Every problem of a definition as typed (any JSON); none means it can be saved and published. */
export function checkDefinition(raw: unknown): { definition: FormDefinition | null; problems: Problem[] } {
  const parsed = FormDefinition.safeParse(raw);
  if (!parsed.success) return { definition: null, problems: parsed.error.issues.map((i) => issueProblem(raw, i)) };
  const def = parsed.data;
  const problems: Problem[] = definitionProblems(def).map((x) => ({ path: x.path, message: problemText(def, x.path, x.message) }));
  const fields = new Map(def.steps.flatMap((s, si) => s.fields.map((f) => [f.id, { field: f, step: si }] as const)));
  def.steps.forEach((s, si) => {
    const why = s.showWhen ? leafHolds(s.showWhen, fields, si) : null;
    if (why) problems.push({ path: ["steps", si, "showWhen"], message: p.unreachableStep(describePath(def, ["steps", si]), why) });
  });
  return { definition: problems.length ? null : def, problems };
}

function problemText(raw: unknown, path: readonly PropertyKey[], message: string): string {
  const where = describePath(raw, path);
  const unknown = /condition names unknown field (\S+)/.exec(message);
  if (unknown) return p.unknownField(where, unknown[1]!);
  const dup = /duplicate field id (\S+)/.exec(message);
  if (dup) return p.duplicate(where, dup[1]!);
  if (/need options or a list/.test(message)) return p.noOptions(where);
  return p.other(where, message);
}

/** A schema issue in Vietnamese, by its kind; the definition's own checks (custom) by their text. */
function shapeText(raw: unknown, path: readonly PropertyKey[], issue: z.core.$ZodIssue): string {
  const where = describePath(raw, path);
  switch (issue.code) {
    case "too_small": {
      const n = Number(issue.minimum);
      if (issue.origin === "string") return n <= 1 ? p.empty(where) : p.badValue(where);
      if (issue.origin === "array") return p.tooFew(where, n);
      return p.tooSmall(where, n);
    }
    case "too_big": {
      const n = Number(issue.maximum);
      if (issue.origin === "string") return p.tooLong(where, n);
      if (issue.origin === "array") return p.tooMany(where, n);
      return p.tooLarge(where, n);
    }
    case "invalid_type":
      return p.wrongType(where);
    case "invalid_value":
      return p.badValue(where);
    case "invalid_format":
      return p.badFormat(where);
    case "unrecognized_keys":
      return p.extraKeys(where, issue.keys.join(", "));
    case "invalid_union":
      return p.badCondition(where);
    default:
      return problemText(raw, path, issue.message);
  }
}

function issueProblem(raw: unknown, issue: z.core.$ZodIssue): Problem {
  const path = issue.path.filter((k): k is string | number => typeof k !== "symbol");
  return { path, message: shapeText(raw, path, issue) };
}
