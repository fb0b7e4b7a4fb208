"use server";

import { headers } from "next/headers";
import { claimEidCccd, EidLinkError } from "@/lib/auth/eid";
import { clientIpFrom } from "@/lib/auth/request-meta";

export type ClaimState = { done?: boolean; error?: string };

/** "I do not have this account": the link request's token claims the number for a new e-ID account. */
export async function claimCccdAction(_prev: ClaimState, formData: FormData): Promise<ClaimState> {
  const h = await headers();
  try {
    await claimEidCccd(formData.get("token"), { ip: clientIpFrom((n) => h.get(n)), userAgent: h.get("user-agent") });
    return { done: true };
  } catch (err) {
    if (err instanceof EidLinkError) return { error: err.message };
    throw err;
  }
}
