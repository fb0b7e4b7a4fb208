"use client";
// The user-specific part of the site header. The header itself is the same for everyone (so public
// pages can be cached); this part asks /api/phien who is signed in, on every navigation.
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";
import { SignOutButton } from "@/components/auth/SignOutButton";
import { commonText } from "@/lib/i18n/vi/common";
import type { HeaderSession } from "@/lib/auth/header-session";
import { SECOND_FACTOR_MANAGE_PAGE } from "@/lib/auth/second-factor-policy";
import { secondFactorText } from "@/lib/i18n/vi/second-factor";

const linkClass = "text-white no-underline hover:underline";

export function HeaderUser() {
  const pathname = usePathname();
  const [session, setSession] = useState<HeaderSession | undefined>(undefined);
  useEffect(() => {
    let live = true;
    fetch("/api/phien", { cache: "no-store", credentials: "same-origin" })
      .then((r) => (r.ok ? (r.json() as Promise<HeaderSession>) : { user: null }))
      .catch(() => ({ user: null }))
      .then((s) => {
        if (live) setSession(s);
      });
    return () => {
      live = false;
    };
  }, [pathname]);

  // Until the answer arrives nothing user-specific is shown (no flash of "sign in" for a signed-in user).
  if (!session) return null;
  const user = session.user;
  if (!user) {
    return (
      <>
        <li>
          <Link className={linkClass} href="/dang-nhap">
            {commonText.signIn}
          </Link>
        </li>
        <li>
          <Link className="rounded bg-white px-3 py-1 font-semibold text-brand-800 no-underline" href="/dang-ky">
            {commonText.register}
          </Link>
        </li>
      </>
    );
  }
  return (
    <>
      {user.myDossiers && (
        <li>
          <Link className={linkClass} href="/ho-so-cua-toi">
            {commonText.myDossiers}
          </Link>
        </li>
      )}
      {user.workspace && (
        <li>
          <Link className={linkClass} href="/can-bo">
            {commonText.workspace}
          </Link>
        </li>
      )}
      {user.documents && (
        <li>
          <Link className={linkClass} href="/can-bo/van-ban-den">
            Văn bản
          </Link>
        </li>
      )}
      {user.admin && (
        <li>
          <Link className={linkClass} href="/quan-tri">
            {commonText.admin}
          </Link>
        </li>
      )}
      {user.secondFactor && (
        <li>
          <Link className={linkClass} href={SECOND_FACTOR_MANAGE_PAGE}>
            {secondFactorText.headerLink}
          </Link>
        </li>
      )}
      <li>
        <Link className={linkClass} href="/tai-khoan/doi-mat-khau">
          {commonText.changePassword}
        </Link>
      </li>
      <li className="flex items-center gap-2">
        <span className="hidden sm:inline" aria-label="Người dùng đang đăng nhập">
          {user.fullName}
        </span>
        <SignOutButton />
      </li>
    </>
  );
}
