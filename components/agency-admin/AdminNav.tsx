// The links between the agency administrators' pages (officers, services) and back to the officer workspace.
import Link from "next/link";
import { can, type Permission, type Principal } from "@/lib/auth/permissions";
import { commonText } from "@/lib/i18n/vi/common";
import { agencyAdminText as t } from "@/lib/i18n/vi/agency-admin";

const LINKS: { href: string; label: string; permission: Permission }[] = [
  { href: "/can-bo/quan-tri-co-quan/can-bo", label: t.navOfficers, permission: "agency.manageOfficers" },
  { href: "/can-bo/quan-tri-co-quan/dich-vu", label: t.navServices, permission: "agency.manageServices" },
  { href: "/can-bo/quan-tri-co-quan/ket-noi", label: t.navIntegration, permission: "agency.integration" },
  { href: "/can-bo/quan-tri-co-quan/danh-muc-uu-tien", label: t.navPriority, permission: "programme.comment" },
];

/**
 * `current`: the page shown, when it is one of the links (an edit page below them is not). Only the pages
 * the user may open are offered: a VPCP administrator keeping VPCP's own API keys here sees that page and
 * the way back to the administration, not an agency's officer pages.
 */
export function AdminNav({ user, current }: { user: Principal; current?: "can-bo" | "dich-vu" | "ket-noi" | "danh-muc-uu-tien" }) {
  const home = can(user, "workspace.read") ? { href: "/can-bo", label: t.backToWorkspace } : { href: "/quan-tri", label: commonText.admin };
  return (
    <nav aria-label={t.nav} className="flex flex-wrap items-center gap-2">
      <Link href={home.href} className="mr-2">
        {home.label}
      </Link>
      <ul className="flex flex-wrap gap-2">
        {LINKS.filter((l) => can(user, l.permission)).map((l) => {
          const here = current !== undefined && l.href.endsWith(`/${current}`);
          return (
            <li key={l.href}>
              <Link
                href={l.href}
                aria-current={here ? "page" : undefined}
                className={`btn px-3 py-1 ${here ? "btn-primary" : "btn-secondary"}`}
              >
                {l.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
