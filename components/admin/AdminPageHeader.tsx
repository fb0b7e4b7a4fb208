// The top of a VPCP administration page: the way back to the dashboard, the title, what the page is for,
// and the line saying what the last action did (when there is one).
import Link from "next/link";
import { programmeText } from "@/lib/i18n/vi/programme";

export function AdminPageHeader({ title, lead, status }: { title: string; lead?: string; status?: string }) {
  return (
    <>
      <header className="space-y-2">
        <p>
          <Link href="/quan-tri">{programmeText.backToAdmin}</Link>
        </p>
        <h1 className="text-2xl font-bold">{title}</h1>
        {lead && <p className="text-slate-700">{lead}</p>}
      </header>
      {status && (
        <p role="status" className="rounded border border-green-700 bg-green-50 p-3 text-green-900">
          {status}
        </p>
      )}
    </>
  );
}
