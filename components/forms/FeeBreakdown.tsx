// How a filing's fee was computed: each line (label, amount, quantity, subtotal), a reduction, an exemption and
// the total. Shown on the review step before submitting, on the citizen's dossier page and on the receipt.
import type { FeeComputation } from "@/lib/forms/fees";
import { formatMoney } from "@/lib/format";
import { filingText } from "@/lib/i18n/vi/filing";

type FeeText = {
  [K in "title" | "free" | "total" | "line" | "unitAmount" | "quantity" | "subtotal"]: string;
} & {
  exempt: (label: string) => string;
  reduction: (label: string, percent: number) => string;
  money?: (amount: number) => string;
};

/**
 * `text`: the words in the page's language (the filing form's, from the catalog); Vietnamese by default. The
 * fee's own lines, title and legal basis are the procedure's, in Vietnamese (marked lang="vi").
 */
export function FeeBreakdown({
  fee,
  note,
  headingLevel = 3,
  text: t = filingText.fee,
}: {
  fee: FeeComputation;
  note?: string;
  headingLevel?: 2 | 3;
  text?: FeeText;
}) {
  const money = t.money ?? formatMoney;
  const H = headingLevel === 2 ? "h2" : "h3";
  return (
    <section aria-labelledby="phi-le-phi" className="space-y-2 rounded bg-slate-100 p-3 text-sm" data-testid="phi-le-phi">
      <H id="phi-le-phi" className="font-semibold">
        {fee.title ? <span lang="vi">{fee.title}</span> : t.title}
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
                <td lang="vi">{l.label}</td>
                <td>{money(l.unitAmount)}</td>
                <td>
                  {l.quantity}
                  {l.unit ? <span lang="vi"> {l.unit}</span> : ""}
                </td>
                <td>{money(l.subtotal)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {fee.reduction && (
        <p>
          {t.reduction(fee.reduction.label, fee.reduction.percent)}: −{money(fee.reduction.amount)}
          {fee.reduction.basis ? <span lang="vi"> ({fee.reduction.basis})</span> : ""}
        </p>
      )}
      {fee.exemption && (
        <p>
          {t.exempt(fee.exemption.label)}
          {fee.exemption.basis ? <span lang="vi"> ({fee.exemption.basis})</span> : ""}
        </p>
      )}
      <p>
        {fee.total === 0 ? (
          <strong data-testid="tong-phi">{t.free}</strong>
        ) : (
          <>
            {t.total}: <strong data-testid="tong-phi">{money(fee.total)}</strong>
          </>
        )}
        {note && fee.total > 0 ? ` ${note}` : ""}
      </p>
      {fee.basis && (
        <p className="text-slate-700" lang="vi">
          {fee.basis}
        </p>
      )}
    </section>
  );
}
