// What the citizen saw, as words: the labels stored with a dossier at filing (the chosen option's label, the
// code list's label, each address unit's full name, a paper's file name), and the rows every screen that shows
// a dossier's answers prints from them: the review step, the officer's and the citizen's dossier pages, the
// receipt (form 01) and the control sheet (form 05), on screen and in PDF. Pure: client and server.
import type { FormDefinition, FormField } from "./definition";
import { groupItems, isAddress, isVisible, isStepVisible, type AddressValue } from "./answers";
import { isChecked } from "./conditions";
import { filingText as t } from "@/lib/i18n/vi/filing";
import { addressUnitKeys } from "./address-map";

/** Words keyed by answer path: `quanHe`, `thanhVien.0.quanHe`, `diaChi`, `giayChungSinh`. */
export type AnswerLabels = Record<string, string>;

/** Where labels come from when they are computed: code lists, address units and uploaded papers. */
export interface LabelReference {
  /** The label of a code of a list (retired codes included). */
  listLabel: (listId: string, code: string) => string | undefined;
  /** The name of an address unit by its key (lib/forms/address-map.ts: its code, or its map and code). */
  unitName: (code: string) => string | undefined;
  /** The file name of the paper uploaded for a field. */
  fileName: (fieldId: string) => string | undefined;
}

function labelOf(f: FormField, value: unknown, ref: LabelReference): string | undefined {
  if (f.type === "select" || f.type === "radio") {
    if (typeof value !== "string" || !value) return undefined;
    return f.list ? ref.listLabel(f.list, value) : f.options?.find((o) => o.value === value)?.label;
  }
  if (f.type === "address" && isAddress(value)) {
    // An address written on the three-level map keeps its district, as filed.
    const parts = [value.street.trim(), ...addressUnitKeys(value).map((k) => ref.unitName(k))];
    return parts.every((p) => p) ? parts.join(", ") : undefined;
  }
  if (f.type === "file" && typeof value === "string" && value) return ref.fileName(f.id);
  return undefined;
}

/** The labels of every answer that has one (choices, addresses, papers), keyed by path. */
export function answerLabels(def: FormDefinition, answers: Record<string, unknown>, ref: LabelReference): AnswerLabels {
  const out: AnswerLabels = {};
  for (const f of def.steps.flatMap((s) => s.fields)) {
    if (f.type === "group") {
      groupItems(answers[f.id]).forEach((item, i) => {
        for (const g of f.fields ?? []) {
          const l = labelOf(g, item[g.id], ref);
          if (l) out[`${f.id}.${i}.${g.id}`] = l;
        }
      });
      continue;
    }
    const l = labelOf(f, answers[f.id], ref);
    if (l) out[f.id] = l;
  }
  return out;
}

/** The keys of the address units named in the answers (to load their names). */
export function unitCodes(def: FormDefinition, answers: Record<string, unknown>): string[] {
  const codes = new Set<string>();
  for (const f of def.steps.flatMap((s) => s.fields))
    if (f.type === "address" && isAddress(answers[f.id])) {
      for (const k of addressUnitKeys(answers[f.id] as AddressValue)) if (k && !k.endsWith(":")) codes.add(k);
    }
  return [...codes];
}

function formatDate(iso: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(iso) ? iso.split("-").reverse().join("/") : iso;
}

/** One answer in words: its label when there is one, else the value itself, readably. */
function answerText(f: FormField, value: unknown, label: string | undefined): string {
  if (label) return label;
  if (f.type === "checkbox") return isChecked(value) ? t.checkboxOn : t.checkboxOff;
  if (value === undefined || value === null || value === "") return "—";
  if (f.type === "date" && typeof value === "string") return formatDate(value);
  if (isAddress(value)) return [value.street, value.ward, value.district, value.province].filter((p) => p && p.trim()).join(", ") || "—";
  if (typeof value === "object") return "—";
  return String(value);
}

interface DisplayRow {
  kind: "row";
  path: string;
  label: string;
  text: string;
  /** A paper (file field). */
  paper?: boolean;
}
export interface DisplayGroup {
  kind: "group";
  path: string;
  label: string;
  items: { heading: string; rows: DisplayRow[] }[];
}
export interface DisplaySection {
  stepId: string;
  /** The step's index in the definition (for "change" links). */
  index: number;
  title: string;
  rows: (DisplayRow | DisplayGroup)[];
}

/**
 * The answers as sections of rows: each visible step's title, its visible fields' labels and words, a group as
 * numbered items, a paper only when one was submitted. `papers: false` leaves papers out (screens that list
 * them apart).
 */
export function displaySections(
  def: FormDefinition,
  answers: Record<string, unknown>,
  labels: AnswerLabels,
  opts: { papers?: boolean } = {},
): DisplaySection[] {
  const withPapers = opts.papers ?? true;
  return def.steps
    .map((step, index) => ({ step, index }))
    .filter(({ step }) => isStepVisible(step, answers))
    .map(({ step, index }) => {
      const rows: (DisplayRow | DisplayGroup)[] = [];
      for (const f of step.fields) {
        if (!isVisible(f, answers)) continue;
        if (f.type === "file") {
          if (withPapers && typeof answers[f.id] === "string" && answers[f.id])
            rows.push({ kind: "row", path: f.id, label: f.label, text: answerText(f, answers[f.id], labels[f.id]), paper: true });
          continue;
        }
        if (f.type === "group") {
          const items = groupItems(answers[f.id]).map((item, i) => ({
            heading: `${f.itemLabel ?? f.label} ${i + 1}`,
            rows: (f.fields ?? [])
              .filter((g) => isVisible(g, answers, item))
              .map((g): DisplayRow => ({
                kind: "row",
                path: `${f.id}.${i}.${g.id}`,
                label: g.label,
                text: answerText(g, item[g.id], labels[`${f.id}.${i}.${g.id}`]),
              })),
          }));
          rows.push({ kind: "group", path: f.id, label: f.label, items });
          continue;
        }
        rows.push({ kind: "row", path: f.id, label: f.label, text: answerText(f, answers[f.id], labels[f.id]) });
      }
      return { stepId: step.id, index, title: step.title, rows };
    })
    .filter((s) => s.rows.length > 0);
}

export interface SubmittedPaper {
  fieldId: string;
  /** The paper's name as the form asks for it. */
  label: string;
  fileName: string;
  /** The procedure component it answers, when the form says. */
  component?: number;
}

/** The papers submitted with the answers, in the form's order: visible file fields that hold an upload. */
export function submittedPapers(def: FormDefinition, answers: Record<string, unknown>, labels: AnswerLabels): SubmittedPaper[] {
  return def.steps
    .filter((s) => isStepVisible(s, answers))
    .flatMap((s) => s.fields)
    .filter((f) => f.type === "file" && isVisible(f, answers) && typeof answers[f.id] === "string" && answers[f.id])
    .map((f) => ({ fieldId: f.id, label: f.label, fileName: labels[f.id] ?? "—", component: f.component }));
}
