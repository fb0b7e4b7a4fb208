// The fees section of a citizen's dossier page: what is owed and paid, the online payment button (level 4),
// past payments with their receipts, and the outcome the gateway or the button sent back in the address.
import { formatDateTime, formatMoney } from "@/lib/format";
import { paymentsText } from "@/lib/i18n/vi/payments";
import { canPayOnline, type PaymentSummary } from "@/lib/payments/payments";

interface PaymentPanelDossier {
  id: string;
  code: string;
  onlineLevel: number;
  feeAmount: number;
  paidAmount: number;
  status: number;
}

interface Props {
  dossier: PaymentPanelDossier;
  /** From paymentsForDossier(dossier.id). */
  payments: PaymentSummary[];
  /** The page's search parameters; the panel reads `thanh-toan` and `ly-do`. */
  searchParams?: Record<string, string | string[] | undefined>;
  /** The page's server action that starts (or resumes) the payment and goes to the gateway. */
  startPayment: (formData: FormData) => Promise<void>;
  /** Whether a payment gateway is configured; without one the panel says to pay at the counter. */
  gatewayConfigured: boolean;
}

const t = paymentsText.panel;

function first(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

function Notice({ result, reason }: { result?: string; reason?: string }) {
  if (result === "thanh-cong") {
    return (
      <p role="status" className="rounded-md border-2 border-green-700 bg-green-50 p-3 text-green-900">
        {t.succeeded}
      </p>
    );
  }
  if (result === "cho-xac-nhan") {
    return (
      <p role="status" className="rounded-md border-2 border-amber-700 bg-amber-50 p-3 text-amber-950">
        {t.pending}
      </p>
    );
  }
  if (result !== "that-bai" && result !== "loi") return null;
  // Only known codes become text; anything else in the address gets the generic message.
  const message =
    result === "that-bai"
      ? t.failed
      : reason && Object.hasOwn(t.startError, reason)
        ? t.startError[reason as keyof typeof t.startError]
        : t.startError.unexpected;
  return (
    <p role="alert" className="rounded-md border-2 border-red-700 bg-red-50 p-3 text-red-900">
      {message}
    </p>
  );
}

export function PaymentPanel({ dossier, payments, searchParams = {}, startPayment, gatewayConfigured }: Props) {
  const due = Math.max(0, dossier.feeAmount - dossier.paidAmount);
  return (
    <section id="thanh-toan" className="card space-y-3" aria-labelledby="thanh-toan-tieu-de">
      <h2 id="thanh-toan-tieu-de" className="text-lg font-semibold">
        {t.title}
      </h2>
      <Notice result={first(searchParams["thanh-toan"])} reason={first(searchParams["ly-do"])} />
      {dossier.feeAmount === 0 ? (
        <p>{t.noFee}</p>
      ) : dossier.onlineLevel < 4 ? (
        <p>
          {t.atCounter}: <strong>{formatMoney(dossier.feeAmount)}</strong>.
        </p>
      ) : (
        <>
          <dl className="grid gap-1 sm:grid-cols-[14rem_1fr]">
            <dt className="font-semibold">{t.amount}</dt>
            <dd>{formatMoney(dossier.feeAmount)}</dd>
            <dt className="font-semibold">{t.paid}</dt>
            <dd>{formatMoney(dossier.paidAmount)}</dd>
            <dt className="font-semibold">{t.due}</dt>
            <dd className="font-bold">{formatMoney(due)}</dd>
          </dl>
          {canPayOnline(dossier) && !gatewayConfigured ? (
            <p>{paymentsText.unavailable}</p>
          ) : canPayOnline(dossier) ? (
            <form action={startPayment} className="space-y-2">
              <input type="hidden" name="dossierId" value={dossier.id} />
              <input type="hidden" name="code" value={dossier.code} />
              <button type="submit" className="btn btn-primary" aria-describedby="thanh-toan-huong-dan">
                {t.pay}
              </button>
              <p id="thanh-toan-huong-dan" className="text-sm text-slate-700">
                {t.payHint}
              </p>
            </form>
          ) : (
            due === 0 && <p>{t.fullyPaid}</p>
          )}
        </>
      )}
      {payments.length > 0 && (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="mb-1 text-left font-semibold">{t.history}</caption>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="py-1 pr-3">
                  {t.createdAt}
                </th>
                <th scope="col" className="py-1 pr-3">
                  {t.amountColumn}
                </th>
                <th scope="col" className="py-1 pr-3">
                  {t.statusColumn}
                </th>
                <th scope="col" className="py-1">
                  {t.receiptColumn}
                </th>
              </tr>
            </thead>
            <tbody>
              {payments.map((p) => (
                <tr key={p.id} className="border-b border-slate-200">
                  <td className="py-1 pr-3">{formatDateTime(p.createdAt)}</td>
                  <td className="py-1 pr-3">{formatMoney(p.amount)}</td>
                  <td className="py-1 pr-3">
                    {t.status[p.status]}
                    {p.refundDueAt && <strong className="block text-amber-900">{t.refundDue}</strong>}
                    {p.paidAt && <span className="block text-slate-700">{formatDateTime(p.paidAt)}</span>}
                  </td>
                  <td className="py-1">
                    {p.status === "PAID" && p.receiptNo ? (
                      <>
                        <span className="block">{p.receiptNo}</span>
                        <a href={`/ho-so-cua-toi/${dossier.code}/bien-lai/${p.id}`} download={`bien-lai-${p.receiptNo}.pdf`}>
                          {t.receipt} <span className="sr-only">{t.receiptOf(p.receiptNo)}</span>
                        </a>
                      </>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
