// Who is asking, from where: the client address and user agent of the current request.
import "server-only";
import { headers } from "next/headers";

export interface RequestMeta {
  ip: string;
  userAgent: string | null;
}

/**
 * The client's address: the rightmost X-Forwarded-For entry, the one added by the nearest hop we trust
 * (the reverse proxy in front of the portal, or Next itself from the socket when no proxy is there).
 * Entries further left are whatever the client claimed, so they never count for rate limits.
 */
export function clientIpFrom(get: (name: string) => string | null | undefined): string {
  const hops = (get("x-forwarded-for") ?? "")
    .split(",")
    .map((h) => h.trim())
    .filter(Boolean);
  return (hops[hops.length - 1] || get("x-real-ip") || "unknown").slice(0, 64);
}

export async function requestMeta(): Promise<RequestMeta> {
  const h = await headers();
  return { ip: clientIpFrom((n) => h.get(n)), userAgent: h.get("user-agent") };
}
