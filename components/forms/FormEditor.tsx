// The form editor: a structured panel (steps and fields: add, remove, reorder, label, kind, required,
// choices; conditions "shown when" / "required when" on steps, fields and papers; the paper a file field
// collects; code lists; date rules; the fee schedule) over the JSON of the definition (everything else, and
// compound conditions), the problems that block publishing (named by where they are) as the admin types,
// and a live preview of the citizen's form where conditions can be tried. Saving posts the JSON; refused, it
// comes back as typed.
"use client";

import { useMemo, useState } from "react";
import { FIELD_TYPES, type FormDefinition, type FormField } from "@/lib/forms/definition";
import type { FormAction } from "@/lib/forms/action-state";
import { checkDefinition } from "@/lib/forms/publish-check";
import { formsText as t } from "@/lib/i18n/vi/forms";
import { fieldsBefore } from "@/lib/forms/editor-conditions";
import { ErrorSummary } from "./ErrorSummary";
import { ConditionBuilder } from "./editor/ConditionBuilder";
import { FeeEditor } from "./editor/FeeEditor";
import { FieldDetails, type EditorComponent, type EditorList } from "./editor/FieldDetails";
import { LivePreview } from "./editor/LivePreview";
import { useActionForm } from "./useActionForm";

export interface FormEditorProps {
  action: FormAction;
  hidden: Record<string, string>;
  initialJson: string;
  initialNote: string;
  /** The procedure's dossier components (a file field stores the index of the one it collects). */
  components?: EditorComponent[];
  /** The code lists a choice field may use. */
  lists?: EditorList[];
}

type Def = FormDefinition & Record<string, unknown>;

function parse(json: string): { def: Def | null; error: string | null } {
  try {
    const v = JSON.parse(json) as unknown;
    if (!v || typeof v !== "object" || !Array.isArray((v as { steps?: unknown }).steps)) return { def: null, error: t.badJson("steps") };
    return { def: v as Def, error: null };
  } catch (err) {
    return { def: null, error: t.badJson((err as Error).message) };
  }
}

function move<T>(list: T[], i: number, by: number): T[] {
  const j = i + by;
  if (j < 0 || j >= list.length) return list;
  const out = [...list];
  [out[i], out[j]] = [out[j]!, out[i]!];
  return out;
}

const ed = t.editor;

function freshId(def: Def, base: string): string {
  const used = new Set(def.steps.flatMap((s) => s.fields.map((f) => f.id)));
  let n = 1;
  while (used.has(`${base}${n}`)) n++;
  return `${base}${n}`;
}

export function FormEditor({ action, hidden, initialJson, initialNote, components = [], lists = [] }: FormEditorProps) {
  const { state, formAction, pending, summaryRef, formKey } = useActionForm(action, {
    values: { definition: initialJson, note: initialNote },
  });
  const [json, setJson] = useState(state.values.definition ?? initialJson);
  const { def, error } = useMemo(() => parse(json), [json]);
  const check = useMemo(() => (def ? checkDefinition(def) : null), [def]);

  const update = (next: Def) => setJson(JSON.stringify(next, null, 2));
  const setSteps = (steps: Def["steps"]) => def && update({ ...def, steps });
  const setField = (si: number, fi: number, patch: Partial<FormField>) =>
    def &&
    setSteps(
      def.steps.map((s, i) =>
        i === si ? { ...s, fields: s.fields.map((f, j) => (j === fi ? ({ ...f, ...patch } as FormField) : f)) } : s,
      ),
    );
  const setFields = (si: number, fields: FormField[]) => def && setSteps(def.steps.map((s, i) => (i === si ? { ...s, fields } : s)));

  return (
    <form action={formAction} noValidate className="space-y-4" key={formKey}>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div ref={summaryRef}>
        <ErrorSummary
          message={state.message}
          fieldErrors={state.fieldErrors}
          labels={{ definition: t.jsonLabel, note: t.noteLabel }}
          anchorFor={() => "definition"}
        />
      </div>

      <section aria-labelledby="cau-truc" className="space-y-3">
        <h3 id="cau-truc" className="text-lg font-semibold">
          {t.structureHeading}
        </h3>
        {!def && <p className="font-semibold text-red-800">{error}</p>}
        {def?.steps.map((s, si) => (
          <fieldset key={si} className="space-y-2 rounded border border-slate-300 bg-white p-3">
            <legend className="font-semibold">{t.stepLabel(si, s.title)}</legend>
            <div className="flex flex-wrap items-end gap-2">
              <label className="block">
                <span className="block text-sm">{t.fieldLabel}</span>
                <input
                  className="input"
                  value={s.title}
                  onChange={(e) => setSteps(def.steps.map((x, i) => (i === si ? { ...x, title: e.target.value } : x)))}
                />
              </label>
              <button type="button" className="btn btn-secondary px-2 py-1" onClick={() => setSteps(move(def.steps, si, -1))}>
                {t.moveUp}
                <span className="sr-only"> {t.stepLabel(si, s.title)}</span>
              </button>
              <button type="button" className="btn btn-secondary px-2 py-1" onClick={() => setSteps(move(def.steps, si, 1))}>
                {t.moveDown}
                <span className="sr-only"> {t.stepLabel(si, s.title)}</span>
              </button>
              <button type="button" className="btn btn-secondary px-2 py-1" onClick={() => setSteps(def.steps.filter((_, i) => i !== si))}>
                {t.removeStep}
                <span className="sr-only"> {t.stepLabel(si, s.title)}</span>
              </button>
            </div>
            <ConditionBuilder
              legend={ed.showWhen}
              about={t.stepLabel(si, s.title)}
              idPrefix={`b${si}-hien`}
              condition={s.showWhen}
              fields={fieldsBefore(def, { step: si })}
              onChange={(c) => setSteps(def.steps.map((x, i) => (i === si ? { ...x, showWhen: c } : x)))}
            />
            <ol className="space-y-2">
              {s.fields.map((f, fi) => {
                const key = `b${si}-t${fi}`;
                const choice = f.type === "select" || f.type === "radio";
                return (
                  <li key={key} className="rounded border border-slate-200 p-2" data-testid={`truong-${f.id}`}>
                    <div className="flex flex-wrap items-end gap-2">
                      <label className="block">
                        <span className="block text-sm">{t.fieldLabel}</span>
                        <input className="input" value={f.label} onChange={(e) => setField(si, fi, { label: e.target.value })} />
                      </label>
                      <label className="block">
                        <span className="block text-sm">{t.fieldId}</span>
                        <input className="input font-mono" value={f.id} onChange={(e) => setField(si, fi, { id: e.target.value })} />
                      </label>
                      <label className="block">
                        <span className="block text-sm">{t.fieldType}</span>
                        <select
                          className="input"
                          value={f.type}
                          onChange={(e) => setField(si, fi, { type: e.target.value as FormField["type"] })}
                        >
                          {FIELD_TYPES.map((ty) => (
                            <option key={ty} value={ty}>
                              {t.types[ty] ?? ty}
                            </option>
                          ))}
                        </select>
                      </label>
                      {f.type !== "file" && (
                        <label className="flex items-center gap-1">
                          <input type="checkbox" checked={f.required} onChange={(e) => setField(si, fi, { required: e.target.checked })} />
                          <span>{t.fieldRequired}</span>
                        </label>
                      )}
                      <button type="button" className="btn btn-secondary px-2 py-1" onClick={() => setFields(si, move(s.fields, fi, -1))}>
                        {t.moveUp}
                        <span className="sr-only"> {f.label}</span>
                      </button>
                      <button type="button" className="btn btn-secondary px-2 py-1" onClick={() => setFields(si, move(s.fields, fi, 1))}>
                        {t.moveDown}
                        <span className="sr-only"> {f.label}</span>
                      </button>
                      <button
                        type="button"
                        className="btn btn-secondary px-2 py-1"
                        onClick={() =>
                          setFields(
                            si,
                            s.fields.filter((_, j) => j !== fi),
                          )
                        }
                      >
                        {t.removeField}
                        <span className="sr-only"> {f.label}</span>
                      </button>
                    </div>
                    {choice && !f.list && (
                      <label className="mt-2 block">
                        <span className="block text-sm">{t.fieldOptions}</span>
                        <textarea
                          className="input font-mono"
                          rows={3}
                          value={(f.options ?? []).map((o) => `${o.value}|${o.label}`).join("\n")}
                          onChange={(e) =>
                            setField(si, fi, {
                              options: e.target.value
                                .split("\n")
                                .map((l) => l.split("|"))
                                .filter(([v]) => v?.trim())
                                .map(([v, l]) => ({ value: v!.trim(), label: (l ?? v!).trim() })),
                            })
                          }
                        />
                      </label>
                    )}
                    <FieldDetails
                      def={def}
                      step={si}
                      index={fi}
                      field={f}
                      components={components}
                      lists={lists}
                      onPatch={(patch) => setField(si, fi, patch)}
                    />
                  </li>
                );
              })}
            </ol>
            <button
              type="button"
              className="btn btn-secondary px-2 py-1"
              onClick={() =>
                setFields(si, [...s.fields, { id: freshId(def, "truongMoi"), type: "text", label: t.newFieldLabel, required: false }])
              }
            >
              {t.addField}
              <span className="sr-only"> {t.stepLabel(si, s.title)}</span>
            </button>{" "}
            <button
              type="button"
              className="btn btn-secondary px-2 py-1"
              onClick={() =>
                setFields(si, [...s.fields, { id: freshId(def, "giayToMoi"), type: "file", label: ed.newPaperLabel, required: true }])
              }
            >
              {ed.addPaper}
              <span className="sr-only"> {t.stepLabel(si, s.title)}</span>
            </button>
          </fieldset>
        ))}
        {def && (
          <button
            type="button"
            className="btn btn-secondary px-2 py-1"
            onClick={() =>
              setSteps([
                ...def.steps,
                {
                  id: `buoc${def.steps.length + 1}`,
                  title: t.newStepTitle,
                  fields: [{ id: freshId(def, "truongMoi"), type: "text", label: t.newFieldLabel, required: false }],
                },
              ])
            }
          >
            {t.addStep}
          </button>
        )}
      </section>

      {def && <FeeEditor def={def} onChange={(fees) => update({ ...def, fees: fees as Def["fees"] })} />}

      <div className="space-y-1">
        <label htmlFor="definition" className="block font-medium">
          {t.jsonLabel}
        </label>
        <p id="definition-goi-y" className="text-sm text-slate-700">
          {t.jsonHelp}
        </p>
        {state.fieldErrors.definition && (
          <p id="definition-loi" className="text-sm font-semibold whitespace-pre-line text-red-800">
            {state.fieldErrors.definition}
          </p>
        )}
        <textarea
          id="definition"
          name="definition"
          className="input font-mono text-sm"
          rows={16}
          value={json}
          onChange={(e) => setJson(e.target.value)}
          aria-invalid={state.fieldErrors.definition ? true : undefined}
          aria-describedby={["definition-goi-y", state.fieldErrors.definition && "definition-loi"].filter(Boolean).join(" ")}
        />
      </div>
      <div className="space-y-1">
        <label htmlFor="note" className="block font-medium">
          {t.noteLabel}
        </label>
        <input id="note" name="note" className="input" defaultValue={state.values.note ?? initialNote} maxLength={1000} />
      </div>

      <section aria-labelledby="van-de" className="space-y-1" aria-live="polite">
        <h3 id="van-de" className="text-lg font-semibold">
          {t.problemsHeading}
        </h3>
        {!def ? (
          <p className="text-red-800">{error}</p>
        ) : check && check.problems.length ? (
          <ul className="list-disc pl-5 text-red-800" data-testid="van-de">
            {check.problems.map((p, i) => (
              <li key={i}>{p.message}</li>
            ))}
          </ul>
        ) : (
          <p role="status">{t.noProblems}</p>
        )}
      </section>

      <button type="submit" className="btn btn-primary" disabled={pending}>
        {pending ? t.saving : t.save}
      </button>

      <section aria-labelledby="xem-truoc" className="space-y-2">
        <h3 id="xem-truoc" className="text-lg font-semibold">
          {t.previewHeading}
        </h3>
        {check?.definition ? <LivePreview form={check.definition} /> : <p>{t.problemsHeading}</p>}
      </section>
    </form>
  );
}
