"use server";
// The payment panel's "Thanh toán trực tuyến" button: start (or resume) the payment, then go to the gateway;
// on refusal come back to the panel with a reason code that it turns into a message.
import { redirect } from "next/navigation";
import { isDossierCode } from "@/lib/dossiers/code";
import { startPayment } from "@/lib/payments/payments";
import { viaSession } from "@/lib/auth/session-actor";

export async function startPaymentAction(formData: FormData): Promise<void> {
  const code = String(formData.get("code") ?? "");
  const back = isDossierCode(code) ? `/ho-so-cua-toi/${code}` : "/ho-so-cua-toi";
  const r = await viaSession(startPayment, { dossierId: formData.get("dossierId") });
  if (r.ok) redirect(r.data.url);
  if (r.code === "unauthenticated") redirect(`/dang-nhap?next=${encodeURIComponent(back)}`);
  // A code, never the message itself: text in the address would let anyone put words on the portal's page.
  redirect(`${back}?thanh-toan=loi&ly-do=${r.code}#thanh-toan`);
}
