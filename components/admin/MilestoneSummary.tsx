// For the admin dashboard: how the programme's milestones stand, which are late, and the next one due.
// A server component; it reads one aggregate and two small queries (lib/programme/milestones.ts).
import Link from "next/link";
import { formatDate } from "@/lib/format";
import { programmeText } from "@/lib/i18n/vi/programme";
import { milestoneSummary } from "@/lib/programme/milestones";

const t = programmeText.milestones;

export async function MilestoneSummary() {
  const s = await milestoneSummary();
  return (
    <section aria-labelledby="tien-do-chuong-trinh" className="card space-y-2">
      <h2 id="tien-do-chuong-trinh" className="text-lg font-semibold">
        {t.summaryTitle}
      </h2>
      <p>{t.summaryDone(s.done, s.total)}</p>
      <p className={s.lateCount ? "font-semibold text-red-800" : ""} data-testid="so-moc-cham">
        {t.summaryLate(s.lateCount)}
      </p>
      {s.late.length > 0 && (
        <ul className="list-disc pl-5">
          {s.late.map((m) => (
            <li key={m.code}>
              {m.title} ({formatDate(m.dueDate)})
            </li>
          ))}
        </ul>
      )}
      <p>
        <strong>{t.summaryNext}: </strong>
        {s.next ? `${s.next.title} (${formatDate(s.next.dueDate)})` : t.summaryNone}
      </p>
      <p>
        <Link href="/quan-tri/moc-tien-do">{t.manage}</Link>
      </p>
    </section>
  );
}
