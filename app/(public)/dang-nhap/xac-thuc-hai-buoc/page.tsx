// The second step of a staff sign-in: the authenticator's code (or a recovery code), then on to `next`.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SecondFactorCodeForm, SecondFactorSignOut } from "@/components/auth/SecondFactorForms";
import { getCurrentUser } from "@/lib/auth/current-user";
import { safeNextPath } from "@/lib/auth/safe-next";
import { secondFactorPath } from "@/lib/auth/second-factor-policy";
import { secondFactorText } from "@/lib/i18n/vi/second-factor";
import { verifySecondFactorAction } from "./actions";

const t = secondFactorText.verify;

export const metadata: Metadata = { title: t.title };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SecondFactorVerifyPage({ searchParams }: Props) {
  const sp = await searchParams;
  const next = safeNextPath(typeof sp.next === "string" ? sp.next : null) ?? "/tai-khoan";
  const user = await getCurrentUser();
  if (!user) redirect(`/dang-nhap?next=${encodeURIComponent(next)}`);
  if (user.secondFactorDue === "enrol") redirect(secondFactorPath("enrol", next));
  if (!user.secondFactorDue) redirect(next);
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-2xl font-bold">{t.title}</h1>
      <p className="text-slate-700">{t.lead}</p>
      <div className="card">
        <SecondFactorCodeForm action={verifySecondFactorAction} next={next} />
      </div>
      <p className="text-slate-700">{t.lostDevice}</p>
      <SecondFactorSignOut />
    </div>
  );
}
