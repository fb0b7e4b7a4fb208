// Who is asking, from where: the client address and user agent of the current request.
import "server-only";
import { headers } from "next/headers";

export interface RequestMeta {
  ip: string;
  userAgent: string | null;
}

/** The first address of X-Forwarded-For (set by the reverse proxy in front of the portal), else X-Real-IP. */
export function clientIpFrom(get: (name: string) => string | null | undefined): string {
  const forwarded = get("x-forwarded-for")?.split(",")[0]?.trim();
  return (forwarded || get("x-real-ip") || "unknown").slice(0, 64);
}

export async function requestMeta(): Promise<RequestMeta> {
  const h = await headers();
  return { ip: clientIpFrom((n) => h.get(n)), userAgent: h.get("user-agent") };
}
