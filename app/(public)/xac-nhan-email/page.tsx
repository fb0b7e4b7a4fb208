import type { Metadata } from "next";
import Link from "next/link";
import { VerifyEmailForm } from "@/components/accounts/VerifyEmailForm";
import { tokenIsLive } from "@/lib/accounts/tokens";
import { accountText } from "@/lib/i18n/vi/accounts";
import { verifyEmailAction } from "./actions";

const t = accountText.verify;

export const metadata: Metadata = { title: t.title, referrer: "no-referrer" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The verification link's page: a button confirms (a mail scanner opening the link changes nothing). */
export default async function VerifyEmailPage({ searchParams }: Props) {
  const sp = await searchParams;
  const token = typeof sp.ma === "string" ? sp.ma : "";
  const done = sp.xong === "1";
  const live = !done && (await tokenIsLive(token, "VERIFY_EMAIL"));
  return (
    <div className="mx-auto max-w-xl space-y-4">
      <h1 className="text-2xl font-bold">{t.title}</h1>
      {done ? (
        <>
          <p role="status" className="rounded border border-green-700 bg-green-50 p-3 text-green-900">
            {t.done}
          </p>
          <p>
            <Link href="/dang-nhap">{t.signIn}</Link>
          </p>
        </>
      ) : live ? (
        <>
          <p className="text-slate-700">{t.lead}</p>
          <div className="card">
            <VerifyEmailForm action={verifyEmailAction} token={token} />
          </div>
        </>
      ) : (
        <>
          <p className="rounded border border-red-700 bg-red-50 p-3 text-red-900">{t.invalid}</p>
          <p className="flex gap-4">
            <Link href="/dang-ky">{t.register}</Link>
            <Link href="/quen-mat-khau">{accountText.signIn.forgot}</Link>
          </p>
        </>
      )}
    </div>
  );
}
