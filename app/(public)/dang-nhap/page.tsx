import type { Metadata } from "next";
import Link from "next/link";
import { SignInForm } from "@/components/auth/SignInForm";
import { accountText } from "@/lib/i18n/vi/accounts";
import { authText } from "@/lib/i18n/vi/auth";
import { safeNextPath } from "@/lib/auth/safe-next";

export const metadata: Metadata = { title: authText.signInTitle };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SignInPage({ searchParams }: Props) {
  const sp = await searchParams;
  const next = safeNextPath(typeof sp.next === "string" ? sp.next : null) ?? "/tai-khoan";
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-2xl font-bold">{authText.signInTitle}</h1>
      <p className="text-slate-700">{authText.signInLead}</p>
      {sp["het-phien"] && (
        <p role="status" className="rounded border border-amber-700 bg-amber-50 p-3 text-amber-950">
          {authText.sessionExpired}
        </p>
      )}
      <div className="card">
        <SignInForm next={next} />
        <p className="mt-4">
          <Link href="/quen-mat-khau">{accountText.signIn.forgot}</Link>
        </p>
      </div>
      <p>
        {authText.noAccount} <Link href="/dang-ky">{authText.register}</Link>
      </p>
    </div>
  );
}
