// The links between the agency administrators' pages (officers, services) and back to the officer workspace.
import Link from "next/link";
import { agencyAdminText as t } from "@/lib/i18n/vi/agency-admin";

const LINKS = [
  { href: "/can-bo/quan-tri-co-quan/can-bo", label: t.navOfficers },
  { href: "/can-bo/quan-tri-co-quan/dich-vu", label: t.navServices },
  { href: "/can-bo/quan-tri-co-quan/ket-noi", label: t.navIntegration },
  { href: "/can-bo/quan-tri-co-quan/danh-muc-uu-tien", label: t.navPriority },
] as const;

/** `current`: the page shown, when it is one of the links (an edit page below them is not). */
export function AdminNav({ current }: { current?: "can-bo" | "dich-vu" | "ket-noi" | "danh-muc-uu-tien" }) {
  return (
    <nav aria-label={t.nav} className="flex flex-wrap items-center gap-2">
      <Link href="/can-bo" className="mr-2">
        {t.backToWorkspace}
      </Link>
      <ul className="flex flex-wrap gap-2">
        {LINKS.map((l) => {
          const here = current !== undefined && l.href.endsWith(`/${current}`);
          return (
            <li key={l.href}>
              <Link href={l.href} aria-current={here ? "page" : undefined} className={`btn px-3 py-1 ${here ? "btn-primary" : "btn-secondary"}`}>
                {l.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
