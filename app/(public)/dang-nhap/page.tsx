import type { Metadata } from "next";
import Link from "next/link";
import { EidSignInButton } from "@/components/auth/EidSignInButton";
import { SignInForm } from "@/components/auth/SignInForm";
import { eidConfigured } from "@/lib/auth/eid";
import { eidText } from "@/lib/i18n/vi/eid";
import { accountText } from "@/lib/i18n/vi/accounts";
import { authText } from "@/lib/i18n/vi/auth";
import { safeNextPath } from "@/lib/auth/safe-next";

export const metadata: Metadata = { title: authText.signInTitle };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SignInPage({ searchParams }: Props) {
  const sp = await searchParams;
  const next = safeNextPath(typeof sp.next === "string" ? sp.next : null) ?? "/tai-khoan";
  // An e-ID sign-in refused by the portal's rules (`loi-eid`), or whose answer failed verification (`error`).
  const eidCode = typeof sp["loi-eid"] === "string" ? sp["loi-eid"] : null;
  const eidError = eidCode
    ? Object.hasOwn(eidText.refused, eidCode)
      ? eidText.refused[eidCode as keyof typeof eidText.refused]
      : eidText.refused.failed
    : typeof sp.error === "string"
      ? eidText.refused.failed
      : null;
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-2xl font-bold">{authText.signInTitle}</h1>
      <p className="text-slate-700">{authText.signInLead}</p>
      {sp["het-phien"] && (
        <p role="status" className="rounded border border-amber-700 bg-amber-50 p-3 text-amber-950">
          {authText.sessionExpired}
        </p>
      )}
      {eidError && (
        <p role="alert" id="loi-dinh-danh" className="rounded-md border-2 border-red-700 bg-red-50 p-3 text-red-900">
          {eidError}
        </p>
      )}
      {eidConfigured() && (
        <section className="card space-y-3" aria-labelledby="dinh-danh">
          <h2 id="dinh-danh" className="text-lg font-semibold">
            {eidText.heading}
          </h2>
          <p className="text-slate-700">{eidText.lead}</p>
          <EidSignInButton next={next} />
          <p className="text-center text-slate-700">— {eidText.or} —</p>
        </section>
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
