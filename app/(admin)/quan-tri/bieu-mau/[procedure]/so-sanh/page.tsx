// VPCP → Biểu mẫu → one procedure → two versions side by side.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { FormCompare } from "@/components/forms/FormCompare";
import { requirePermission } from "@/lib/auth/current-user";
import { formVersionPair } from "@/lib/forms/versions";
import { decodeSegment } from "@/lib/http/segment";
import { formsText as t } from "@/lib/i18n/vi/forms";

export const metadata: Metadata = { title: t.compareTitle };

const id = (v: string | string[] | undefined) => (typeof v === "string" && /^\d{1,9}$/.test(v) ? Number(v) : null);

export default async function CompareNationalPage({
  params,
  searchParams,
}: {
  params: Promise<{ procedure: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const procedure = decodeSegment((await params).procedure) ?? notFound();
  const user = await requirePermission("form.editNational", `/quan-tri/bieu-mau/${encodeURIComponent(procedure)}`);
  const sp = await searchParams;
  const a = id(sp.a);
  const b = id(sp.b);
  if (a == null || b == null) notFound();
  const pair = await formVersionPair(user, { procedure }, a, b).catch(() => null);
  if (!pair) notFound();
  return (
    <div className="space-y-4">
      <p className="text-sm">
        <Link href={`/quan-tri/bieu-mau/${encodeURIComponent(procedure)}`}>{t.backToList}</Link>
      </p>
      <h1 className="text-2xl font-bold">{t.compareTitle}</h1>
      <p>
        {pair.scope.procedureCode} {pair.scope.procedureName}
      </p>
      <FormCompare
        left={{ version: pair.left.version, form: pair.left.definition! }}
        right={{ version: pair.right.version, form: pair.right.definition! }}
      />
    </div>
  );
}
