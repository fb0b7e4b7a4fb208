import Link from "next/link";
import { getCurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { commonText } from "@/lib/i18n/vi/common";
import { SignOutButton } from "@/components/auth/SignOutButton";

export async function SiteHeader() {
  const user = await getCurrentUser();
  return (
    <header className="bg-brand-800 text-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <Link href="/" className="text-lg font-bold text-white no-underline hover:no-underline">
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
              <Link className="text-white no-underline hover:underline" href="/thong-ke">
                Thống kê
              </Link>
            </li>
            {user && can(user, "dossier.readOwn") && (
              <li>
                <Link className="text-white no-underline hover:underline" href="/ho-so-cua-toi">
                  {commonText.myDossiers}
                </Link>
              </li>
            )}
            {user && can(user, "workspace.read") && (
              <li>
                <Link className="text-white no-underline hover:underline" href="/can-bo">
                  {commonText.workspace}
                </Link>
              </li>
            )}
            {user && can(user, "document.send") && (
              <li>
                <Link className="text-white no-underline hover:underline" href="/can-bo/van-ban-den">
                  Văn bản
                </Link>
              </li>
            )}
            {user && can(user, "admin.read") && (
              <li>
                <Link className="text-white no-underline hover:underline" href="/quan-tri">
                  {commonText.admin}
                </Link>
              </li>
            )}
            {user ? (
              <li className="flex items-center gap-2">
                <span className="hidden sm:inline" aria-label="Người dùng đang đăng nhập">
                  {user.fullName}
                </span>
                <SignOutButton />
              </li>
            ) : (
              <>
                <li>
                  <Link className="text-white no-underline hover:underline" href="/dang-nhap">
                    {commonText.signIn}
                  </Link>
                </li>
                <li>
                  <Link className="rounded bg-white px-3 py-1 font-semibold text-brand-800 no-underline" href="/dang-ky">
                    {commonText.register}
                  </Link>
                </li>
              </>
            )}
          </ul>
        </nav>
      </div>
    </header>
  );
}
