// Where the gateway sends the payer's browser back (vnp_ReturnUrl). It only shows the result: money changes
// through the gateway's IPN alone, so this reads what the portal recorded and sends the payer to the dossier.
import { paymentReturn } from "@/lib/payments/payments";
import { queryParams } from "@/lib/payments/vnpay-protocol";

export async function GET(request: Request) {
  const to = await paymentReturn(queryParams(new URL(request.url).searchParams));
  return new Response(null, { status: 303, headers: { Location: to, "Cache-Control": "no-store" } });
}
