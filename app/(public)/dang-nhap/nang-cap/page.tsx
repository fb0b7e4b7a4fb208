import type { Metadata } from "next";
import Link from "next/link";
import { EidSignInButton } from "@/components/auth/EidSignInButton";
import { eidConfigured } from "@/lib/auth/eid";
import { safeNextPath } from "@/lib/auth/safe-next";
import { eidText } from "@/lib/i18n/vi/eid";

export const metadata: Metadata = { title: eidText.stepUp.title };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** A procedure needs the e-ID's level 2 and this session is below it: one button to the e-ID, back to `next`. */
export default async function StepUpPage({ searchParams }: Props) {
  const sp = await searchParams;
  const next = safeNextPath(typeof sp.next === "string" ? sp.next : null) ?? "/tai-khoan";
  const service = /^\/nop-ho-so\/([^/?#]+)/.exec(next)?.[1];
  return (
    <div className="mx-auto max-w-xl space-y-4">
      <h1 className="text-2xl font-bold">{eidText.stepUp.title}</h1>
      <div className="card space-y-3">
        <p>{eidText.stepUp.lead}</p>
        {eidConfigured() ? (
          <>
            <p>{eidText.stepUp.how}</p>
            <EidSignInButton next={next} level={2} label={eidText.stepUp.button} />
          </>
        ) : (
          <p role="status">{eidText.stepUp.unavailable}</p>
        )}
      </div>
      {service && (
        <p>
          <Link href={`/thu-tuc/${service}`}>← {eidText.stepUp.back}</Link>
        </p>
      )}
    </div>
  );
}
