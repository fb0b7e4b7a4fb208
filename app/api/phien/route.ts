// The signed-in user as the site header shows it: name, the menu entries their permissions open (none of
// the staff ones while the session still owes its second factor: can() refuses them) and the unread
// notifications count (one indexed count).
// The header asks for it from the browser, so the pages around it can be cached for everyone.
import { NextResponse } from "next/server";
import { getCurrentUser } from "@/lib/auth/current-user";
import type { HeaderSession } from "@/lib/auth/header-session";
import { can } from "@/lib/auth/permissions";
import { userActor } from "@/lib/auth/actor";
import { unreadNoticeCount } from "@/lib/notify/inbox";

export const dynamic = "force-dynamic";

export async function GET() {
  const user = await getCurrentUser();
  const body: HeaderSession = {
    user: user
      ? {
          fullName: user.fullName,
          myDossiers: can(user, "dossier.readOwn"),
          workspace: can(user, "workspace.read"),
          documents: can(user, "document.send"),
          admin: can(user, "admin.read"),
          secondFactor: can(user, "account.secondFactor"),
          unread: await unreadNoticeCount(userActor(user)),
        }
      : null,
  };
  return NextResponse.json(body, { headers: { "Cache-Control": "private, no-store" } });
}
