// Feedback (phản ánh, kiến nghị) per agency: received, answered, answered on time (and the rate), overdue
// now. A server component of its own, so the public statistics page and the VPCP dashboard each add one line.
import { DataTable } from "@/components/ui/DataTable";
import { feedbackStatsByAgency } from "@/lib/feedback/public";
import { feedbackText } from "@/lib/i18n/vi/feedback";

const s = feedbackText.stats;
const n = (x: number) => x.toLocaleString("vi-VN");

export async function FeedbackStats({ headingLevel = 2 }: { headingLevel?: 2 | 3 }) {
  const rows = await feedbackStatsByAgency();
  const H = headingLevel === 2 ? "h2" : "h3";
  return (
    <section aria-labelledby="phan-anh-theo-co-quan" className="space-y-3" data-testid="thong-ke-phan-anh">
      <H id="phan-anh-theo-co-quan" className="text-xl font-semibold">
        {s.title}
      </H>
      <p className="text-slate-700">{s.lead}</p>
      {rows.length === 0 ? (
        <p>{s.none}</p>
      ) : (
        <DataTable caption={s.title} columns={[s.agency, s.received, s.answered, s.onTime, s.onTimeRate, s.overdue]} scrollFocusable>
          {rows.map((r) => (
            <tr key={r.agencyId} className="border-b border-slate-200">
              <th scope="row" className="p-2 font-normal">
                {r.agency}
              </th>
              <td className="p-2">{n(r.received)}</td>
              <td className="p-2">{n(r.answered)}</td>
              <td className="p-2">{n(r.answeredOnTime)}</td>
              <td className="p-2">{r.onTimeRate == null ? "—" : `${r.onTimeRate.toLocaleString("vi-VN")} %`}</td>
              <td className={`p-2 ${r.overdue ? "font-semibold text-red-800" : ""}`}>{n(r.overdue)}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
