// How a filing's fee was computed: each line (label, amount, quantity, subtotal), a reduction, an exemption and
// the total. Shown on the review step before submitting, on the citizen's dossier page and on the receipt.
import type { FeeComputation } from "@/lib/forms/fees";
import { formatMoney } from "@/lib/format";
import { filingText } from "@/lib/i18n/vi/filing";

const t = filingText.fee;

export function FeeBreakdown({ fee, note, headingLevel = 3 }: { fee: FeeComputation; note?: string; headingLevel?: 2 | 3 }) {
  const H = headingLevel === 2 ? "h2" : "h3";
  return (
    <section aria-labelledby="phi-le-phi" className="space-y-2 rounded bg-slate-100 p-3 text-sm" data-testid="phi-le-phi">
      <H id="phi-le-phi" className="font-semibold">
        {fee.title ?? t.title}
      </H>
      {fee.lines.length > 0 && (
        <table className="w-full text-left">
          <caption className="sr-only">{t.title}</caption>
          <thead>
            <tr>
              <th scope="col">{t.line}</th>
              <th scope="col">{t.unitAmount}</th>
              <th scope="col">{t.quantity}</th>
              <th scope="col">{t.subtotal}</th>
            </tr>
          </thead>
          <tbody>
            {fee.lines.map((l) => (
              <tr key={l.id}>
                <td>{l.label}</td>
                <td>{formatMoney(l.unitAmount)}</td>
                <td>
                  {l.quantity}
                  {l.unit ? ` ${l.unit}` : ""}
                </td>
                <td>{formatMoney(l.subtotal)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {fee.reduction && (
        <p>
          {t.reduction(fee.reduction.label, fee.reduction.percent)}: −{formatMoney(fee.reduction.amount)}
          {fee.reduction.basis ? ` (${fee.reduction.basis})` : ""}
        </p>
      )}
      {fee.exemption && (
        <p>
          {t.exempt(fee.exemption.label)}
          {fee.exemption.basis ? ` (${fee.exemption.basis})` : ""}
        </p>
      )}
      <p>
        {fee.total === 0 ? (
          <strong data-testid="tong-phi">{t.free}</strong>
        ) : (
          <>
            {t.total}: <strong data-testid="tong-phi">{formatMoney(fee.total)}</strong>
          </>
        )}
        {note && fee.total > 0 ? ` ${note}` : ""}
      </p>
      {fee.basis && <p className="text-slate-700">{fee.basis}</p>}
    </section>
  );
}
