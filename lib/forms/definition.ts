// A declaration form (tờ khai) as data: steps of fields, papers (file fields), conditions on both, code
// lists from reference data, date plausibility rules, and fee rules. One zod schema validates every form
// file, every version an admin publishes and every snapshot a dossier keeps. Pure: client and server.
//
// Format 2 is a superset of the first format (`version: 1`): an old snapshot parses unchanged, with its
// `showWhen: { field, equals }` read as a condition.
import { z } from "zod";

// ---------------------------------------------------------------------------------------------------------
// Conditions: on fields (shown or hidden, required or optional), on papers (the same) and on fee rules.

/** `{ field, equals }`, `{ field, in }`, `{ field, filled }`, combined with `all`, `any`, `not`. */
export type Condition =
  | { field: string; equals: string | boolean | number }
  | { field: string; in: string[] }
  | { field: string; filled: boolean }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };

export const Condition: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ field: z.string().min(1), equals: z.union([z.string(), z.boolean(), z.number()]) }),
    z.strictObject({ field: z.string().min(1), in: z.array(z.string()).min(1) }),
    z.strictObject({ field: z.string().min(1), filled: z.boolean() }),
    z.strictObject({ all: z.array(Condition).min(1) }),
    z.strictObject({ any: z.array(Condition).min(1) }),
    z.strictObject({ not: Condition }),
  ]),
);

/** Every field id a condition reads. */
function conditionFields(c: Condition): string[] {
  if ("all" in c) return c.all.flatMap(conditionFields);
  if ("any" in c) return c.any.flatMap(conditionFields);
  if ("not" in c) return conditionFields(c.not);
  return [c.field];
}

// ---------------------------------------------------------------------------------------------------------
// Fields

export const FIELD_TYPES = [
  "text",
  "textarea",
  "number",
  "year",
  "date",
  "select",
  "radio",
  "checkbox",
  "cccd",
  "phone",
  "email",
  "address",
  "file",
  "group",
] as const;
type FieldType = (typeof FIELD_TYPES)[number];

/** Bounds on what an admin may write: a label fits a line of the form, help and notes a paragraph. */
const LABEL_MAX = 500;
const TEXT_MAX = 4000;

const FieldId = z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]*$/, "id must be an identifier");
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a date YYYY-MM-DD");

/**
 * English labels (`labelEn`, `titleEn`) beside the official Vietnamese ones: the portal's own unofficial
 * translation, shown on English pages where present (lib/forms/localize.ts); the Vietnamese stays the form.
 */
const LabelEn = z.string().min(1).max(LABEL_MAX).optional();

const Option = z.strictObject({ value: z.string().min(1).max(40), label: z.string().min(1).max(LABEL_MAX), labelEn: LabelEn });
type Option = z.infer<typeof Option>;

/**
 * Plausibility of a date answer. Every date is refused before `notBefore` (1900-01-01 when unset) and,
 * unless `allowFuture`, after today. `minAge`/`maxAge` (whole years on the filing day) bound a date of birth
 * where the law sets an age (e.g. marriage); `maxDaysAgo` bounds how old an event may be.
 */
const DateRules = z.strictObject({
  notBefore: IsoDate.optional(),
  allowFuture: z.boolean().optional(),
  minAge: z.number().int().nonnegative().optional(),
  maxAge: z.number().int().positive().optional(),
  /** An age bound that depends on an answer, e.g. 20 for a man and 18 for a woman: the first that holds. */
  minAgeWhen: z.array(z.strictObject({ when: Condition, minAge: z.number().int().nonnegative() })).optional(),
});
type DateRules = z.infer<typeof DateRules>;

const fieldShape = {
  id: FieldId,
  type: z.enum(FIELD_TYPES),
  label: z.string().min(1).max(LABEL_MAX),
  labelEn: LabelEn,
  /** Required always; `requiredWhen` makes it required only when the condition holds (optional otherwise). */
  required: z.boolean().default(false),
  requiredWhen: Condition.optional(),
  /** Shown (and kept, and checked) only when the condition holds. */
  showWhen: Condition.optional(),
  help: z.string().max(TEXT_MAX).optional(),
  helpEn: z.string().max(TEXT_MAX).optional(),
  /** select / radio: the choices written in the form. */
  options: z.array(Option).max(300).optional(),
  /** select / radio: the choices are a code list from reference data (prisma/data/codelists/<list>.json). */
  list: z
    .string()
    .regex(/^[a-z0-9-]+$/)
    .optional(),
  /** text / textarea: at most this many characters (500 / 5000 by default). */
  maxLength: z.number().int().positive().max(20000).optional(),
  /** number / year bounds (a year defaults to 1900..this year). */
  min: z.number().optional(),
  max: z.number().optional(),
  integer: z.boolean().optional(),
  date: DateRules.optional(),
  /** file: the index of the procedure's dossier component (paper) this field collects. */
  component: z.number().int().nonnegative().optional(),
  /** Prefill from the citizen's profile. */
  prefill: z.enum(["fullName", "cccd", "dateOfBirth", "phone", "email", "address"]).optional(),
};

export type FormField = {
  id: string;
  type: FieldType;
  label: string;
  labelEn?: string;
  required: boolean;
  requiredWhen?: Condition;
  showWhen?: Condition;
  help?: string;
  helpEn?: string;
  options?: Option[];
  list?: string;
  maxLength?: number;
  min?: number;
  max?: number;
  integer?: boolean;
  date?: DateRules;
  component?: number;
  prefill?: "fullName" | "cccd" | "dateOfBirth" | "phone" | "email" | "address";
  /** group: the fields of one item (no groups or files inside a group). */
  fields?: FormField[];
  /** group: how many items (defaults 0..20); the label of one item, e.g. "Thành viên". */
  minItems?: number;
  maxItems?: number;
  itemLabel?: string;
  itemLabelEn?: string;
};

function checkChoices(f: { type: string; options?: unknown[]; list?: string }, ctx: z.RefinementCtx) {
  if ((f.type === "select" || f.type === "radio") && !(f.options?.length ?? 0) && !f.list)
    ctx.addIssue({ code: "custom", path: ["options"], message: "select and radio fields need options or a list" });
  if (f.options?.length && f.list) ctx.addIssue({ code: "custom", path: ["list"], message: "options and list exclude each other" });
}

const ItemField = z.strictObject(fieldShape).superRefine((f, ctx) => {
  checkChoices(f, ctx);
  if (f.type === "group" || f.type === "file")
    ctx.addIssue({ code: "custom", path: ["type"], message: "a group's item holds no groups and no papers" });
});

export const FormField: z.ZodType<FormField, unknown> = z
  .strictObject({
    ...fieldShape,
    fields: z.array(ItemField).min(1).max(50).optional(),
    minItems: z.number().int().nonnegative().optional(),
    maxItems: z.number().int().positive().max(100).optional(),
    itemLabel: z.string().min(1).optional(),
    itemLabelEn: LabelEn,
  })
  .superRefine((f, ctx) => {
    checkChoices(f, ctx);
    if (f.type === "group" && !f.fields) ctx.addIssue({ code: "custom", path: ["fields"], message: "a group needs fields" });
    if (f.type !== "group" && f.fields) ctx.addIssue({ code: "custom", path: ["fields"], message: "only a group has fields" });
  }) as z.ZodType<FormField, unknown>;

const FormStep = z.strictObject({
  id: z.string().min(1),
  title: z.string().min(1).max(LABEL_MAX),
  titleEn: LabelEn,
  /** Shown only when the condition holds (e.g. a step for a foreign spouse). */
  showWhen: Condition.optional(),
  fields: z.array(FormField).min(1).max(100),
});
export type FormStep = z.infer<typeof FormStep>;

// ---------------------------------------------------------------------------------------------------------
// Fees: alternatives by channel and condition, per-copy amounts, reductions, exemptions.

const FEE_CHANNELS = ["online", "in_person", "post"] as const;

const FeeRule = z.strictObject({
  id: FieldId,
  label: z.string().min(1).max(LABEL_MAX),
  /** đồng, for one unit when `perField` is set. */
  amount: z.number().int().nonnegative(),
  /** The rule applies only on these channels (all when unset) and only when the condition holds. */
  channels: z.array(z.enum(FEE_CHANNELS)).min(1).optional(),
  when: Condition.optional(),
  /** Per copy / per page: the amount is multiplied by this number (or year) field's answer. */
  perField: FieldId.optional(),
  /** With `perField`: this many units are not charged by this rule (e.g. 2 copies included in the base fee). */
  freeUnits: z.number().int().nonnegative().optional(),
  /** The unit in words, e.g. "bản", "trang". */
  unit: z.string().optional(),
});
const FeeReduction = z.strictObject({
  id: FieldId,
  label: z.string().min(1).max(LABEL_MAX),
  /** Percent taken off the total of the rules, 1..99. */
  percent: z.number().int().min(1).max(99),
  channels: z.array(z.enum(FEE_CHANNELS)).min(1).optional(),
  when: Condition.optional(),
  basis: z.string().max(TEXT_MAX).optional(),
});
const FeeExemption = z.strictObject({
  id: FieldId,
  label: z.string().min(1).max(LABEL_MAX),
  when: Condition,
  /** The legal basis of the exemption, as written in it. */
  basis: z.string().max(TEXT_MAX).optional(),
});
export const FeeSchedule = z.strictObject({
  /** What the fee is, e.g. "Lệ phí đăng ký kết hôn", and where it is set. */
  title: z.string().min(1).max(LABEL_MAX),
  basis: z.string().max(TEXT_MAX).optional(),
  /** Every rule that holds is added; none holding means no fee. */
  rules: z.array(FeeRule).min(1).max(50),
  reductions: z.array(FeeReduction).default([]),
  /** The first exemption that holds makes the fee 0. */
  exemptions: z.array(FeeExemption).default([]),
});
export type FeeSchedule = z.infer<typeof FeeSchedule>;

// ---------------------------------------------------------------------------------------------------------
// The source: which official form this follows, and how sure we are of it.

const FormSource = z.strictObject({
  /** The official form's number and name, e.g. "Mẫu Tờ khai đăng ký kết hôn". */
  form: z.string().min(1),
  /** The legal instrument that prescribes it, e.g. "Thông tư 04/2020/TT-BTP". */
  instrument: z.string().min(1),
  /**
   * `confirmed`: the fields were checked against the published form; `partial`: some were (the notes say
   * which were not); `unconfirmed`: written from the procedure record and common knowledge, to be checked.
   */
  status: z.enum(["confirmed", "partial", "unconfirmed"]),
  notes: z.string().max(TEXT_MAX).optional(),
  /** Where the published form was read. */
  url: z.string().optional(),
});

// ---------------------------------------------------------------------------------------------------------
// The definition

const FormDefinitionV2 = z.strictObject({
  format: z.literal(2),
  /** The declaration's title as printed, e.g. "TỜ KHAI ĐĂNG KÝ KẾT HÔN". */
  title: z.string().min(1).max(LABEL_MAX).optional(),
  source: FormSource.optional(),
  steps: z.array(FormStep).min(1).max(30),
  fees: FeeSchedule.optional(),
});

/** The first format (`version: 1`, no source, fees or groups) read as format 2. */
function upgrade(raw: unknown): unknown {
  if (raw && typeof raw === "object" && (raw as { version?: unknown }).version === 1 && !("format" in raw)) {
    const { version: _v, ...rest } = raw as Record<string, unknown>;
    return { format: 2, ...rest };
  }
  return raw;
}

/**
 * A definition as stored with a dossier: its shape only. A snapshot filed under older, looser checks still
 * reads (its answers must always show); new definitions go through FormDefinition and its checks.
 */
export const StoredFormDefinition = z.preprocess(upgrade, FormDefinitionV2);

export const FormDefinition = z.preprocess(upgrade, FormDefinitionV2).superRefine((def, ctx) => {
  for (const problem of definitionProblems(def)) ctx.addIssue({ code: "custom", message: problem.message, path: problem.path });
});
export type FormDefinition = z.infer<typeof FormDefinitionV2>;

/** Every top-level field of a definition, in order (a group is one field; its items' fields are inside it). */
export function allFields(def: FormDefinition): FormField[] {
  return def.steps.flatMap((s) => s.fields);
}

/** The papers a form collects: its file fields. */
export function paperFields(def: FormDefinition): FormField[] {
  return allFields(def).filter((f) => f.type === "file");
}

export interface DefinitionProblem {
  message: string;
  path: (string | number)[];
}

/**
 * What makes a definition unpublishable beyond its shape: duplicate ids, a condition or fee rule naming a
 * field that does not exist (or comes later than the field it governs), a per-unit fee on a non-number
 * field. Checked on every parse and again by the editor before publishing.
 */
export function definitionProblems(def: FormDefinition): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const seen = new Map<string, FormField>();
  def.steps.forEach((step, si) =>
    step.fields.forEach((f, fi) => {
      if (seen.has(f.id)) problems.push({ message: `duplicate field id ${f.id}`, path: ["steps", si, "fields", fi, "id"] });
      seen.set(f.id, f);
      const inner = new Set<string>();
      for (const g of f.fields ?? []) {
        if (inner.has(g.id)) problems.push({ message: `duplicate field id ${f.id}.${g.id}`, path: ["steps", si, "fields", fi] });
        inner.add(g.id);
      }
    }),
  );
  const known = (id: string, within?: FormField) => seen.has(id) || !!within?.fields?.some((g) => g.id === id);
  const checkCondition = (c: Condition | undefined, path: (string | number)[], within?: FormField) => {
    for (const id of c ? conditionFields(c) : [])
      if (!known(id, within)) problems.push({ message: `condition names unknown field ${id}`, path });
  };
  def.steps.forEach((step, si) => {
    checkCondition(step.showWhen, ["steps", si, "showWhen"]);
    step.fields.forEach((f, fi) => {
      const path = ["steps", si, "fields", fi];
      checkCondition(f.showWhen, [...path, "showWhen"]);
      checkCondition(f.requiredWhen, [...path, "requiredWhen"]);
      for (const w of f.date?.minAgeWhen ?? []) checkCondition(w.when, [...path, "date"]);
      (f.fields ?? []).forEach((g, gi) => {
        checkCondition(g.showWhen, [...path, "fields", gi, "showWhen"], f);
        checkCondition(g.requiredWhen, [...path, "fields", gi, "requiredWhen"], f);
      });
    });
  });
  if (def.fees) {
    def.fees.rules.forEach((r, i) => {
      checkCondition(r.when, ["fees", "rules", i, "when"]);
      const per = r.perField ? seen.get(r.perField) : undefined;
      if (r.perField && per?.type === "number" && per.max === undefined)
        problems.push({ message: `fee rule ${r.id}: perField ${r.perField} needs a max`, path: ["fees", "rules", i, "perField"] });
      if (r.perField && (!per || per.type !== "number"))
        problems.push({
          message: `fee rule ${r.id}: perField ${r.perField} is not a number field`,
          path: ["fees", "rules", i, "perField"],
        });
    });
    def.fees.reductions.forEach((r, i) => checkCondition(r.when, ["fees", "reductions", i, "when"]));
    def.fees.exemptions.forEach((r, i) => checkCondition(r.when, ["fees", "exemptions", i, "when"]));
  }
  return problems;
}
