"use client";

// "Báo lỗi trang này": a link to the feedback form carrying the page it was followed from
// (/phan-anh-kien-nghi/gui?trang=/thu-tuc/…), which the form shows and files with the item. A client component
// only to read the current path: it sits in the root layout's footer, which client-side navigation keeps.
// The page is recorded without the language prefix (an English page names the same page).
import Link from "next/link";
import { usePathname } from "next/navigation";
import { stripEnPrefix } from "@/lib/i18n/locale";

export function ReportProblemLink({ label, formHref }: { label: string; formHref: string }) {
  const shown = usePathname() || "/";
  const path = stripEnPrefix(shown) ?? shown;
  const href = path.startsWith("/phan-anh-kien-nghi/gui") ? formHref : `${formHref}?trang=${encodeURIComponent(path)}`;
  return (
    <Link href={href} prefetch={false} data-testid="bao-loi">
      {label}
    </Link>
  );
}
