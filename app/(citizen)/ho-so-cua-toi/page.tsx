import type { Metadata } from "next";
import Link from "next/link";
import { SignOutEverywhere } from "@/components/account/SignOutEverywhere";
import { getOwnProfile, maskCccd } from "@/lib/accounts/profile";
import { requirePermission } from "@/lib/auth/current-user";
import { formatDate } from "@/lib/format";
import { accountText } from "@/lib/i18n/vi/accounts";
import { commonText } from "@/lib/i18n/vi/common";

export const metadata: Metadata = { title: commonText.myDossiers };

export default async function MyDossiersPage() {
  const user = await requirePermission("dossier.readOwn", "/ho-so-cua-toi");
  const profile = await getOwnProfile(user.id);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{commonText.myDossiers}</h1>
      <section className="card space-y-2" aria-labelledby="ho-so">
        <h2 id="ho-so" className="text-lg font-semibold">
          Hồ sơ đã nộp
        </h2>
        <p>
          Bạn chưa nộp hồ sơ nào. <Link href="/thu-tuc">Tìm thủ tục để nộp hồ sơ trực tuyến</Link>.
        </p>
      </section>
      {profile && (
        <section className="card" aria-labelledby="thong-tin">
          <h2 id="thong-tin" className="mb-2 text-lg font-semibold">
            Thông tin tài khoản
          </h2>
          <dl className="grid gap-2 sm:grid-cols-[14rem_1fr]">
            <dt className="font-semibold">{accountText.fullName}</dt>
            <dd>{profile.fullName}</dd>
            <dt className="font-semibold">{accountText.cccd}</dt>
            <dd>{maskCccd(profile.cccd)}</dd>
            <dt className="font-semibold">{accountText.dateOfBirth}</dt>
            <dd>{profile.dateOfBirth ? formatDate(profile.dateOfBirth.toISOString().slice(0, 10)) : ""}</dd>
            <dt className="font-semibold">{accountText.phone}</dt>
            <dd>{profile.phone}</dd>
            <dt className="font-semibold">{accountText.email}</dt>
            <dd>{profile.email}</dd>
          </dl>
          <div className="mt-4">
            <SignOutEverywhere />
          </div>
        </section>
      )}
    </div>
  );
}
