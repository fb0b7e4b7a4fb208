// The simulated bank's payment page (VNPay's payment page in the demo and the tests), clearly marked as a
// simulation: the order from the portal's signed payment URL, and two plain forms (confirm, cancel) that work
// without JavaScript. Off, or for an unsigned or altered URL, the page does not exist.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { formatMoney } from "@/lib/format";
import { paymentsText } from "@/lib/i18n/vi/payments";
import { amountInWords } from "@/lib/money/words";
import { simulatedBankOrder } from "@/lib/payments/payments";
import { readSimulatedOrder } from "@/lib/payments/simulated";
import { cancelPayment, confirmPayment } from "./actions";

export const metadata: Metadata = { title: paymentsText.bank.title, robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const t = paymentsText.bank;

export default async function SimulatedBankPage({ searchParams }: Props) {
  const query: Record<string, string> = {};
  for (const [k, v] of Object.entries(await searchParams)) {
    const first = Array.isArray(v) ? v[0] : v;
    if (first !== undefined) query[k] = first;
  }
  const signed = readSimulatedOrder(query);
  const order = signed && (await simulatedBankOrder(signed.paymentId));
  if (!signed || !order) notFound();
  const back = "/ho-so-cua-toi";
  const hidden = <input type="hidden" name="q" value={new URLSearchParams(signed.params).toString()} />;
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <header className="rounded-lg border-2 border-dashed border-amber-700 bg-amber-50 p-4 text-amber-950">
        <p className="text-sm font-semibold uppercase tracking-wide">{paymentsText.simulatedGatewayLabel}</p>
        <h1 className="text-2xl font-bold">{t.title}</h1>
        <p className="mt-2">{t.lead}</p>
      </header>
      <section className="card space-y-4" aria-labelledby="giao-dich">
        <h2 id="giao-dich" className="text-lg font-semibold">
          {t.order}
        </h2>
        <dl className="grid gap-2 sm:grid-cols-[14rem_1fr]">
          <dt className="font-semibold">{t.merchant}</dt>
          <dd>{order.merchant}</dd>
          <dt className="font-semibold">{t.description}</dt>
          <dd>{signed.description}</dd>
          <dt className="font-semibold">{t.amount}</dt>
          <dd className="text-xl font-bold">{formatMoney(signed.amount)}</dd>
          <dt className="font-semibold">{t.amountInWords}</dt>
          <dd>{amountInWords(signed.amount)}</dd>
          <dt className="font-semibold">{t.paymentId}</dt>
          <dd className="break-all font-mono text-sm">{order.paymentId}</dd>
        </dl>
        {order.status === "PENDING" ? (
          <div className="flex flex-wrap gap-3">
            <form action={confirmPayment}>
              {hidden}
              <button type="submit" className="btn btn-primary">
                {t.confirm}
              </button>
            </form>
            <form action={cancelPayment}>
              {hidden}
              <button type="submit" className="btn btn-secondary">
                {t.cancel}
              </button>
            </form>
          </div>
        ) : (
          <div className="space-y-2">
            <p role="status">{t.processed}</p>
            <p>
              <Link href={back}>{t.backToDossier}</Link>
            </p>
          </div>
        )}
      </section>
    </div>
  );
}
