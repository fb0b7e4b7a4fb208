import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { demoMailboxEnabled, demoMails } from "@/lib/accounts/demo-mailbox";
import { formatDateTime } from "@/lib/format";
import { accountText } from "@/lib/i18n/vi/accounts";

const t = accountText.demoMailbox;

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: t.title, robots: { index: false, follow: false }, referrer: "no-referrer" };

/** Links in a mail's text, clickable (the texts are the portal's own). */
function withLinks(text: string) {
  return text.split(/(https?:\/\/\S+)/g).map((part, i) =>
    /^https?:\/\//.test(part) ? (
      <a key={i} href={part} className="break-all">
        {part}
      </a>
    ) : (
      part
    ),
  );
}

export default async function DemoMailboxPage() {
  if (!demoMailboxEnabled()) notFound();
  const mails = await demoMails();
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <h1 className="text-2xl font-bold">{t.title}</h1>
      <p className="rounded border border-amber-700 bg-amber-50 p-3 text-amber-950">{t.lead}</p>
      {mails.length === 0 && <p>{t.empty}</p>}
      {mails.map((m) => (
        <article key={m.id} className="card space-y-2" aria-labelledby={`thu-${m.id}`}>
          <h2 id={`thu-${m.id}`} className="text-lg font-semibold">
            {m.subject}
          </h2>
          <p className="text-sm text-slate-700">
            {t.to}: {m.to} · {t.queuedAt}: {formatDateTime(m.queuedAt)}
          </p>
          <p className="whitespace-pre-wrap">{withLinks(m.text)}</p>
        </article>
      ))}
    </div>
  );
}
