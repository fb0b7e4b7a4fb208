"use client";
// The user-specific part of the site header. The header itself is the same for everyone (so public
// pages can be cached); this part asks /api/phien who is signed in, and how many notifications are unread,
// on every navigation (and when a page says the count changed: NoticesChanged).
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { SignOutButton } from "@/components/auth/SignOutButton";
import { NOTICES_CHANGED } from "@/components/notify/NoticesChanged";
import type { HeaderSession } from "@/lib/auth/header-session";
import { SECOND_FACTOR_MANAGE_PAGE } from "@/lib/auth/second-factor-policy";
import { localeHref } from "@/lib/i18n/href";

const linkClass = "text-white no-underline hover:underline";

export function HeaderUser() {
  const t = useTranslations("header");
  const locale = useLocale();
  const href = (path: string) => localeHref(locale, path);
  const pathname = usePathname();
  const [session, setSession] = useState<HeaderSession | undefined>(undefined);
  const [changes, setChanges] = useState(0);
  useEffect(() => {
    const changed = () => setChanges((n) => n + 1);
    window.addEventListener(NOTICES_CHANGED, changed);
    return () => window.removeEventListener(NOTICES_CHANGED, changed);
  }, []);
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
  }, [pathname, changes]);

  // Until the answer arrives nothing user-specific is shown (no flash of "sign in" for a signed-in user).
  if (!session) return null;
  const user = session.user;
  if (!user) {
    return (
      <>
        <li>
          <Link className={linkClass} href={href("/dang-nhap")}>
            {t("signIn")}
          </Link>
        </li>
        <li>
          <Link className="rounded bg-white px-3 py-1 font-semibold text-brand-800 no-underline" href={href("/dang-ky")}>
            {t("register")}
          </Link>
        </li>
      </>
    );
  }
  return (
    <>
      {user.myDossiers && (
        <li>
          <Link className={linkClass} href={href("/ho-so-cua-toi")}>
            {t("myDossiers")}
          </Link>
        </li>
      )}
      {user.unread !== null && (
        <li>
          <Link className={linkClass} href={href("/thong-bao")} data-testid="thong-bao-dau-trang">
            {t("notices")}
            {user.unread > 0 && (
              <>
                <span aria-hidden="true" className="ml-1 rounded-full bg-white px-1.5 text-xs font-bold text-brand-800">
                  {user.unread}
                </span>
                <span className="sr-only">{t("unreadSr", { count: user.unread })}</span>
              </>
            )}
          </Link>
        </li>
      )}
      {user.workspace && (
        <li>
          <Link className={linkClass} href={href("/can-bo")}>
            {t("workspace")}
          </Link>
        </li>
      )}
      {user.documents && (
        <li>
          <Link className={linkClass} href={href("/can-bo/van-ban-den")}>
            {t("documents")}
          </Link>
        </li>
      )}
      {user.admin && (
        <li>
          <Link className={linkClass} href={href("/quan-tri")}>
            {t("admin")}
          </Link>
        </li>
      )}
      {user.secondFactor && (
        <li>
          <Link className={linkClass} href={href(SECOND_FACTOR_MANAGE_PAGE)}>
            {t("secondFactor")}
          </Link>
        </li>
      )}
      <li>
        <Link className={linkClass} href={href("/tai-khoan/doi-mat-khau")}>
          {t("changePassword")}
        </Link>
      </li>
      <li className="flex items-center gap-2">
        <span className="hidden sm:inline" aria-label={t("signedInUser")}>
          {/* A person's name, as recorded (Vietnamese names are read as Vietnamese on an English page too). */}
          <span lang="vi" translate="no">
            {user.fullName}
          </span>
        </span>
        <SignOutButton label={t("signOut")} callbackUrl={href("/")} />
      </li>
    </>
  );
}
