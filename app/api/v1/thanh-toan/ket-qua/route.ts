// The payment gateway's result callback (server to server): a signed JSON body in, { outcome } out.
// The HTTP status tells the gateway whether to stop retrying (2xx) or what was wrong with its message. A verified
// callback is settled by the payment.confirm use case with the gateway as actor (lib/payments/payments.ts).
import { handleCallback, readCallbackBody } from "@/lib/payments/callback";

export async function POST(request: Request) {
  const { httpStatus, outcome } = await handleCallback(await readCallbackBody(request.body));
  return Response.json({ outcome }, { status: httpStatus, headers: { "Cache-Control": "no-store" } });
}
