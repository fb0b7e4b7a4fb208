import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getPublishedFeedback } from "@/lib/feedback/public";
import { formatDate } from "@/lib/format";
import { feedbackText } from "@/lib/i18n/vi/feedback";

const p = feedbackText.public;

export async function generateMetadata({ params }: { params: Promise<{ code: string }> }): Promise<Metadata> {
  const item = await getPublishedFeedback(decodeURIComponent((await params).code));
  return { title: item?.title || feedbackText.title };
}

export default async function PublishedFeedback({ params }: { params: Promise<{ code: string }> }) {
  const item = await getPublishedFeedback(decodeURIComponent((await params).code));
  if (!item) notFound();
  return (
    <article className="mx-auto max-w-3xl space-y-4">
      <p>
        <Link href="/phan-anh-kien-nghi">{p.back}</Link>
      </p>
      <h1 className="text-2xl font-bold break-words">{item.title || item.code}</h1>
      <dl className="grid gap-1 sm:grid-cols-[12rem_1fr]">
        <dt className="font-medium">{feedbackText.officer.code}</dt>
        <dd className="font-mono break-all">{item.code}</dd>
        {item.agency && (
          <>
            <dt className="font-medium">{p.agency}</dt>
            <dd>{item.agency}</dd>
          </>
        )}
        {item.procedure && (
          <>
            <dt className="font-medium">{p.procedure}</dt>
            <dd>{item.procedure}</dd>
          </>
        )}
        <dt className="font-medium">{p.answeredAt}</dt>
        <dd>{formatDate(item.publishedAt)}</dd>
      </dl>
      <section className="card space-y-2" aria-labelledby="cau-hoi">
        <h2 id="cau-hoi" className="text-lg font-semibold">
          {p.question}
        </h2>
        <p className="break-words whitespace-pre-line">{item.question}</p>
      </section>
      <section className="card space-y-2" aria-labelledby="tra-loi">
        <h2 id="tra-loi" className="text-lg font-semibold">
          {p.answer}
        </h2>
        <p className="break-words whitespace-pre-line" data-testid="tra-loi">
          {item.answer}
        </p>
      </section>
      <p className="text-sm text-slate-700">{p.privacy}</p>
    </article>
  );
}
