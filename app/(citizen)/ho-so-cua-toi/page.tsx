import type { Metadata } from "next";
import Link from "next/link";
import { SignOutEverywhere } from "@/components/account/SignOutEverywhere";
import { Verified } from "@/components/auth/Verified";
import { eidText } from "@/lib/i18n/vi/eid";
import { DossierCard } from "@/components/dossiers/DossierCard";
import { NoticeList } from "@/components/notify/NoticeList";
import { signOutEverywhereAction } from "./actions";
import { getOwnProfile, maskCccd } from "@/lib/accounts/profile";
import { requirePermission } from "@/lib/auth/current-user";
import { countOwnDossiers, listOwnDossiers } from "@/lib/dossiers/citizen";
import { nextStep } from "@/lib/dossiers/next-step";
import { listDrafts } from "@/lib/filing/drafts";
import { formatDate, formatDateTime } from "@/lib/format";
import { accountText } from "@/lib/i18n/vi/accounts";
import { commonText } from "@/lib/i18n/vi/common";
import { myDossiersText as t, noticesText as nt } from "@/lib/i18n/vi/my-dossiers";
import { papersText } from "@/lib/i18n/vi/papers";
import { listNotifications } from "@/lib/notify/notify";
import { orgText } from "@/lib/i18n/vi/organisations";
import { principalLabel } from "@/lib/organisations/labels";
import { dossierSyncText } from "@/lib/i18n/vi/dossier-sync";

export const metadata: Metadata = { title: commonText.myDossiers };

/** Dossiers per page: the list pages by a keyset cursor (`?sau=<code of the last one shown>`). */
const PER_PAGE = 20;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function MyDossiersPage({ searchParams }: Props) {
  const user = await requirePermission("dossier.readOwn", "/ho-so-cua-toi");
  const after = first((await searchParams).sau)?.slice(0, 60);
  const [profile, rows, total, drafts, notices] = await Promise.all([
    getOwnProfile(user.id),
    listOwnDossiers(user, PER_PAGE + 1, after),
    countOwnDossiers(user),
    listDrafts(user.id),
    listNotifications(user.id, 5),
  ]);
  const dossiers = rows.slice(0, PER_PAGE);
  const next = rows.length > PER_PAGE ? dossiers[dossiers.length - 1]!.code : null;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{commonText.myDossiers}</h1>
      <p>
        <Link href="/ho-so-cua-toi/kho-giay-to">{papersText.title}</Link> — {papersText.linkNote}
      </p>
      <section className="space-y-3" aria-labelledby="ho-so">
        <h2 id="ho-so" className="text-lg font-semibold">
          {t.filedTitle}
        </h2>
        {total === 0 ? (
          <p className="card">
            {t.none} <Link href="/thu-tuc">{t.findProcedure}</Link>.
          </p>
        ) : (
          <>
            <p data-testid="tong-ho-so">
              {t.count(total)}
              {(after || next) && <> {t.showing(dossiers.length)}</>}
            </p>
            <ul aria-labelledby="ho-so" className="space-y-3" data-testid="danh-sach-ho-so">
              {dossiers.map((d) => (
                <DossierCard
                  key={d.code}
                  d={d}
                  principal={
                    // Issue 17: received at the agency's counter, followed here by the citizen's verified number.
                    d.origin === "AGENCY_SYSTEM"
                      ? dossierSyncText.citizen.receivedAtAgency(d.holderAgency.name)
                      : principalLabel(user.id, d)
                  }
                  step={nextStep(
                    { ...d, resultCount: d._count.attachments },
                    // Filed on the citizen's behalf by someone else: they follow it, the filer acts.
                    d.applicantId !== user.id && d.organisation === null,
                  )}
                />
              ))}
            </ul>
            {(next || after) && (
              <nav aria-label={t.pages} className="flex flex-wrap gap-x-6 gap-y-2">
                {next && (
                  <Link className="inline-block py-1" href={`/ho-so-cua-toi?sau=${encodeURIComponent(next)}`}>
                    {t.more}
                  </Link>
                )}
                {after && (
                  <Link className="inline-block py-1" href="/ho-so-cua-toi">
                    {t.fromStart}
                  </Link>
                )}
              </nav>
            )}
          </>
        )}
      </section>
      {drafts.length > 0 && (
        <section className="card space-y-2" aria-labelledby="nhap">
          <h2 id="nhap" className="text-lg font-semibold">
            {t.draftsTitle}
          </h2>
          <ul className="space-y-2 wrap-anywhere">
            {drafts.map((d) => (
              <li key={d.id}>
                <Link className="inline-block py-0.5" href={`/nop-ho-so/${d.service.code}`}>
                  {d.service.name}
                </Link>
                <span className="block text-sm text-slate-700">{t.savedAt(d.service.agency.name, formatDateTime(d.updatedAt))}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section className="card space-y-2" aria-labelledby="thong-bao">
        <h2 id="thong-bao" className="text-lg font-semibold">
          {nt.latest}
        </h2>
        {notices.length === 0 ? (
          <p>{nt.none}</p>
        ) : (
          <NoticeList
            label={nt.latest}
            testId="thong-bao-moi"
            notices={notices.map((n) => ({
              id: String(n.id),
              title: n.title,
              body: n.body,
              read: n.readAt !== null,
              createdAt: n.createdAt,
            }))}
          />
        )}
        <p>
          <Link className="inline-block py-1" href="/thong-bao">
            {nt.all}
          </Link>
        </p>
      </section>
      {profile && (
        <section className="card" aria-labelledby="thong-tin">
          <h2 id="thong-tin" className="mb-2 text-lg font-semibold">
            {t.profileTitle}
          </h2>
          {profile.identityVerifiedAt && <p className="mb-2 text-slate-700">{eidText.verifiedNote}</p>}
          <dl className="grid gap-2 wrap-anywhere sm:grid-cols-[14rem_1fr]">
            <dt className="font-semibold">{accountText.fullName}</dt>
            <dd>
              {profile.fullName} <Verified on={profile.identityVerifiedAt} />
            </dd>
            <dt className="font-semibold">{accountText.cccd}</dt>
            <dd>
              {maskCccd(profile.cccd)} <Verified on={profile.identityVerifiedAt} />
            </dd>
            <dt className="font-semibold">{accountText.dateOfBirth}</dt>
            <dd>
              {profile.dateOfBirth ? formatDate(profile.dateOfBirth.toISOString().slice(0, 10)) : ""}{" "}
              <Verified on={profile.identityVerifiedAt} />
            </dd>
            {profile.address && (
              <>
                <dt className="font-semibold">{eidText.address}</dt>
                <dd>
                  {profile.address} <Verified on={profile.identityVerifiedAt} />
                </dd>
              </>
            )}
            <dt className="font-semibold">{accountText.phone}</dt>
            <dd>
              {profile.phone} <Verified on={profile.identityVerifiedAt} />
            </dd>
            <dt className="font-semibold">{accountText.email}</dt>
            <dd>{profile.email}</dd>
          </dl>
          <p className="mt-4">
            <Link href="/tai-khoan/to-chuc">{orgText.accountLink}</Link>
          </p>
          <div className="mt-4">
            <SignOutEverywhere action={signOutEverywhereAction} />
          </div>
        </section>
      )}
    </div>
  );
}
