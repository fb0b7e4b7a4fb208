"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";
import { eidText as t } from "@/lib/i18n/vi/eid";

/** Starts a sign-in with the national e-ID at `level` (1, or 2 for a step-up), coming back to `next`. */
export function EidSignInButton({
  next,
  level = 1,
  label = t.button,
  pendingLabel = t.buttonPending,
}: {
  next: string;
  level?: 1 | 2;
  label?: string;
  pendingLabel?: string;
}) {
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      className="btn btn-primary w-full"
      disabled={pending}
      onClick={() => {
        setPending(true);
        void signIn("eid", { callbackUrl: next }, { acr_values: level === 2 ? "LoA2" : "LoA1" }).catch(() => setPending(false));
      }}
    >
      {pending ? pendingLabel : label}
    </button>
  );
}
