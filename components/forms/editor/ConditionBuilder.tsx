// One simple condition: a field that comes earlier, an operator, a value (a choice of that field's options,
// or typed). Written into the definition as soon as it is complete; a compound condition (all/any/not) is
// shown read-only with a button to clear it.
"use client";

import { useState } from "react";
import type { Condition, FormField } from "@/lib/forms/definition";
import {
  operatorsFor,
  readCondition,
  startCondition,
  takesValue,
  writeCondition,
  type Operator,
  type SimpleCondition,
} from "@/lib/forms/editor-conditions";
import { formsText } from "@/lib/i18n/vi/forms";

const t = formsText.editor;

interface ConditionBuilderProps {
  /** The legend, e.g. "Hiện khi". */
  legend: string;
  /** Said to screen readers after the legend: what the condition governs. */
  about: string;
  /** Unique prefix for the ids of the controls. */
  idPrefix: string;
  condition: Condition | undefined;
  fields: FormField[];
  onChange: (c: Condition | undefined) => void;
}

export function ConditionBuilder(props: ConditionBuilderProps) {
  // Remounted whenever the stored condition changes, so the builder always starts from what is stored.
  return <Builder key={JSON.stringify(props.condition ?? null)} {...props} />;
}

function Builder({ legend, about, idPrefix, condition, fields, onChange }: ConditionBuilderProps) {
  const read = readCondition(condition);
  const [draft, setDraft] = useState<SimpleCondition | null>(read.kind === "simple" ? read.value : null);

  if (read.kind === "compound")
    return (
      <fieldset className="rounded border border-slate-200 p-2">
        <legend className="text-sm font-medium">
          {legend}
          <span className="sr-only"> {about}</span>
        </legend>
        <p className="text-sm" data-testid={`${idPrefix}-phuc-hop`}>
          {t.compound}
        </p>
        <button type="button" className="btn btn-secondary mt-1 px-2 py-1" onClick={() => onChange(undefined)}>
          {t.clearCondition}
          <span className="sr-only">
            {" "}
            {legend} {about}
          </span>
        </button>
      </fieldset>
    );

  const field = draft ? fields.find((f) => f.id === draft.field) : undefined;
  const unknown = draft && !field ? draft.field : null;
  const set = (next: SimpleCondition | null) => {
    setDraft(next);
    if (!next) return onChange(undefined);
    const c = writeCondition(
      next,
      fields.find((f) => f.id === next.field),
    );
    if (c) onChange(c);
  };
  const incomplete = draft && !writeCondition(draft, field);
  const ops = operatorsFor(field);
  const fieldId = `${idPrefix}-truong`;
  const opId = `${idPrefix}-phep`;
  const valueId = `${idPrefix}-gia-tri`;
  const noteId = `${idPrefix}-thieu`;

  return (
    <fieldset className="rounded border border-slate-200 p-2">
      <legend className="text-sm font-medium">
        {legend}
        <span className="sr-only"> {about}</span>
      </legend>
      <div className="flex flex-wrap items-end gap-2">
        <div>
          <label htmlFor={fieldId} className="block text-sm">
            {t.conditionField}
          </label>
          <select
            id={fieldId}
            className="input"
            value={draft?.field ?? ""}
            onChange={(e) => {
              const f = fields.find((x) => x.id === e.target.value);
              set(f ? startCondition(f) : null);
            }}
          >
            <option value="">{t.noCondition}</option>
            {unknown && <option value={unknown}>{unknown}</option>}
            {fields.map((f) => (
              <option key={f.id} value={f.id}>
                {f.label} ({f.id})
              </option>
            ))}
          </select>
        </div>
        {draft && field && (
          <div>
            <label htmlFor={opId} className="block text-sm">
              {t.operator}
            </label>
            <select
              id={opId}
              className="input"
              value={draft.op}
              onChange={(e) => {
                const op = e.target.value as Operator;
                const first = field.options?.[0]?.value;
                const values = takesValue(op)
                  ? draft.values.length
                    ? draft.values.slice(0, op === "equals" ? 1 : undefined)
                    : first
                      ? [first]
                      : []
                  : [];
                set({ ...draft, op, values });
              }}
            >
              {ops.map((op) => (
                <option key={op} value={op}>
                  {t.operators[op]}
                </option>
              ))}
            </select>
          </div>
        )}
        {draft && field && draft.op === "equals" && (
          <div>
            <label htmlFor={valueId} className="block text-sm">
              {t.value}
            </label>
            {field.options?.length ? (
              <select
                id={valueId}
                className="input"
                value={draft.values[0] ?? ""}
                onChange={(e) => set({ ...draft, values: [e.target.value] })}
              >
                {field.options.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            ) : (
              <input
                id={valueId}
                className="input"
                value={draft.values[0] ?? ""}
                aria-describedby={incomplete ? noteId : undefined}
                onChange={(e) => set({ ...draft, values: [e.target.value] })}
              />
            )}
          </div>
        )}
        {draft && field && draft.op === "in" && !field.options?.length && (
          <div>
            <label htmlFor={valueId} className="block text-sm">
              {t.codesValue}
            </label>
            <input
              id={valueId}
              className="input"
              value={draft.values.join(", ")}
              aria-describedby={incomplete ? noteId : undefined}
              onChange={(e) => set({ ...draft, values: e.target.value.split(",") })}
            />
          </div>
        )}
      </div>
      {draft && field && draft.op === "in" && field.options?.length ? (
        <fieldset className="mt-2">
          <legend className="text-sm">{t.values}</legend>
          <div className="flex flex-wrap gap-3">
            {field.options.map((o) => (
              <label key={o.value} className="flex items-center gap-1 text-sm">
                <input
                  type="checkbox"
                  checked={draft.values.includes(o.value)}
                  onChange={(e) =>
                    set({
                      ...draft,
                      values: e.target.checked ? [...draft.values, o.value] : draft.values.filter((v) => v !== o.value),
                    })
                  }
                />
                {o.label}
              </label>
            ))}
          </div>
        </fieldset>
      ) : null}
      {fields.length === 0 && !draft && <p className="text-sm text-slate-700">{t.noEarlierField}</p>}
      <p id={noteId} className="text-sm font-semibold text-red-800" aria-live="polite">
        {incomplete ? t.incomplete : ""}
      </p>
    </fieldset>
  );
}
