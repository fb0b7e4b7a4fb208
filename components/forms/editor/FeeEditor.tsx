// The fee schedule of a form: its title and basis, the rules (amount in đồng, channels, per-unit quantity with
// free units, a condition), the reductions (percent, condition) and the exemptions (condition, legal basis).
// Each row is a fieldset; every change writes the whole schedule back.
"use client";

import type { Condition, FormDefinition } from "@/lib/forms/definition";
import { fieldsBefore } from "@/lib/forms/editor-conditions";
import { formsText } from "@/lib/i18n/vi/forms";
import { ConditionBuilder } from "./ConditionBuilder";

const t = formsText.editor;
const CHANNELS = ["online", "in_person", "post"] as const;
type Channel = (typeof CHANNELS)[number];

type Fees = NonNullable<FormDefinition["fees"]>;
type Rule = Fees["rules"][number];
type Reduction = Fees["reductions"][number];
type Exemption = Omit<Fees["exemptions"][number], "when"> & { when?: Condition };

/** The schedule as edited: an exemption may lack its condition until one is built (a problem is listed). */
type EditedFees = Omit<Fees, "exemptions" | "reductions"> & { reductions?: Reduction[]; exemptions?: Exemption[] };

function freshId(used: { id: string }[], base: string): string {
  let n = 1;
  while (used.some((x) => x.id === `${base}${n}`)) n++;
  return `${base}${n}`;
}

const int = (v: string) => (/^\d+$/.test(v.trim()) ? Number(v.trim()) : undefined);

function ChannelPicker({
  id,
  about,
  value,
  onChange,
}: {
  id: string;
  about: string;
  value?: Channel[];
  onChange: (v?: Channel[]) => void;
}) {
  return (
    <fieldset>
      <legend className="text-sm">
        {t.channels}
        <span className="sr-only"> {about}</span>
      </legend>
      <div className="flex flex-wrap gap-3">
        {CHANNELS.map((c) => (
          <label key={c} className="flex items-center gap-1 text-sm">
            <input
              type="checkbox"
              id={`${id}-${c}`}
              checked={value?.includes(c) ?? false}
              onChange={(e) => {
                const next = e.target.checked ? [...(value ?? []), c] : (value ?? []).filter((x) => x !== c);
                onChange(next.length ? CHANNELS.filter((x) => next.includes(x)) : undefined);
              }}
            />
            {t.channelNames[c]}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function Text({
  id,
  label,
  value,
  onChange,
  className = "input",
  inputMode,
}: {
  id: string;
  label: string;
  value: string | number | undefined;
  onChange: (v: string) => void;
  className?: string;
  inputMode?: "numeric";
}) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm">
        {label}
      </label>
      <input id={id} className={className} inputMode={inputMode} value={value ?? ""} onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}

export function FeeEditor({
  def,
  onChange,
}: {
  def: Pick<FormDefinition, "steps"> & { fees?: EditedFees };
  onChange: (fees: EditedFees | undefined) => void;
}) {
  const fees = def.fees;
  const fields = fieldsBefore(def);
  const numbers = fields.filter((f) => f.type === "number");

  if (!fees)
    return (
      <section aria-labelledby="phi-le-phi" className="space-y-2">
        <h3 id="phi-le-phi" className="text-lg font-semibold">
          {t.feesHeading}
        </h3>
        <button
          type="button"
          className="btn btn-secondary px-2 py-1"
          onClick={() => onChange({ title: "", rules: [{ id: "phi1", label: "", amount: 0 }], reductions: [], exemptions: [] })}
        >
          {t.addFees}
        </button>
      </section>
    );

  const rules = fees.rules;
  const reductions = fees.reductions ?? [];
  const exemptions = fees.exemptions ?? [];
  const set = (patch: Partial<EditedFees>) => onChange({ ...fees, ...patch });
  const setRule = (i: number, patch: Partial<Rule>) => set({ rules: rules.map((r, j) => (j === i ? { ...r, ...patch } : r)) });
  const setReduction = (i: number, patch: Partial<Reduction>) =>
    set({ reductions: reductions.map((r, j) => (j === i ? { ...r, ...patch } : r)) });
  const setExemption = (i: number, patch: Partial<Exemption>) =>
    set({ exemptions: exemptions.map((r, j) => (j === i ? { ...r, ...patch } : r)) });

  return (
    <section aria-labelledby="phi-le-phi" className="space-y-3" data-testid="phi-le-phi">
      <h3 id="phi-le-phi" className="text-lg font-semibold">
        {t.feesHeading}
      </h3>
      <div className="flex flex-wrap items-end gap-2">
        <Text id="phi-ten" label={t.feeTitle} value={fees.title} onChange={(v) => set({ title: v })} />
        <Text id="phi-can-cu" label={t.feeBasis} value={fees.basis} onChange={(v) => set({ basis: v || undefined })} />
        <button type="button" className="btn btn-secondary px-2 py-1" onClick={() => onChange(undefined)}>
          {t.removeFees}
        </button>
      </div>

      <fieldset className="space-y-2 rounded border border-slate-300 p-2">
        <legend className="font-medium">{t.rules}</legend>
        {rules.map((r, i) => {
          const id = `phi-muc-${i}`;
          const name = `${t.rule(i)} ${r.label}`;
          return (
            <fieldset key={i} className="space-y-2 rounded border border-slate-200 p-2" data-testid={id}>
              <legend className="text-sm font-medium">{t.rule(i)}</legend>
              <div className="flex flex-wrap items-end gap-2">
                <Text
                  id={`${id}-ma`}
                  label={t.ruleId}
                  className="input w-28 font-mono"
                  value={r.id}
                  onChange={(v) => setRule(i, { id: v })}
                />
                <Text id={`${id}-mo-ta`} label={t.ruleLabel} value={r.label} onChange={(v) => setRule(i, { label: v })} />
                <Text
                  id={`${id}-tien`}
                  label={t.amount}
                  className="input w-32"
                  inputMode="numeric"
                  value={r.amount}
                  onChange={(v) => setRule(i, { amount: int(v) ?? 0 })}
                />
                <div>
                  <label htmlFor={`${id}-theo`} className="block text-sm">
                    {t.perField}
                  </label>
                  <select
                    id={`${id}-theo`}
                    className="input"
                    value={r.perField ?? ""}
                    onChange={(e) =>
                      setRule(
                        i,
                        e.target.value ? { perField: e.target.value } : { perField: undefined, freeUnits: undefined, unit: undefined },
                      )
                    }
                  >
                    <option value="">{t.noPerField}</option>
                    {r.perField && !numbers.some((f) => f.id === r.perField) && <option value={r.perField}>{r.perField}</option>}
                    {numbers.map((f) => (
                      <option key={f.id} value={f.id}>
                        {f.label} ({f.id})
                      </option>
                    ))}
                  </select>
                </div>
                {r.perField && (
                  <>
                    <Text
                      id={`${id}-mien-dv`}
                      label={t.freeUnits}
                      className="input w-24"
                      inputMode="numeric"
                      value={r.freeUnits}
                      onChange={(v) => setRule(i, { freeUnits: int(v) })}
                    />
                    <Text
                      id={`${id}-don-vi`}
                      label={t.unit}
                      className="input w-28"
                      value={r.unit}
                      onChange={(v) => setRule(i, { unit: v || undefined })}
                    />
                  </>
                )}
                <button
                  type="button"
                  className="btn btn-secondary px-2 py-1"
                  disabled={rules.length === 1}
                  onClick={() => set({ rules: rules.filter((_, j) => j !== i) })}
                >
                  {t.remove}
                  <span className="sr-only"> {name}</span>
                </button>
              </div>
              <ChannelPicker id={`${id}-kenh`} about={name} value={r.channels} onChange={(v) => setRule(i, { channels: v })} />
              <ConditionBuilder
                legend={t.appliesWhen}
                about={name}
                idPrefix={`${id}-khi`}
                condition={r.when}
                fields={fields}
                onChange={(c) => setRule(i, { when: c })}
              />
            </fieldset>
          );
        })}
        <button
          type="button"
          className="btn btn-secondary px-2 py-1"
          onClick={() => set({ rules: [...rules, { id: freshId(rules, "phi"), label: "", amount: 0 }] })}
        >
          {t.addRule}
        </button>
      </fieldset>

      <fieldset className="space-y-2 rounded border border-slate-300 p-2">
        <legend className="font-medium">{t.reductions}</legend>
        {reductions.map((r, i) => {
          const id = `phi-giam-${i}`;
          const name = `${t.reduction(i)} ${r.label}`;
          return (
            <fieldset key={i} className="space-y-2 rounded border border-slate-200 p-2" data-testid={id}>
              <legend className="text-sm font-medium">{t.reduction(i)}</legend>
              <div className="flex flex-wrap items-end gap-2">
                <Text id={`${id}-mo-ta`} label={t.ruleLabel} value={r.label} onChange={(v) => setReduction(i, { label: v })} />
                <Text
                  id={`${id}-phan-tram`}
                  label={t.percent}
                  className="input w-24"
                  inputMode="numeric"
                  value={r.percent}
                  onChange={(v) => setReduction(i, { percent: int(v) ?? 0 })}
                />
                <Text id={`${id}-can-cu`} label={t.basis} value={r.basis} onChange={(v) => setReduction(i, { basis: v || undefined })} />
                <button
                  type="button"
                  className="btn btn-secondary px-2 py-1"
                  onClick={() => set({ reductions: reductions.filter((_, j) => j !== i) })}
                >
                  {t.remove}
                  <span className="sr-only"> {name}</span>
                </button>
              </div>
              <ChannelPicker id={`${id}-kenh`} about={name} value={r.channels} onChange={(v) => setReduction(i, { channels: v })} />
              <ConditionBuilder
                legend={t.appliesWhen}
                about={name}
                idPrefix={`${id}-khi`}
                condition={r.when}
                fields={fields}
                onChange={(c) => setReduction(i, { when: c })}
              />
            </fieldset>
          );
        })}
        <button
          type="button"
          className="btn btn-secondary px-2 py-1"
          onClick={() => set({ reductions: [...reductions, { id: freshId(reductions, "giam"), label: "", percent: 50 }] })}
        >
          {t.addReduction}
        </button>
      </fieldset>

      <fieldset className="space-y-2 rounded border border-slate-300 p-2">
        <legend className="font-medium">{t.exemptions}</legend>
        {exemptions.map((r, i) => {
          const id = `phi-mien-${i}`;
          const name = `${t.exemption(i)} ${r.label}`;
          return (
            <fieldset key={i} className="space-y-2 rounded border border-slate-200 p-2" data-testid={id}>
              <legend className="text-sm font-medium">{t.exemption(i)}</legend>
              <div className="flex flex-wrap items-end gap-2">
                <Text id={`${id}-mo-ta`} label={t.ruleLabel} value={r.label} onChange={(v) => setExemption(i, { label: v })} />
                <Text id={`${id}-can-cu`} label={t.basis} value={r.basis} onChange={(v) => setExemption(i, { basis: v || undefined })} />
                <button
                  type="button"
                  className="btn btn-secondary px-2 py-1"
                  onClick={() => set({ exemptions: exemptions.filter((_, j) => j !== i) })}
                >
                  {t.remove}
                  <span className="sr-only"> {name}</span>
                </button>
              </div>
              <ConditionBuilder
                legend={t.exemptWhen}
                about={name}
                idPrefix={`${id}-khi`}
                condition={r.when}
                fields={fields}
                onChange={(c) => setExemption(i, { when: c })}
              />
            </fieldset>
          );
        })}
        <button
          type="button"
          className="btn btn-secondary px-2 py-1"
          onClick={() => set({ exemptions: [...exemptions, { id: freshId(exemptions, "mien"), label: "" }] })}
        >
          {t.addExemption}
        </button>
      </fieldset>
    </section>
  );
}
