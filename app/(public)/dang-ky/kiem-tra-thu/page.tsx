import type { Metadata } from "next";
import Link from "next/link";
import { DemoMailboxPointer } from "@/components/accounts/DemoMailboxPointer";
import { demoMailboxEnabled } from "@/lib/accounts/demo-mailbox";
import { accountText } from "@/lib/i18n/vi/accounts";

const t = accountText.checkMail;

export const metadata: Metadata = { title: t.title };
// Rendered per request only for the demo's mailbox pointer (the stage is read at run time, not at build).
export const dynamic = "force-dynamic";

/** The one answer to every accepted registration: it says nothing about accounts that already exist. */
export default function CheckMailPage() {
  return (
    <div className="mx-auto max-w-xl space-y-4">
      <h1 className="text-2xl font-bold">{t.title}</h1>
      <p role="status" className="rounded border border-green-700 bg-green-50 p-3 text-green-900">
        {t.lead}
      </p>
      <ul className="list-disc space-y-1 pl-5">
        {t.steps.map((s) => (
          <li key={s}>{s}</li>
        ))}
      </ul>
      {demoMailboxEnabled() && <DemoMailboxPointer />}
      <p>
        <Link href="/dang-nhap">{t.signIn}</Link>
      </p>
    </div>
  );
}
