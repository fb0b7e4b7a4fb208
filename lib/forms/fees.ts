// The fee a filing owes, computed from the form's fee rules, the answers and the channel: every rule that holds
// adds its amount (times the quantity a per-copy rule reads from an answer, less its free units); the first
// reduction that holds takes its percent off; the first exemption that holds makes it 0. Without fee rules, the
// service channel's first fee line (the standard fee). Pure: the review step shows it, submission stores it.
import type { FeeSchedule, FormDefinition } from "./definition";
import { holds } from "./conditions";
import { filingText } from "@/lib/i18n/vi/filing";

export type FeeChannel = "online" | "in_person" | "post";

interface FeeLine {
  id: string;
  label: string;
  unitAmount: number;
  quantity: number;
  unit?: string;
  subtotal: number;
}

export interface FeeComputation {
  /** What is owed, in đồng. */
  total: number;
  /** Before any reduction or exemption. */
  base: number;
  lines: FeeLine[];
  reduction: { id: string; label: string; percent: number; amount: number; basis?: string } | null;
  exemption: { id: string; label: string; basis?: string } | null;
  title?: string;
  basis?: string;
  /** "rules": computed from the form's fee rules; "schedule": the channel's first fee line. */
  from: "rules" | "schedule";
}

function quantityOf(v: unknown): number {
  const n = typeof v === "number" ? v : typeof v === "string" && v.trim() ? Number(v.replace(",", ".")) : NaN;
  return Number.isFinite(n) && n > 0 ? Math.floor(n) : 0;
}

function applies(
  rule: { channels?: readonly string[]; when?: Parameters<typeof holds>[0] },
  answers: Record<string, unknown>,
  channel: FeeChannel,
) {
  return (!rule.channels || rule.channels.includes(channel)) && holds(rule.when, answers);
}

function fromSchedule(fees: FeeSchedule, answers: Record<string, unknown>, channel: FeeChannel): FeeComputation {
  const lines: FeeLine[] = fees.rules
    .filter((r) => applies(r, answers, channel))
    .map((r) => {
      const quantity = r.perField ? Math.max(0, quantityOf(answers[r.perField]) - (r.freeUnits ?? 0)) : 1;
      return { id: r.id, label: r.label, unitAmount: r.amount, quantity, unit: r.unit, subtotal: r.amount * quantity };
    })
    .filter((l) => l.quantity > 0);
  const base = lines.reduce((s, l) => s + l.subtotal, 0);
  const exempt = fees.exemptions.find((e) => holds(e.when, answers));
  if (exempt)
    return {
      total: 0,
      base,
      lines,
      reduction: null,
      exemption: { id: exempt.id, label: exempt.label, basis: exempt.basis },
      title: fees.title,
      basis: fees.basis,
      from: "rules",
    };
  const r = fees.reductions.find((x) => applies(x, answers, channel));
  const reduction = r
    ? { id: r.id, label: r.label, percent: r.percent, amount: Math.round((base * r.percent) / 100), basis: r.basis }
    : null;
  return {
    total: base - (reduction?.amount ?? 0),
    base,
    lines,
    reduction,
    exemption: null,
    title: fees.title,
    basis: fees.basis,
    from: "rules",
  };
}

/**
 * The fee for these answers on this channel. `schedule` is the service channel's fee lines (alternatives:
 * the first is the standard fee), used when the form has no fee rules.
 */
export function computeFee(
  def: FormDefinition,
  answers: Record<string, unknown>,
  channel: FeeChannel,
  schedule: readonly { description: string; amount: number }[] = [],
): FeeComputation {
  if (def.fees) return fromSchedule(def.fees, answers, channel);
  const first = schedule[0];
  const lines: FeeLine[] =
    first && first.amount > 0
      ? [{ id: "phi", label: first.description, unitAmount: first.amount, quantity: 1, subtotal: first.amount }]
      : [];
  const total = lines.reduce((s, l) => s + l.subtotal, 0);
  return { total, base: total, lines, reduction: null, exemption: null, from: "schedule" };
}

/** The computation in words, one line per step (for the receipt and its PDF). */
export function feeDetailLines(fee: FeeComputation): string[] {
  const money = (n: number) => filingText.dong(new Intl.NumberFormat("vi-VN").format(n));
  const lines = fee.lines.map((l) =>
    l.quantity === 1 && !l.unit
      ? `${l.label}: ${money(l.subtotal)}`
      : `${l.label}: ${money(l.unitAmount)} × ${l.quantity}${l.unit ? ` ${l.unit}` : ""} = ${money(l.subtotal)}`,
  );
  if (fee.reduction) lines.push(`${filingText.fee.reduction(fee.reduction.label, fee.reduction.percent)}: −${money(fee.reduction.amount)}`);
  if (fee.exemption) lines.push(`${filingText.fee.exempt(fee.exemption.label)}${fee.exemption.basis ? ` (${fee.exemption.basis})` : ""}`);
  lines.push(`${filingText.fee.total}: ${money(fee.total)}`);
  return lines;
}
