import type { Metadata } from "next";
import Link from "next/link";
import { SignOutEverywhere } from "@/components/account/SignOutEverywhere";
import { Verified } from "@/components/auth/Verified";
import { eidText } from "@/lib/i18n/vi/eid";
import { DataTable } from "@/components/ui/DataTable";
import { signOutEverywhereAction } from "./actions";
import { getOwnProfile, maskCccd } from "@/lib/accounts/profile";
import { requirePermission } from "@/lib/auth/current-user";
import { listOwnDossiers } from "@/lib/dossiers/citizen";
import { statusName } from "@/lib/dossiers/status";
import { listDrafts } from "@/lib/filing/drafts";
import { formatDate, formatDateTime } from "@/lib/format";
import { accountText } from "@/lib/i18n/vi/accounts";
import { commonText } from "@/lib/i18n/vi/common";
import { papersText } from "@/lib/i18n/vi/papers";
import { listNotifications } from "@/lib/notify/notify";
import { orgText } from "@/lib/i18n/vi/organisations";
import { principalLabel } from "@/lib/organisations/labels";

export const metadata: Metadata = { title: commonText.myDossiers };

export default async function MyDossiersPage() {
  const user = await requirePermission("dossier.readOwn", "/ho-so-cua-toi");
  const [profile, dossiers, drafts, notices] = await Promise.all([
    getOwnProfile(user.id),
    listOwnDossiers(user),
    listDrafts(user.id),
    listNotifications(user.id, 30),
  ]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{commonText.myDossiers}</h1>
      <p>
        <Link href="/ho-so-cua-toi/kho-giay-to">{papersText.title}</Link> — {papersText.linkNote}
      </p>
      <section className="card space-y-2" aria-labelledby="ho-so">
        <h2 id="ho-so" className="text-lg font-semibold">
          Hồ sơ đã nộp
        </h2>
        {dossiers.length === 0 ? (
          <p>
            Bạn chưa nộp hồ sơ nào. <Link href="/thu-tuc">Tìm thủ tục để nộp hồ sơ trực tuyến</Link>.
          </p>
        ) : (
          <DataTable caption="Hồ sơ đã nộp" columns={["Mã hồ sơ", "Thủ tục", "Trạng thái", "Ngày hẹn trả"]}>
            {dossiers.map((d) => (
              <tr key={d.code} className="border-b">
                <td className="p-2">
                  <Link href={`/ho-so-cua-toi/${d.code}`}>{d.code}</Link>
                </td>
                <td className="p-2">
                  {d.service.name}
                  <br />
                  <span className="text-slate-700">{d.holderAgency.name}</span>
                  {principalLabel(user.id, d) && (
                    <>
                      <br />
                      <span className="text-sm font-medium" data-testid="chu-the">
                        {principalLabel(user.id, d)}
                      </span>
                    </>
                  )}
                </td>
                <td className="p-2">{statusName(d.status)}</td>
                <td className="p-2">{d.dueAt ? formatDate(d.dueAt) : "—"}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
      {drafts.length > 0 && (
        <section className="card space-y-2" aria-labelledby="nhap">
          <h2 id="nhap" className="text-lg font-semibold">
            Hồ sơ đang soạn (bản nháp)
          </h2>
          <ul className="space-y-1">
            {drafts.map((d) => (
              <li key={d.id}>
                <Link href={`/nop-ho-so/${d.service.code}`}>{d.service.name}</Link>
                <span className="text-sm text-slate-700">
                  {" "}
                  — {d.service.agency.name}, lưu lúc {formatDateTime(d.updatedAt)}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section className="card space-y-2" aria-labelledby="thong-bao">
        <h2 id="thong-bao" className="text-lg font-semibold">
          Thông báo
        </h2>
        {notices.length === 0 ? (
          <p>Chưa có thông báo.</p>
        ) : (
          <ul className="space-y-2" data-testid="thong-bao">
            {notices.map((n) => (
              <li key={String(n.id)}>
                <p className="font-medium">{n.link ? <Link href={n.link}>{n.title}</Link> : n.title}</p>
                <p className="text-sm">{n.body}</p>
                <p className="text-xs text-slate-700">{formatDateTime(n.createdAt)}</p>
              </li>
            ))}
          </ul>
        )}
      </section>
      {profile && (
        <section className="card" aria-labelledby="thong-tin">
          <h2 id="thong-tin" className="mb-2 text-lg font-semibold">
            Thông tin tài khoản
          </h2>
          {profile.identityVerifiedAt && <p className="mb-2 text-slate-700">{eidText.verifiedNote}</p>}
          <dl className="grid gap-2 sm:grid-cols-[14rem_1fr]">
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
