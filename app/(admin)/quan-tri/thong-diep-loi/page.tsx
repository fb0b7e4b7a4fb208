// Quản trị → Thông điệp chuyển không thành công: every message the portal gave up delivering (document
// pushes to agencies' systems, e-mails), with a resend once the receiving side works again.
import type { Metadata } from "next";
import Link from "next/link";
import { DeadLetterTable } from "@/components/integration/DeadLetterTable";
import { requirePermission } from "@/lib/auth/current-user";
import { listDeadLetters } from "@/lib/documents/integration-admin";
import { integrationText } from "@/lib/i18n/vi/integration";

const t = integrationText.dead;

export const metadata: Metadata = { title: t.adminTitle };

export default async function DeadLettersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const admin = await requirePermission("admin.read", "/quan-tri/thong-diep-loi");
  const [sp, rows] = await Promise.all([searchParams, listDeadLetters(admin)]);
  return (
    <div className="space-y-4">
      <p>
        <Link href="/quan-tri">Quản trị</Link>
      </p>
      <h1 className="text-2xl font-bold">{t.adminTitle}</h1>
      <p className="text-slate-700">{t.lead}</p>
      {sp["da-gui-lai"] && (
        <p role="status" className="rounded border border-green-700 bg-green-50 p-3 text-green-900">
          {t.resent}
        </p>
      )}
      <DeadLetterTable rows={rows} from="admin" />
    </div>
  );
}
