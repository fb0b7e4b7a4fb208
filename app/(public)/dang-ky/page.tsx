import type { Metadata } from "next";
import Link from "next/link";
import { RegisterForm } from "@/components/accounts/RegisterForm";
import { accountText } from "@/lib/i18n/vi/accounts";
import { registerAction } from "./actions";

export const metadata: Metadata = { title: accountText.title };

export default function RegisterPage() {
  return (
    <div className="mx-auto max-w-xl space-y-4">
      <h1 className="text-2xl font-bold">{accountText.title}</h1>
      <p className="text-slate-700">{accountText.lead}</p>
      <div className="card">
        <RegisterForm action={registerAction} />
      </div>
      <p>
        {accountText.haveAccount} <Link href="/dang-nhap">Đăng nhập</Link>
      </p>
    </div>
  );
}
