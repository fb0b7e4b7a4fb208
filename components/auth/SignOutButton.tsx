"use client";

import { signOut } from "next-auth/react";
import { authText } from "@/lib/i18n/vi/auth";

export function SignOutButton() {
  return (
    <button
      type="button"
      className="rounded border border-white px-3 py-1 text-sm font-semibold text-white hover:bg-brand-900"
      onClick={() => signOut({ callbackUrl: "/" })}
    >
      {authText.signOut}
    </button>
  );
}
