import Link from "next/link";
import { feedbackText } from "@/lib/i18n/vi/feedback";

/** Complaints and denunciations follow their own procedures: said, and pointed to the catalog's search for them. */
export function ComplaintNote() {
  const n = feedbackText.complaintNote;
  return (
    <aside className="rounded border-l-4 border-amber-700 bg-amber-50 p-3" aria-labelledby="khieu-nai-to-cao">
      <h2 id="khieu-nai-to-cao" className="font-semibold">
        {n.title}
      </h2>
      <p>{n.body}</p>
      <p>
        <Link href={`/thu-tuc?q=${encodeURIComponent("khiếu nại")}`}>{n.link}</Link>
      </p>
    </aside>
  );
}
