"use client";

// "Báo lỗi trang này": a link to the feedback form carrying the page it was followed from
// (/phan-anh-kien-nghi/gui?trang=/thu-tuc/…), which the form shows and files with the item. A client component
// only to read the current path: it sits in the root layout's footer, which client-side navigation keeps.
import Link from "next/link";
import { usePathname } from "next/navigation";

export function ReportProblemLink({ label }: { label: string }) {
  const path = usePathname() || "/";
  const href = path.startsWith("/phan-anh-kien-nghi/gui")
    ? "/phan-anh-kien-nghi/gui"
    : `/phan-anh-kien-nghi/gui?trang=${encodeURIComponent(path)}`;
  return (
    <Link href={href} prefetch={false} data-testid="bao-loi">
      {label}
    </Link>
  );
}
