// Quản trị → Thông điệp chuyển không thành công: every message the portal gave up delivering (document
// pushes to agencies' systems, e-mails), with a resend once the receiving side works again.
import type { Metadata } from "next";
import { AdminPageHeader } from "@/components/admin/AdminPageHeader";
import { DeadLetterTable } from "@/components/integration/DeadLetterTable";
import { requirePermission } from "@/lib/auth/current-user";
import { listDeadLetters } from "@/lib/documents/integration-admin";
import { integrationText } from "@/lib/i18n/vi/integration";
import { resendAction } from "@/app/(officer)/can-bo/quan-tri-co-quan/ket-noi/actions";

const t = integrationText.dead;

export const metadata: Metadata = { title: t.adminTitle };

export default async function DeadLettersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const admin = await requirePermission("admin.read", "/quan-tri/thong-diep-loi");
  const [sp, rows] = await Promise.all([searchParams, listDeadLetters(admin)]);
  return (
    <div className="space-y-4">
      <AdminPageHeader title={t.adminTitle} lead={t.lead} status={sp["da-gui-lai"] ? t.resent : undefined} />
      <DeadLetterTable rows={rows} from="admin" resend={resendAction} />
    </div>
  );
}
