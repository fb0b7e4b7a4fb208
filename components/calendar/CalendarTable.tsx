// The table of one year's calendar rows: date with its weekday, kind, name, source, and a delete button per row.
import { ButtonForm, type ButtonFormProps } from "@/components/forms/ButtonForm";
import type { CalendarDayRow } from "@/lib/calendar/admin";
import { weekday } from "@/lib/calendar/time";
import { formatDate } from "@/lib/format";
import { calendarText as t } from "@/lib/i18n/vi/calendar";
import { DataTable } from "@/components/ui/DataTable";

export function CalendarTable({
  year,
  days,
  deleteAction,
}: {
  year: number;
  days: CalendarDayRow[];
  deleteAction: ButtonFormProps["action"];
}) {
  if (days.length === 0) return <p className="card">{t.empty(year)}</p>;
  return (
    <DataTable
      caption={t.tableCaption(year)}
      columns={[t.columns.date, t.columns.kind, t.columns.name, t.columns.source, t.columns.actions]}
    >
      {days.map((d) => {
        const shown = formatDate(d.date);
        return (
          <tr key={d.date} className="border-b border-slate-200 align-top">
            <th scope="row" className="p-2 font-normal whitespace-nowrap">
              <time dateTime={d.date}>{shown}</time>
              <span className="block text-slate-700">{t.weekday[weekday(d.date)]}</span>
            </th>
            <td className="p-2">{t.kind[d.kind]}</td>
            <td className="p-2">{d.name}</td>
            <td className="p-2">{d.source ?? t.noSource}</td>
            <td className="p-2">
              <ButtonForm
                id={`xoa-${d.date}`}
                action={deleteAction}
                hidden={{ date: d.date }}
                label={t.delete}
                srLabel={t.deleteWhich(shown)}
                pendingLabel={t.deleting}
              />
            </td>
          </tr>
        );
      })}
    </DataTable>
  );
}
