// The frequently asked questions about one procedure, on its service page (nothing when it has none).
import Link from "next/link";
import { faqsForProcedure } from "@/lib/help/faq";
import { faqText } from "@/lib/i18n/vi/help";

export async function ProcedureFaq({ procedureCode }: { procedureCode: string }) {
  const items = await faqsForProcedure(procedureCode);
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="hoi-dap-thu-tuc" className="card space-y-3" data-testid="hoi-dap-thu-tuc">
      <h2 id="hoi-dap-thu-tuc" className="text-lg font-semibold">
        {faqText.onProcedure.title}
      </h2>
      {items.map((f) => (
        <details key={f.id} className="border-b border-slate-200 pb-2">
          <summary className="cursor-pointer font-medium break-words">{f.question}</summary>
          <p className="mt-1 break-words whitespace-pre-line">{f.answer}</p>
        </details>
      ))}
      <p>
        <Link href="/hoi-dap">{faqText.onProcedure.more}</Link>
      </p>
    </section>
  );
}
