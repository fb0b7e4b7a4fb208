// Moves the calendar page between years: links to the years around the one shown and to every year that has rows,
// and a small GET form for any other year (works without JavaScript).
import Link from "next/link";
import { calendarText as t } from "@/lib/i18n/vi/calendar";

export interface YearSwitcherProps {
  basePath: string;
  year: number;
  yearsWithRows: readonly number[];
  min: number;
  max: number;
}

export function YearSwitcher({ basePath, year, yearsWithRows, min, max }: YearSwitcherProps) {
  const years = [...new Set([...yearsWithRows, year - 1, year, year + 1])].filter((y) => y >= min && y <= max).sort((a, b) => a - b);
  return (
    <div className="flex flex-wrap items-end gap-4">
      <nav aria-label={t.yearNav}>
        <ul className="flex flex-wrap gap-2">
          {years.map((y) => (
            <li key={y}>
              <Link
                href={`${basePath}?nam=${y}`}
                aria-current={y === year ? "page" : undefined}
                className={`btn px-3 py-1 ${y === year ? "btn-primary" : "btn-secondary"}`}
              >
                {y}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <form method="get" action={basePath} className="flex items-end gap-2">
        <div>
          <label htmlFor="nam" className="block text-sm font-medium">
            {t.otherYear}
          </label>
          <input id="nam" name="nam" type="number" inputMode="numeric" min={min} max={max} defaultValue={year} className="input w-28" />
        </div>
        <button type="submit" className="btn btn-secondary">
          {t.show}
        </button>
      </form>
    </div>
  );
}
