"use server";

import { redirect } from "next/navigation";
import { signOutEverywhere } from "@/lib/accounts/sign-out-everywhere";
import { viaSession } from "@/lib/auth/session-actor";

/** "Sign out everywhere": ends every session of the user, then back to sign-in. */
export async function signOutEverywhereAction(): Promise<void> {
  const r = await viaSession(signOutEverywhere, {});
  redirect(r.ok ? "/dang-nhap?phien=ket-thuc" : "/dang-nhap");
}
