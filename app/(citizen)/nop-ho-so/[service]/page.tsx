import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { randomUUID } from "node:crypto";
import { FilingForm } from "@/components/filing/FilingForm";
import { adminUnitChildren } from "@/lib/agencies/admin-units";
import { requirePermission } from "@/lib/auth/current-user";
import { getDraft } from "@/lib/filing/drafts";
import { prefillAnswers, verifiedAnswers } from "@/lib/filing/prefill";
import { getFilingService } from "@/lib/filing/service-form";
import { localDate } from "@/lib/calendar/time";
import { listsUsed } from "@/lib/forms/codelists";
import { loadCodeLists } from "@/lib/forms/codelist-store";
import { unitCodes } from "@/lib/forms/display";
import { unitNames } from "@/lib/forms/labels-store";
import { localeHref } from "@/lib/i18n/href";
import { formInLocale, fullyTranslated } from "@/lib/forms/localize";
import { LevelBadge } from "@/components/catalog/LevelBadge";
import { MAX_FILE_BYTES } from "@/lib/files/sniff";
import { moveDraftAction, saveDraftAction, submitAction } from "./actions";
import { ButtonForm } from "@/components/forms/ButtonForm";
import { FormDiffList } from "@/components/forms/FormDiffList";
import { compatibleAnswers, diffDefinitions } from "@/lib/forms/compare";
import { FormDefinition } from "@/lib/forms/definition";
import { formsText } from "@/lib/i18n/vi/forms";
import { decodeSegment } from "@/lib/http/segment";
// Issue 15: for whom the dossier is filed.
import { orgText } from "@/lib/i18n/vi/organisations";
import { listMyOrganisations } from "@/lib/organisations/organisations";
import { allowedPrincipals, defaultPrincipal, readDraftPrincipal } from "@/lib/organisations/principal";
import { formatTaxCode } from "@/lib/organisations/tax-code";

type Props = { params: Promise<{ service: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("filing"))("metaTitle") };
}

export default async function FilePage({ params }: Props) {
  const code = decodeSegment((await params).service) ?? notFound();
  const [locale, t, messages] = await Promise.all([getLocale(), getTranslations("filing"), getMessages()]);
  const here = localeHref(locale, `/nop-ho-so/${code}`);
  const user = await requirePermission("dossier.file", here);
  const service = await getFilingService(code);
  if (!service) notFound();
  // Below the procedure's e-ID level: step up, then back to this form (the saved draft is kept).
  if (service.assuranceLevel > user.assuranceLevel) redirect(localeHref(locale, `/dang-nhap/nang-cap?next=${encodeURIComponent(here)}`));
  const [draft, provinces] = await Promise.all([getDraft(user.id, service.id), adminUnitChildren(null)]);
  // A draft started on a form version no longer in effect: the new version is offered with the differences,
  // and the answers that still fit are kept (the draft moves to it on the next save or on "continue").
  const oldForm =
    draft?.formVersion && draft.formVersion.id !== service.formVersionId
      ? FormDefinition.safeParse(draft.formVersion.definition).data
      : undefined;
  const moved = oldForm ? compatibleAnswers(draft!.answers as Record<string, unknown>, oldForm, service.form) : undefined;
  // What the national e-ID vouches for is shown as it vouches, read-only, over any draft.
  const vouched = await verifiedAnswers(user.id, service.form);
  const initialAnswers = {
    ...(draft ? (moved?.answers ?? (draft.answers as Record<string, unknown>)) : await prefillAnswers(user.id, service.form)),
    ...vouched,
  };
  const files = Object.fromEntries(
    (draft?.attachments ?? []).filter((a) => a.fieldId).map((a) => [a.fieldId!, { id: a.id, fileName: a.fileName, size: a.size }]),
  );
  // A resumed draft's review reads in words at once: the names of the units its addresses hold, and the lists.
  const [lists, names] = await Promise.all([loadCodeLists(listsUsed(service.form)), unitNames(unitCodes(service.form, initialAnswers))]);
  const feeNote = service.onlineLevel === 4 ? t("payOnline") : t("payAtCounter");
  // English: the declaration's labels in the portal's own translation where the form has one; the official
  // Vietnamese otherwise (marked lang="vi").
  const form = formInLocale(service.form, locale);
  const formLang = locale === "en" && !fullyTranslated(service.form) ? "vi" : undefined;
  // ---- Issue 15: who may be filed for (the procedure's applicants) and the citizen's organisations ----
  const allowed = allowedPrincipals(service.applicants);
  const organisations = allowed.includes("organisation") ? await listMyOrganisations(user.id) : [];
  const needsOrganisation = !allowed.includes("self") && organisations.length === 0;
  const principal = {
    allowed,
    organisations: organisations.map((o) => ({ id: o.id, name: o.name, taxCode: formatTaxCode(o.taxCode) })),
    initial:
      readDraftPrincipal(draft?.principal) ??
      defaultPrincipal(
        service.applicants,
        organisations.map((o) => o.id),
      ),
  };
  // ---- end issue 15 ----
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <p className="text-sm">
        <Link href={localeHref(locale, `/thu-tuc/${service.code}`)}>{t("backToProcedure")}</Link>
      </p>
      <header className="space-y-1">
        <h1 className="text-2xl font-bold" lang="vi">
          {service.name}
        </h1>
        <p className="text-slate-700">
          <span lang="vi">{service.agency.name}</span> ·{" "}
          {locale === "en" ? (
            <span className="inline-block rounded border border-slate-500 px-2 py-0.5 text-xs font-semibold">
              {t("onlineLevel", { level: service.onlineLevel })}
            </span>
          ) : (
            <LevelBadge level={service.onlineLevel} />
          )}{" "}
          · {t("processing", { days: service.channel.processingDays })}
        </p>
        {locale === "en" && <p className="text-sm text-slate-700">{formLang ? t("vietnameseForm") : t("officialForm")}</p>}
        {draft && <p className="text-sm text-slate-700">{t("resumeDraft")}</p>}
        {Object.keys(vouched).length > 0 && (
          <p className="text-sm text-green-900" data-testid="da-xac-thuc">
            {t("prefilledVerified")}
          </p>
        )}
      </header>
      {oldForm && moved && (
        <section aria-labelledby="phien-ban-moi" className="card space-y-2 border-amber-600" data-testid="phien-ban-moi">
          <h2 id="phien-ban-moi" className="text-lg font-semibold">
            {formsText.upgrade.heading(draft!.formVersion!.version, service.formVersionNumber)}
          </h2>
          <p>{formsText.upgrade.lead}</p>
          <FormDiffList diff={diffDefinitions(oldForm, service.form)} />
          {moved.dropped.length > 0 && <p>{formsText.upgrade.dropped(moved.dropped.map((d) => `«${d.label}»`).join(", "))}</p>}
          <ButtonForm
            id="tiep-tuc-phien-ban-moi"
            action={moveDraftAction}
            hidden={{ serviceCode: service.code }}
            label={formsText.upgrade.accept}
            pendingLabel={formsText.saving}
            variant="primary"
          />
        </section>
      )}
      {needsOrganisation ? (
        <section className="card space-y-2" aria-labelledby="can-to-chuc" data-testid="can-to-chuc">
          <h2 id="can-to-chuc" className="text-lg font-semibold">
            {orgText.principal.legend}
          </h2>
          <p>{orgText.principal.needOrganisation}</p>
          <p>
            <Link href="/tai-khoan/to-chuc">{orgText.principal.createOrganisation}</Link>
          </p>
        </section>
      ) : (
        <NextIntlClientProvider messages={{ filing: messages.filing }}>
          <FilingForm
            principal={principal}
            serviceCode={service.code}
            form={form}
            initialAnswers={initialAnswers}
            lockedFields={Object.keys(vouched)}
            initialStep={draft?.step ?? 0}
            initialFiles={files}
            provinces={provinces}
            idempotencyKey={randomUUID()}
            initialUnitNames={[...names].map(([c, n]) => ({ code: c, name: n }))}
            lists={lists}
            today={localDate(new Date())}
            feeSchedule={service.channel.fees}
            feeNote={feeNote}
            maxFileBytes={MAX_FILE_BYTES}
            saveDraft={saveDraftAction}
            submit={submitAction}
          />
        </NextIntlClientProvider>
      )}
    </div>
  );
}
