"use client";
// The same page in the other language. Rendered on the server from the requested path (proxy.ts passes it,
// so it works without JavaScript); after a client-side navigation (the root layout is not rendered again)
// it follows the browser's address. A plain link: the other language's page is loaded whole (its <html lang>,
// its header).
import { usePathname, useSearchParams } from "next/navigation";
import { useSyncExternalStore } from "react";
import { localeHref } from "@/lib/i18n/href";
import { stripEnPrefix, type Locale } from "@/lib/i18n/locale";

/** The address of `path` (the browser's path and query) in `target`. */
function switchHref(target: Locale, pathname: string, search: string): string {
  const neutral = stripEnPrefix(pathname) ?? pathname;
  return localeHref(target, `${neutral}${search}`);
}

const noSubscription = () => () => {};
const clientSnapshot = () => true;
const serverSnapshot = () => false;

export function LanguageSwitch({
  target,
  initialHref,
  label,
  title,
}: {
  target: Locale;
  initialHref: string;
  label: string;
  title: string;
}) {
  const pathname = usePathname();
  const searchParams = useSearchParams();
  // The server's address while hydrating (the same markup), the browser's after.
  const hydrated = useSyncExternalStore(noSubscription, clientSnapshot, serverSnapshot);
  const search = searchParams.toString();
  const href = hydrated ? switchHref(target, pathname, search ? `?${search}` : "") : initialHref;
  return (
    <a
      className="rounded border border-white px-2 py-0.5 text-white no-underline hover:underline"
      href={href}
      hrefLang={target}
      lang={target}
      title={title}
      data-testid="language-switch"
    >
      {label}
    </a>
  );
}
