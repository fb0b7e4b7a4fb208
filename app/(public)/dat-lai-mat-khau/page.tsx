import type { Metadata } from "next";
import Link from "next/link";
import { ResetPasswordForm } from "@/components/accounts/ResetPasswordForm";
import { tokenIsLive } from "@/lib/accounts/tokens";
import { accountText } from "@/lib/i18n/vi/accounts";
import { resetPasswordAction } from "./actions";

const t = accountText.reset;

export const metadata: Metadata = { title: t.title, referrer: "no-referrer" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The reset link's page: the form to choose a new password, while the link is live. */
export default async function ResetPasswordPage({ searchParams }: Props) {
  const sp = await searchParams;
  const token = typeof sp.ma === "string" ? sp.ma : "";
  const done = sp.xong === "1";
  const live = !done && (await tokenIsLive(token, "RESET_PASSWORD"));
  return (
    <div className="mx-auto max-w-md space-y-4">
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
            <ResetPasswordForm action={resetPasswordAction} token={token} />
          </div>
        </>
      ) : (
        <>
          <p className="rounded border border-red-700 bg-red-50 p-3 text-red-900">{t.invalid}</p>
          <p>
            <Link href="/quen-mat-khau">{t.again}</Link>
          </p>
        </>
      )}
    </div>
  );
}
