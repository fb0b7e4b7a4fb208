import type { Metadata } from "next";
import Link from "next/link";
import { isFeedbackCode } from "@/lib/feedback/code";
import { feedbackText } from "@/lib/i18n/vi/feedback";

export const metadata: Metadata = { title: feedbackText.receipt.title };

export default async function FeedbackReceipt({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { ma } = await searchParams;
  const code = typeof ma === "string" && isFeedbackCode(ma) ? ma : null;
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-2xl font-bold">{feedbackText.receipt.title}</h1>
      {code && (
        <div className="card" role="status">
          <p>{feedbackText.receipt.code}:</p>
          <p className="font-mono text-xl font-bold break-all" data-testid="ma-phan-anh">
            {code}
          </p>
        </div>
      )}
      <p>{feedbackText.receipt.body}</p>
      <p>
        <Link href="/phan-anh-kien-nghi">{feedbackText.public.back}</Link>
      </p>
    </div>
  );
}
