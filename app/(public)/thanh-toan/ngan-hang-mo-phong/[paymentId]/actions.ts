"use server";
// The simulated bank's two buttons. Like a real bank it tells the portal the result server to server, with a
// signed callback to the portal's public callback address, and only then sends the payer's browser back.
import { randomBytes } from "node:crypto";
import { redirect } from "next/navigation";
import { safeNextPath } from "@/lib/auth/safe-next";
import { simulatedBankOrder } from "@/lib/payments/payments";
import { callbackUrl, signCallback } from "@/lib/payments/simulated";

async function settleAtBank(formData: FormData, status: "success" | "failed"): Promise<never> {
  const paymentId = String(formData.get("paymentId") ?? "");
  // The return address came through the browser: only a path on this site is followed (no open redirect).
  const back = new URL(safeNextPath(String(formData.get("ve") ?? "")) ?? "/ho-so-cua-toi", "http://portal.invalid");
  const order = await simulatedBankOrder(paymentId);
  if (order?.status === "PENDING") {
    const txnId = `MP${Date.now()}${randomBytes(4).toString("hex").toUpperCase()}`;
    const body = signCallback({ paymentId: order.paymentId, txnId, amount: order.amount, status, timestamp: Date.now() });
    try {
      const res = await fetch(callbackUrl(), {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body),
        cache: "no-store",
        signal: AbortSignal.timeout(15_000),
      });
      if (!res.ok) console.error(`the portal answered the simulated bank's callback with ${res.status}`);
    } catch (err) {
      console.error("the simulated bank could not reach the portal's callback address", err);
    }
  }
  // What the payer is told is what the portal recorded, whatever happened to the callback on the way.
  const after = order ? await simulatedBankOrder(order.paymentId) : null;
  back.searchParams.set("thanh-toan", after?.status === "PAID" ? "thanh-cong" : "that-bai");
  redirect(`${back.pathname}${back.search}`);
}

export async function confirmPayment(formData: FormData): Promise<void> {
  await settleAtBank(formData, "success");
}

export async function cancelPayment(formData: FormData): Promise<void> {
  await settleAtBank(formData, "failed");
}
