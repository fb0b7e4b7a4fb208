// The structured properties of one field beyond its label and kind: its conditions (shown when, required
// when), the paper a file field collects and whether it is required, a choice field's code list, a date
// field's plausibility rules. Every change is a patch of the field (undefined removes a property).
"use client";

import type { FormDefinition, FormField } from "@/lib/forms/definition";
import { fieldsBefore } from "@/lib/forms/editor-conditions";
import { formsText } from "@/lib/i18n/vi/forms";
import { ConditionBuilder } from "./ConditionBuilder";

const t = formsText.editor;

/** A paper of the procedure (its dossier components, in order: the index is what a file field stores). */
export interface EditorComponent {
  name: string;
  kind: "submit" | "show";
}

/** A code list seeded in reference data. */
export interface EditorList {
  id: string;
  name: string;
}

interface FieldDetailsProps {
  def: Pick<FormDefinition, "steps">;
  step: number;
  index: number;
  field: FormField;
  components: EditorComponent[];
  lists: EditorList[];
  onPatch: (patch: Partial<FormField>) => void;
}

const intOrUndefined = (v: string) => (/^\d+$/.test(v.trim()) ? Number(v.trim()) : undefined);

export function FieldDetails({ def, step, index, field: f, components, lists, onPatch }: FieldDetailsProps) {
  const id = `ct-${step}-${index}`;
  const earlier = fieldsBefore(def, { step, field: index });
  const choice = f.type === "select" || f.type === "radio";
  const requirement = f.requiredWhen ? "conditional" : f.required ? "required" : "optional";
  const setDate = (patch: Partial<NonNullable<FormField["date"]>>) => {
    const next = { ...f.date, ...patch };
    const kept = Object.fromEntries(Object.entries(next).filter(([, v]) => v !== undefined && v !== ""));
    onPatch({ date: Object.keys(kept).length ? kept : undefined });
  };

  return (
    <div className="mt-2 space-y-2">
      {f.type === "file" && (
        <>
          <div>
            <label htmlFor={`${id}-giay-to`} className="block text-sm">
              {t.paper}
            </label>
            <select
              id={`${id}-giay-to`}
              className="input"
              value={f.component === undefined ? "" : String(f.component)}
              onChange={(e) => onPatch({ component: e.target.value === "" ? undefined : Number(e.target.value) })}
            >
              <option value="">{t.noPaper}</option>
              {components.map((c, ci) => (
                <option key={ci} value={ci} disabled={c.kind !== "submit"}>
                  {ci + 1}. {c.name}
                  {c.kind !== "submit" ? ` ${t.showOnly}` : ""}
                </option>
              ))}
            </select>
          </div>
          <fieldset>
            <legend className="text-sm font-medium">
              {t.paperRequirement}
              <span className="sr-only"> {f.label}</span>
            </legend>
            <div className="flex flex-wrap gap-3">
              {(["required", "optional", "conditional"] as const).map((r) => (
                <label key={r} className="flex items-center gap-1 text-sm">
                  <input
                    type="radio"
                    name={`${id}-yeu-cau`}
                    checked={requirement === r}
                    onChange={() =>
                      onPatch(
                        r === "required"
                          ? { required: true, requiredWhen: undefined }
                          : r === "optional"
                            ? { required: false, requiredWhen: undefined }
                            : // A condition to be built below; until then, the first earlier checkbox ticked or a field filled.
                              { required: false, requiredWhen: firstCondition(earlier) },
                      )
                    }
                  />
                  {r === "required" ? t.paperRequired : r === "optional" ? t.paperOptional : t.paperConditional}
                </label>
              ))}
            </div>
          </fieldset>
        </>
      )}

      {choice && (
        <fieldset>
          <legend className="text-sm font-medium">
            {t.choiceSource}
            <span className="sr-only"> {f.label}</span>
          </legend>
          <div className="flex flex-wrap items-end gap-3">
            <label className="flex items-center gap-1 text-sm">
              <input
                type="radio"
                name={`${id}-nguon`}
                checked={f.list === undefined}
                onChange={() => onPatch({ list: undefined, options: f.options?.length ? f.options : [{ value: "1", label: "…" }] })}
              />
              {t.typedOptions}
            </label>
            <label className="flex items-center gap-1 text-sm">
              <input
                type="radio"
                name={`${id}-nguon`}
                checked={f.list !== undefined}
                onChange={() => onPatch({ options: undefined, list: lists[0]?.id ?? "" })}
              />
              {t.codeList}
            </label>
            {f.list !== undefined && (
              <div>
                <label htmlFor={`${id}-danh-muc`} className="block text-sm">
                  {t.codeListPick}
                </label>
                <select id={`${id}-danh-muc`} className="input" value={f.list} onChange={(e) => onPatch({ list: e.target.value })}>
                  {!lists.some((l) => l.id === f.list) && <option value={f.list}>{f.list || t.noList}</option>}
                  {lists.map((l) => (
                    <option key={l.id} value={l.id}>
                      {l.name} ({l.id})
                    </option>
                  ))}
                </select>
              </div>
            )}
          </div>
        </fieldset>
      )}

      {f.type === "date" && (
        <fieldset>
          <legend className="text-sm font-medium">
            {t.dateRules}
            <span className="sr-only"> {f.label}</span>
          </legend>
          <div className="flex flex-wrap items-end gap-3">
            <div>
              <label htmlFor={`${id}-tu-ngay`} className="block text-sm">
                {t.notBefore}
              </label>
              <input
                id={`${id}-tu-ngay`}
                type="date"
                className="input"
                value={f.date?.notBefore ?? ""}
                onChange={(e) => setDate({ notBefore: e.target.value || undefined })}
              />
            </div>
            <label className="flex items-center gap-1 text-sm">
              <input
                type="checkbox"
                checked={f.date?.allowFuture ?? false}
                onChange={(e) => setDate({ allowFuture: e.target.checked || undefined })}
              />
              {t.allowFuture}
            </label>
            <div>
              <label htmlFor={`${id}-tuoi-min`} className="block text-sm">
                {t.minAge}
              </label>
              <input
                id={`${id}-tuoi-min`}
                className="input w-24"
                inputMode="numeric"
                value={f.date?.minAge ?? ""}
                onChange={(e) => setDate({ minAge: intOrUndefined(e.target.value) })}
              />
            </div>
            <div>
              <label htmlFor={`${id}-tuoi-max`} className="block text-sm">
                {t.maxAge}
              </label>
              <input
                id={`${id}-tuoi-max`}
                className="input w-24"
                inputMode="numeric"
                value={f.date?.maxAge ?? ""}
                onChange={(e) => setDate({ maxAge: intOrUndefined(e.target.value) || undefined })}
              />
            </div>
          </div>
        </fieldset>
      )}

      <ConditionBuilder
        legend={t.showWhen}
        about={f.label}
        idPrefix={`${id}-hien`}
        condition={f.showWhen}
        fields={earlier}
        onChange={(c) => onPatch({ showWhen: c })}
      />
      {(f.type !== "file" || requirement === "conditional") && (
        <ConditionBuilder
          legend={t.requiredWhen}
          about={f.label}
          idPrefix={`${id}-buoc`}
          condition={f.requiredWhen}
          fields={earlier}
          onChange={(c) => onPatch(f.type === "file" && !c ? { requiredWhen: undefined, required: false } : { requiredWhen: c })}
        />
      )}
    </div>
  );
}

/** A starting condition for "required when": the nearest earlier checkbox ticked, else the nearest field filled. */
function firstCondition(earlier: FormField[]): FormField["requiredWhen"] {
  const box = [...earlier].reverse().find((f) => f.type === "checkbox");
  if (box) return { field: box.id, equals: true };
  const last = earlier.at(-1);
  return last ? { field: last.id, filled: true } : undefined;
}
