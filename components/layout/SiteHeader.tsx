import Image from "next/image";
import Link from "next/link";
import { commonText } from "@/lib/i18n/vi/common";
import { HeaderUser } from "./HeaderUser";

/** The same for every visitor (so it never makes a page dynamic); the signed-in part is HeaderUser. */
export function SiteHeader() {
  return (
    <header className="bg-brand-800 text-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <Link href="/" className="flex items-center gap-2 text-lg font-bold text-white no-underline hover:no-underline">
          {/* Decorative: the link's text names the portal. The portal's own mark, not the national emblem. */}
          <Image src="/emblem.svg" alt="" width={36} height={36} unoptimized />
          {commonText.siteName}
        </Link>
        <nav aria-label="Điều hướng chính">
          <ul className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
            <li>
              <Link className="text-white no-underline hover:underline" href="/thu-tuc">
                {commonText.procedures}
              </Link>
            </li>
            <li>
              <Link className="text-white no-underline hover:underline" href="/co-quan">
                {commonText.agencies}
              </Link>
            </li>
            <li>
              <Link className="text-white no-underline hover:underline" href="/tra-cuu-ho-so">
                Tra cứu hồ sơ
              </Link>
            </li>
            <li>
              <Link className="text-white no-underline hover:underline" href="/phan-anh-kien-nghi">
                Phản ánh, kiến nghị
              </Link>
            </li>
            <li>
              <Link className="text-white no-underline hover:underline" href="/thong-ke">
                Thống kê
              </Link>
            </li>
            <HeaderUser />
          </ul>
        </nav>
      </div>
    </header>
  );
}
