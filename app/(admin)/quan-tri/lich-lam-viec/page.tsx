// Quản trị → Lịch làm việc: the VPCP administrators keep each year's holidays and worked weekend days here.
import type { Metadata } from "next";
import Link from "next/link";
import { ButtonForm } from "@/components/forms/ButtonForm";
import { CalendarDayForm } from "@/components/calendar/CalendarDayForm";
import { CalendarTable } from "@/components/calendar/CalendarTable";
import { YearSwitcher } from "@/components/calendar/YearSwitcher";
import { requirePermission } from "@/lib/auth/current-user";
import { CALENDAR_YEARS, calendarYear, calendarYearParam, calendarYearsWithRows } from "@/lib/calendar/admin";
import { isIsoDate } from "@/lib/calendar/time";
import { formatDate } from "@/lib/format";
import { calendarText as t } from "@/lib/i18n/vi/calendar";
import { addSuggestedHolidaysAction, deleteCalendarDayAction, saveCalendarDayAction } from "./actions";

const PAGE = "/quan-tri/lich-lam-viec";

export const metadata: Metadata = { title: t.title };

type SearchParams = Record<string, string | string[] | undefined>;

/** The line saying what the last action did; only well-formed values are shown, since anyone can type a URL. */
function statusOf(sp: SearchParams, year: number): string | undefined {
  const one = (k: string) => (typeof sp[k] === "string" ? sp[k] : undefined);
  const saved = one("da-luu");
  if (saved && isIsoDate(saved)) return t.saved(formatDate(saved));
  const deleted = one("da-xoa");
  if (deleted && isIsoDate(deleted)) return t.deleted(formatDate(deleted));
  const added = one("da-them");
  if (added && /^\d{1,3}$/.test(added)) return t.added(Number(added), year);
  return undefined;
}

export default async function CalendarPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const sp = await searchParams;
  const year = calendarYearParam(sp.nam);
  await requirePermission("calendar.manage", typeof sp.nam === "string" ? `${PAGE}?nam=${year}` : PAGE);
  const [cal, yearsWithRows] = await Promise.all([calendarYear(year), calendarYearsWithRows()]);
  const status = statusOf(sp, year);
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <p>
          <Link href="/quan-tri">{t.backToAdmin}</Link>
        </p>
        <h1 className="text-2xl font-bold">{t.title}</h1>
        <p className="text-slate-700">{t.lead}</p>
      </header>
      {status && (
        <p role="status" className="rounded border border-green-700 bg-green-50 p-3 text-green-900">
          {status}
        </p>
      )}
      <YearSwitcher basePath={PAGE} year={year} yearsWithRows={yearsWithRows} min={CALENDAR_YEARS.min} max={CALENDAR_YEARS.max} />

      <section aria-labelledby="nam-dang-xem" className="space-y-3">
        <h2 id="nam-dang-xem" className="text-xl font-semibold">
          {t.yearHeading(year)}
        </h2>
        <div className="card">
          <p className="text-sm text-slate-700">{t.workingDays(year)}</p>
          <p className="text-2xl font-bold" data-testid="so-ngay-lam-viec">
            {cal.workingDays}
          </p>
          <p className="text-sm text-slate-700">{t.workingDaysDetail(cal.weekdayHolidays, cal.workedWeekendDays)}</p>
        </div>
        <CalendarTable year={year} days={cal.days} deleteAction={deleteCalendarDayAction} />
      </section>

      <section aria-labelledby="them-ngay" className="card space-y-3">
        <h2 id="them-ngay" className="text-lg font-semibold">
          {t.formTitle}
        </h2>
        <p className="text-slate-700">{t.formLead}</p>
        {/* key: after any action succeeds or the year changes, an earlier refusal is no longer shown. */}
        <CalendarDayForm key={`${year}|${status ?? ""}`} action={saveCalendarDayAction} />
      </section>

      <section aria-labelledby="goi-y" className="card space-y-3">
        <h2 id="goi-y" className="text-lg font-semibold">
          {t.suggestTitle}
        </h2>
        <p className="text-slate-700">{t.suggestLead}</p>
        <ButtonForm
          id="goi-y-nam"
          action={addSuggestedHolidaysAction}
          hidden={{ year: String(year) }}
          label={t.suggest(year)}
          pendingLabel={t.suggesting}
          variant="primary"
        />
      </section>
    </div>
  );
}
