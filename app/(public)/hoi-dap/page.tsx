// Hỏi đáp: the frequently asked questions, general and per procedure, searched like the catalog (lib/help/faq.ts).
import type { Metadata } from "next";
import Link from "next/link";
import { searchFaqs, type FaqItem } from "@/lib/help/faq";
import { faqText } from "@/lib/i18n/vi/help";
import { TextSearchForm } from "@/components/ui/TextSearchForm";

export const metadata: Metadata = { title: faqText.public.title };

const p = faqText.public;

function Item({ f }: { f: FaqItem }) {
  return (
    <li className="card space-y-1" data-testid="hoi-dap">
      <h3 className="font-semibold break-words">{f.question}</h3>
      <p className="break-words whitespace-pre-line">{f.answer}</p>
      {f.procedure && (
        <p className="text-sm text-slate-700">
          {p.aboutProcedure}: <Link href={`/thu-tuc/${f.procedure.code}`}>{f.procedure.name}</Link>
        </p>
      )}
    </li>
  );
}

export default async function FaqPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = await searchParams;
  const { query, items } = await searchFaqs(typeof sp.q === "string" ? sp.q : "");
  const general = items.filter((f) => !f.procedure);
  const perProcedure = items.filter((f) => f.procedure);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{p.title}</h1>
      <p className="text-slate-700">{p.lead}</p>
      <TextSearchForm action="/hoi-dap" label={p.searchLabel} button={p.searchButton} query={query} />
      {query && <p role="status">{p.results(items.length, query)}</p>}
      {items.length === 0 && <p>{p.none}</p>}
      {general.length > 0 && (
        <section aria-labelledby="cau-hoi-chung" className="space-y-2">
          <h2 id="cau-hoi-chung" className="text-lg font-semibold">
            {p.general}
          </h2>
          <ul className="space-y-3">
            {general.map((f) => (
              <Item key={f.id} f={f} />
            ))}
          </ul>
        </section>
      )}
      {perProcedure.length > 0 && (
        <section aria-labelledby="cau-hoi-thu-tuc" className="space-y-2">
          <h2 id="cau-hoi-thu-tuc" className="text-lg font-semibold">
            {p.byProcedure}
          </h2>
          <ul className="space-y-3">
            {perProcedure.map((f) => (
              <Item key={f.id} f={f} />
            ))}
          </ul>
        </section>
      )}
      <p>
        <Link href="/lien-he">{p.askMore}</Link>
      </p>
    </div>
  );
}
