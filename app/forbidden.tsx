import Link from "next/link";
import { authText } from "@/lib/i18n/vi/auth";
import { commonText } from "@/lib/i18n/vi/common";

export default function Forbidden() {
  return (
    <div className="card mx-auto max-w-xl space-y-3 text-center">
      <h1 className="text-2xl font-bold">{authText.forbiddenTitle}</h1>
      <p>{authText.forbiddenLead}</p>
      <p>
        <Link href="/" className="btn btn-primary">
          {commonText.backHome}
        </Link>
      </p>
    </div>
  );
}
