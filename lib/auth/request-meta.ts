// Who is asking, from where: the client address and user agent of the current request.
import "server-only";
import { headers } from "next/headers";
import { clientAddressOf } from "@/lib/http/forwarded";

export interface RequestMeta {
  ip: string;
  userAgent: string | null;
}

/**
 * The client's address: the socket's peer, unless that peer is one of TRUSTED_PROXIES, in which case
 * X-Forwarded-For is walked from the right past the trusted hops (lib/http/forwarded.ts). What a client
 * writes in X-Forwarded-For itself never counts, so it cannot pick its own rate-limit bucket.
 */
export function clientIpFrom(get: (name: string) => string | null | undefined): string {
  return clientAddressOf(get);
}

export async function requestMeta(): Promise<RequestMeta> {
  const h = await headers();
  return { ip: clientIpFrom((n) => h.get(n)), userAgent: h.get("user-agent") };
}
