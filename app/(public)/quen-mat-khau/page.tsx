import type { Metadata } from "next";
import Link from "next/link";
import { ForgotPasswordForm } from "@/components/accounts/ForgotPasswordForm";
import { DemoMailboxPointer } from "@/components/accounts/DemoMailboxPointer";
import { demoMailboxEnabled } from "@/lib/accounts/demo-mailbox";
import { accountText } from "@/lib/i18n/vi/accounts";
import { authText } from "@/lib/i18n/vi/auth";
import { forgotPasswordAction } from "./actions";

const t = accountText.forgot;

export const metadata: Metadata = { title: t.title };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ForgotPasswordPage({ searchParams }: Props) {
  const sent = (await searchParams)["da-gui"] === "1";
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-2xl font-bold">{t.title}</h1>
      {sent ? (
        <>
          <p role="status" className="rounded border border-green-700 bg-green-50 p-3 text-green-900">
            {t.sent}
          </p>
          {demoMailboxEnabled() && <DemoMailboxPointer />}
        </>
      ) : (
        <>
          <p className="text-slate-700">{t.lead}</p>
          <div className="card">
            <ForgotPasswordForm action={forgotPasswordAction} />
          </div>
        </>
      )}
      <p className="text-slate-700">{t.counter}</p>
      <p>
        <Link href="/dang-nhap">{authText.signInTitle}</Link>
      </p>
    </div>
  );
}
