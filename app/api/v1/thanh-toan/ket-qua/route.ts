// The payment gateway's IPN (server to server): VNPay's signed vnp_* query in, its { RspCode, Message } out,
// always with HTTP 200 as VNPay expects. A verified notification is settled by the payment.confirm use case
// with the gateway as actor (lib/payments/callback.ts).
import { handleIpn } from "@/lib/payments/callback";
import { queryParams } from "@/lib/payments/vnpay-protocol";

export async function GET(request: Request) {
  const { answer } = await handleIpn(queryParams(new URL(request.url).searchParams));
  return Response.json(answer, { headers: { "Cache-Control": "no-store" } });
}
