"use client";

import { signOut } from "next-auth/react";

/** Signs out and goes to `callbackUrl` (the home page in the page's language); the words are the caller's. */
export function SignOutButton({ label, callbackUrl }: { label: string; callbackUrl: string }) {
  return (
    <button
      type="button"
      className="rounded border border-white px-3 py-1 text-sm font-semibold text-white hover:bg-brand-900"
      onClick={() => signOut({ callbackUrl })}
    >
      {label}
    </button>
  );
}
