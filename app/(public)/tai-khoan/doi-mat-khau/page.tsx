import type { Metadata } from "next";
import { ChangePasswordForm } from "@/components/accounts/ChangePasswordForm";
import { requirePermission } from "@/lib/auth/current-user";
import { accountText } from "@/lib/i18n/vi/accounts";
import { changePasswordAction } from "./actions";

const t = accountText.change;

export const metadata: Metadata = { title: t.title };

export default async function ChangePasswordPage() {
  await requirePermission("account.changePassword", "/tai-khoan/doi-mat-khau");
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-2xl font-bold">{t.title}</h1>
      <p className="text-slate-700">{t.lead}</p>
      <div className="card">
        <ChangePasswordForm action={changePasswordAction} />
      </div>
    </div>
  );
}
