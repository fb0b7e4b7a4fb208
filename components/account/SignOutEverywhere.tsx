import { redirect } from "next/navigation";
import { signOutEverywhere } from "@/lib/accounts/sign-out-everywhere";
import { authText } from "@/lib/i18n/vi/auth";
import { viaSession } from "@/lib/auth/session-actor";

/** A plain form posting to a server action: works without JavaScript. */
export function SignOutEverywhere() {
  async function action() {
    "use server";
    const r = await viaSession(signOutEverywhere, {});
    redirect(r.ok ? "/dang-nhap?phien=ket-thuc" : "/dang-nhap");
  }
  return (
    <form action={action}>
      <button type="submit" className="btn btn-secondary">
        {authText.signOutEverywhere}
      </button>
    </form>
  );
}
