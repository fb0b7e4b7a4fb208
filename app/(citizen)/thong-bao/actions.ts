"use server";

import { redirect } from "next/navigation";
import { sessionActor } from "@/lib/auth/session-actor";
import { markAllNoticesRead } from "@/lib/notify/inbox";

/** "Mark all as read": then back to the list, saying how many were unread. */
export async function markAllReadAction(): Promise<void> {
  const n = await markAllNoticesRead(await sessionActor());
  redirect(n === null ? "/dang-nhap?next=%2Fthong-bao" : `/thong-bao?da-doc=${n}`);
}
