import type { Metadata } from "next";
import Link from "next/link";
import { FeedbackForm } from "@/components/feedback/FeedbackForm";
import { ComplaintNote } from "@/components/feedback/ComplaintNote";
import { getCurrentUser } from "@/lib/auth/current-user";
import { routingTargets } from "@/lib/feedback/officer";
import { reportedPage } from "@/lib/feedback/source-page";
import { feedbackText } from "@/lib/i18n/vi/feedback";
import { submitFeedbackAction } from "./actions";

export const metadata: Metadata = { title: feedbackText.form.title };

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function FeedbackFormPage({ searchParams }: { searchParams: Search }) {
  const [user, agencies, sp] = await Promise.all([getCurrentUser(), routingTargets(), searchParams]);
  const one = (k: string) => (typeof sp[k] === "string" ? (sp[k] as string).slice(0, 40) : "");
  // A link from a procedure or an agency page may name them: /phan-anh-kien-nghi/gui?thu-tuc=1.004873&co-quan=12
  const initial: Record<string, string> = { procedureCode: one("thu-tuc"), agencyId: one("co-quan") };
  // "Report a problem" from any page (components/layout/ReportProblemLink.tsx): ?trang=/thu-tuc/1.001193.000.00.00.H29
  const reported = await reportedPage(sp.trang);
  if (reported) {
    initial.sourcePage = reported.path;
    initial.title = feedbackText.form.reportTitle;
    initial.topic = "conduct";
    if (reported.procedureCode && !initial.procedureCode) initial.procedureCode = reported.procedureCode;
    if (reported.agencyId && !initial.agencyId) initial.agencyId = String(reported.agencyId);
  }
  if (initial.procedureCode) initial.topic = "procedure";
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <p>
        <Link href="/phan-anh-kien-nghi">{feedbackText.public.back}</Link>
      </p>
      <h1 className="text-2xl font-bold">{feedbackText.form.title}</h1>
      <p className="text-slate-700">{feedbackText.form.lead}</p>
      <ComplaintNote />
      <div className="card">
        <FeedbackForm
          action={submitFeedbackAction}
          agencies={agencies}
          signedIn={user ? { name: user.fullName, email: user.email } : null}
          initial={initial}
        />
      </div>
    </div>
  );
}
