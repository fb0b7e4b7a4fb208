// Quản trị cơ quan → one service's form → two versions side by side.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { FormCompare } from "@/components/forms/FormCompare";
import { requirePermission } from "@/lib/auth/current-user";
import { formVersionPair, ownServiceProcedure } from "@/lib/forms/versions";
import { decodeSegment } from "@/lib/http/segment";
import { formsText as t } from "@/lib/i18n/vi/forms";

export const metadata: Metadata = { title: t.compareTitle };

const id = (v: string | string[] | undefined) => (typeof v === "string" && /^\d{1,9}$/.test(v) ? Number(v) : null);

export default async function CompareAgencyFormPage({
  params,
  searchParams,
}: {
  params: Promise<{ code: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const code = decodeSegment((await params).code) ?? notFound();
  const back = `/can-bo/quan-tri-co-quan/dich-vu/${encodeURIComponent(code)}/bieu-mau`;
  const user = await requirePermission("form.edit", back);
  const procedure = (await ownServiceProcedure(user, code)) ?? notFound();
  const sp = await searchParams;
  const a = id(sp.a);
  const b = id(sp.b);
  if (a == null || b == null) notFound();
  const pair = await formVersionPair(user, { procedure, service: code }, a, b).catch(() => null);
  if (!pair) notFound();
  return (
    <div className="space-y-4">
      <p className="text-sm">
        <Link href={back}>{t.backToService}</Link>
      </p>
      <h1 className="text-2xl font-bold">{t.compareTitle}</h1>
      <p>{pair.scope.procedureName}</p>
      <FormCompare
        left={{ version: pair.left.version, form: pair.left.definition! }}
        right={{ version: pair.right.version, form: pair.right.definition! }}
      />
    </div>
  );
}
