import Link from "next/link";
import { commonText } from "@/lib/i18n/vi/common";

export default function NotFound() {
  return (
    <div className="card mx-auto max-w-xl space-y-3 text-center">
      <h1 className="text-2xl font-bold">{commonText.notFoundTitle}</h1>
      <p>{commonText.notFoundLead}</p>
      <p>
        <Link href="/" className="btn btn-primary">
          {commonText.backHome}
        </Link>
      </p>
    </div>
  );
}
