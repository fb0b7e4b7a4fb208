"use client";

// A repeating group (e.g. family members): its items, each under a numbered heading with its own fields and a
// button that removes it, and a button that adds one. The answer is an array of item objects.
import type { FormField } from "@/lib/forms/definition";
import { groupItems, isRequired, isVisible } from "@/lib/forms/answers";
import type { CodeLists } from "@/lib/forms/codelists";
import { useFilingText } from "./text";
import { FieldInput, fieldElementId } from "./FieldInput";

export interface GroupInputProps {
  field: FormField;
  answers: Record<string, unknown>;
  errors: Record<string, string>;
  onChange: (value: Record<string, unknown>[]) => void;
  provinces: { code: string; name: string }[];
  unitNames: Map<string, string>;
  lists?: CodeLists;
  today?: string;
  required: boolean;
}

export function GroupInput(p: GroupInputProps) {
  const t = useFilingText();
  const { field } = p;
  const items = groupItems(p.answers[field.id]);
  const itemLabel = field.itemLabel ?? field.label;
  const max = field.maxItems ?? 20;
  const id = fieldElementId(field.id);
  const error = p.errors[field.id];
  const setItem = (i: number, key: string, v: unknown) => p.onChange(items.map((it, j) => (j === i ? { ...it, [key]: v } : it)));
  return (
    <fieldset id={id} className="space-y-3 rounded border border-slate-300 p-3" aria-describedby={error ? `${id}-loi` : undefined}>
      <legend className="px-1 font-medium">
        {field.label}
        {p.required && <span className="text-red-800"> ({t.requiredMark})</span>}
      </legend>
      {field.help && <p className="text-sm text-slate-700">{field.help}</p>}
      {error && (
        <p id={`${id}-loi`} className="text-sm font-semibold text-red-800">
          {error}
        </p>
      )}
      {items.length === 0 && <p className="text-sm text-slate-700">{t.group.none}</p>}
      {items.map((item, i) => (
        <section key={i} aria-labelledby={`${id}-${i}-tieu-de`} className="space-y-3 border-t border-slate-200 pt-3">
          <div className="flex items-center justify-between">
            <h3 id={`${id}-${i}-tieu-de`} className="font-semibold">
              {t.group.item(itemLabel, i + 1)}
            </h3>
            <button type="button" className="btn btn-secondary" onClick={() => p.onChange(items.filter((_, j) => j !== i))}>
              {t.group.remove(itemLabel, i + 1)}
            </button>
          </div>
          {(field.fields ?? [])
            .filter((g) => isVisible(g, p.answers, item))
            .map((g) => {
              const path = `${field.id}.${i}.${g.id}`;
              return (
                <FieldInput
                  key={g.id}
                  field={g}
                  path={path}
                  required={isRequired(g, p.answers, item)}
                  value={item[g.id]}
                  error={p.errors[path]}
                  onChange={(v) => setItem(i, g.id, v)}
                  provinces={p.provinces}
                  unitNames={p.unitNames}
                  lists={p.lists}
                  today={p.today}
                />
              );
            })}
        </section>
      ))}
      {items.length < max && (
        <button type="button" className="btn btn-secondary" onClick={() => p.onChange([...items, {}])}>
          {t.group.add(itemLabel)}
        </button>
      )}
    </fieldset>
  );
}
