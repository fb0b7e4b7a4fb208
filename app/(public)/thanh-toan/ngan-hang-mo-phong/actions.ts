"use server";
// The simulated bank's two buttons. Like VNPay it tells the portal the result server to server, with an IPN
// signed with the configured secret, then sends the payer's browser to the return address with the same
// signed parameters. It acts only on a payment URL the portal signed, and only when the simulator is on.
import { redirect } from "next/navigation";
import { ipnUrl, publicBaseUrl } from "@/lib/payments/config";
import { simulatedBankOrder } from "@/lib/payments/payments";
import { readSimulatedOrder, simulatedResult } from "@/lib/payments/simulated";
import { queryParams } from "@/lib/payments/vnpay-protocol";
import { errorField, log } from "@/lib/ops/log";

async function settleAtBank(formData: FormData, outcome: "success" | "cancelled"): Promise<never> {
  const order = readSimulatedOrder(queryParams(new URLSearchParams(String(formData.get("q") ?? ""))));
  if (!order) redirect("/ho-so-cua-toi");
  const result = simulatedResult(order, outcome);
  if ((await simulatedBankOrder(order.paymentId))?.status === "PENDING") {
    try {
      const res = await fetch(`${ipnUrl()}?${result}`, { cache: "no-store", signal: AbortSignal.timeout(15_000) });
      const answer: unknown = await res.json();
      log.info({ answer }, "the portal answered the simulated bank's IPN");
    } catch (err) {
      log.error({ err: errorField(err) }, "the simulated bank could not reach the portal's IPN address");
    }
  }
  // The return address was signed by the portal; on this site it is followed as a path.
  const back = new URL(order.returnUrl);
  const own = back.origin === new URL(publicBaseUrl()).origin;
  redirect(`${own ? back.pathname : `${back.origin}${back.pathname}`}?${result}`);
}

export async function confirmPayment(formData: FormData): Promise<void> {
  await settleAtBank(formData, "success");
}

export async function cancelPayment(formData: FormData): Promise<void> {
  await settleAtBank(formData, "cancelled");
}
