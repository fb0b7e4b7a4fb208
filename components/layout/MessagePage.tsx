import Link from "next/link";
import { commonText } from "@/lib/i18n/vi/common";

/** A short page that says one thing (not found, forbidden) and offers the way home. */
export function MessagePage({ title, lead }: { title: string; lead: string }) {
  return (
    <div className="card mx-auto max-w-xl space-y-3 text-center">
      <h1 className="text-2xl font-bold">{title}</h1>
      <p>{lead}</p>
      <p>
        <Link href="/" className="btn btn-primary">
          {commonText.backHome}
        </Link>
      </p>
    </div>
  );
}
