// Liên hệ: the help desk's channels (settings, lib/help/contact.ts; an unset one is shown as a placeholder) and the
// portal's own ways to find an answer or report a problem.
import type { Metadata } from "next";
import Link from "next/link";
import { helpDeskChannels, type HelpDeskChannel } from "@/lib/help/contact";
import { contactText as t } from "@/lib/i18n/vi/help";

export const metadata: Metadata = { title: t.title };

function Channel({ label, channel, href }: { label: string; channel: HelpDeskChannel; href?: (v: string) => string }) {
  return (
    <div className="grid gap-1 border-b border-slate-200 py-3 sm:grid-cols-[14rem_1fr]" data-testid={`kenh-${channel.setting}`}>
      <dt className="font-semibold text-slate-800">{label}</dt>
      <dd className="space-y-1 break-words">
        {channel.value ? href ? <a href={href(channel.value)}>{channel.value}</a> : <span>{channel.value}</span> : null}
        {channel.placeholder && (
          <p className="text-sm text-amber-900">
            <strong>{t.placeholder}.</strong> {t.placeholderHelp(channel.setting)}
          </p>
        )}
      </dd>
    </div>
  );
}

export default function ContactPage() {
  const c = helpDeskChannels();
  const online = [
    { href: "/hoi-dap", label: t.faq, help: t.faqHelp },
    { href: "/su-kien-cuoc-song", label: t.lifeEvents, help: t.lifeEventsHelp },
    { href: "/tra-cuu-ho-so", label: t.tracking, help: t.trackingHelp },
    { href: "/phan-anh-kien-nghi/gui", label: t.feedback, help: t.feedbackHelp },
  ];
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t.title}</h1>
      <p className="text-slate-700">{t.lead}</p>
      <p role="note" className="rounded border border-amber-700 bg-amber-50 p-2 text-sm text-amber-900">
        {t.demoNote}
      </p>
      <section aria-labelledby="kenh-lien-he" className="card">
        <h2 id="kenh-lien-he" className="text-lg font-semibold">
          {t.channels}
        </h2>
        <dl>
          <Channel label={t.email} channel={c.email} href={(v) => `mailto:${v}`} />
          <Channel label={t.phone} channel={c.phone} href={(v) => `tel:${v.replace(/[^\d+]/g, "")}`} />
          <Channel label={t.address} channel={c.address} />
          <Channel label={t.hours} channel={c.hours} />
        </dl>
      </section>
      <section aria-labelledby="tu-tra-cuu" className="card space-y-2">
        <h2 id="tu-tra-cuu" className="text-lg font-semibold">
          {t.onlineTitle}
        </h2>
        <ul className="space-y-2">
          {online.map((o) => (
            <li key={o.href}>
              <Link href={o.href}>{o.label}</Link>
              <p className="text-sm text-slate-700">{o.help}</p>
            </li>
          ))}
          <li>
            <span className="font-medium">{t.reportProblem}</span>
            <p className="text-sm text-slate-700">{t.reportProblemHelp}</p>
          </li>
        </ul>
      </section>
    </div>
  );
}
