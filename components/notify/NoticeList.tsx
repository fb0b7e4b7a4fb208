// A list of notifications with their unread state, shown in words (for everyone, screen readers included)
// and by a border. Opening one goes through /thong-bao/[id], which marks it read: a plain <a>, so that no
// router prefetch reads it on the user's behalf.
import { formatDateTime } from "@/lib/format";
import { noticesText as t } from "@/lib/i18n/vi/my-dossiers";

export interface NoticeItem {
  id: string;
  title: string;
  body: string;
  read: boolean;
  createdAt: Date;
}

export function NoticeList({ notices, label, testId }: { notices: NoticeItem[]; label: string; testId?: string }) {
  return (
    <ul aria-label={label} data-testid={testId} className="space-y-2">
      {notices.map((n) => (
        <li
          key={n.id}
          data-read={n.read ? "true" : "false"}
          className={`rounded-md border p-3 wrap-anywhere ${n.read ? "border-slate-200 bg-white" : "border-l-4 border-blue-800 bg-blue-50"}`}
        >
          <p className="flex flex-wrap items-baseline gap-x-2">
            {!n.read && <span className="rounded bg-blue-800 px-1.5 text-xs font-semibold text-white">{t.unread}</span>}
            <a href={`/thong-bao/${n.id}`} className={`inline-block py-0.5 ${n.read ? "" : "font-semibold"}`}>
              {n.title}
            </a>
          </p>
          <p className="text-sm">{n.body}</p>
          <p className="text-xs text-slate-700">
            <time dateTime={n.createdAt.toISOString()}>{formatDateTime(n.createdAt)}</time>
            {n.read && <> · {t.read}</>}
          </p>
        </li>
      ))}
    </ul>
  );
}
