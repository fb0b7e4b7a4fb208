// A staff member's second factor: enrol an authenticator (QR code and the key in text, confirmed by a first
// code, then ten recovery codes shown once), replace it, renew the recovery codes, or turn it off (not VPCP
// administrators, who must keep one). A VPCP administrator without one is sent here before anything else.
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { EnrolConfirmForm, RegenerateCodesForm } from "@/components/auth/SecondFactorForms";
import { ButtonForm } from "@/components/forms/ButtonForm";
import { requirePermission } from "@/lib/auth/current-user";
import { homeFor } from "@/lib/auth/permissions";
import { safeNextPath } from "@/lib/auth/safe-next";
import { secondFactorView } from "@/lib/auth/second-factor";
import { SECOND_FACTOR_MANAGE_PAGE, secondFactorPath } from "@/lib/auth/second-factor-policy";
import { formatDate } from "@/lib/format";
import { secondFactorText } from "@/lib/i18n/vi/second-factor";
import { confirmEnrolmentAction, disableAction, regenerateCodesAction, startEnrolmentAction } from "./actions";

const t = secondFactorText.manage;

export const metadata: Metadata = { title: t.title };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SecondFactorPage({ searchParams }: Props) {
  const sp = await searchParams;
  const given = safeNextPath(typeof sp.next === "string" ? sp.next : null);
  const here = given ? `${SECOND_FACTOR_MANAGE_PAGE}?next=${encodeURIComponent(given)}` : SECOND_FACTOR_MANAGE_PAGE;
  const user = await requirePermission("account.secondFactor", here);
  // Managing an enrolled factor needs its code first.
  if (user.secondFactorDue === "verify") redirect(secondFactorPath("verify", here));
  const next = given ?? homeFor(user.role);
  const view = await secondFactorView(user);
  const hidden: Record<string, string> = given ? { next: given } : {};
  const notice = sp["da-dung-ma-khoi-phuc"] ? t.usedRecovery : sp["da-tat"] && !view.enabledAt ? t.disabledDone : undefined;
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-bold">{t.title}</h1>
        <p className="text-slate-700">{t.lead}</p>
      </header>
      {user.secondFactorDue === "enrol" && (
        <p role="status" className="rounded border border-amber-700 bg-amber-50 p-3 text-amber-950">
          {t.required}
        </p>
      )}
      {notice && (
        <p role="status" className="rounded border border-green-700 bg-green-50 p-3 text-green-900">
          {notice}
        </p>
      )}

      <section aria-labelledby="trang-thai" className="card space-y-3">
        <h2 id="trang-thai" className="text-lg font-semibold">
          {view.enabledAt ? t.onState(formatDate(view.enabledAt)) : t.offState}
        </h2>
        {view.enabledAt && <p>{t.codesLeft(view.recoveryCodesLeft)}</p>}
        {!view.pending && (
          <ButtonForm
            id="bat-dau"
            action={startEnrolmentAction}
            hidden={hidden}
            label={view.enabledAt ? t.replace : t.start}
            pendingLabel={view.enabledAt ? t.replacing : t.starting}
            variant={view.enabledAt ? "secondary" : "primary"}
          />
        )}
        {view.enabledAt && !view.pending && <RegenerateCodesForm action={regenerateCodesAction} next={next} />}
        {view.enabledAt &&
          !view.pending &&
          (view.mayDisable ? (
            <ButtonForm id="tat" action={disableAction} hidden={hidden} label={t.disable} pendingLabel={t.disabling} />
          ) : (
            <p className="text-sm text-slate-700">{t.cannotDisable}</p>
          ))}
      </section>

      {view.pending && (
        <section aria-labelledby="thiet-lap" className="card space-y-4">
          <h2 id="thiet-lap" className="text-lg font-semibold">
            {secondFactorText.enrol.title}
          </h2>
          <p>{secondFactorText.enrol.step1}</p>
          <div
            role="img"
            aria-label={secondFactorText.enrol.qrLabel}
            className="h-[200px] w-[200px] bg-white"
            // qrcode's own SVG of the otpauth URI: no user input reaches it unescaped.
            dangerouslySetInnerHTML={{ __html: view.pending.qrSvg }}
          />
          <p>{secondFactorText.enrol.manual}</p>
          <p>
            <span className="font-medium">{secondFactorText.enrol.secretLabel}: </span>
            <code id="khoa-thiet-lap" className="font-mono text-lg break-all">
              {view.pending.secret}
            </code>
          </p>
          {view.enabledAt && <p className="text-sm text-slate-700">{secondFactorText.enrol.cancelHint}</p>}
          <EnrolConfirmForm action={confirmEnrolmentAction} next={next} />
        </section>
      )}

      {!user.secondFactorDue && (
        <p>
          <Link href={next}>{t.backHome}</Link>
        </p>
      )}
    </div>
  );
}
