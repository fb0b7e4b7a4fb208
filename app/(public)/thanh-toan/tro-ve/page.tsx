// Where the gateway sends the payer's browser back (vnp_ReturnUrl). It only shows the result: money changes
// through the gateway's IPN alone, so this reads what the portal recorded and sends the payer to the dossier.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { paymentsText } from "@/lib/i18n/vi/payments";
import { paymentReturn } from "@/lib/payments/payments";

export const metadata: Metadata = { title: paymentsText.returnTitle, robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function PaymentReturnPage({ searchParams }: Props): Promise<never> {
  const query: Record<string, string> = {};
  for (const [k, v] of Object.entries(await searchParams)) {
    const first = Array.isArray(v) ? v[0] : v;
    if (first !== undefined) query[k] = first;
  }
  redirect(await paymentReturn(query));
}
