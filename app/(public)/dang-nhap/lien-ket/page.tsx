import type { Metadata } from "next";
import { EidLinkForm } from "@/components/auth/EidLinkForm";
import { EidSignInButton } from "@/components/auth/EidSignInButton";
import { eidConfigured, pendingLink } from "@/lib/auth/eid";
import { safeNextPath } from "@/lib/auth/safe-next";
import { accountText } from "@/lib/i18n/vi/accounts";
import { eidText } from "@/lib/i18n/vi/eid";
import { ClaimForm } from "./ClaimForm";

export const metadata: Metadata = { title: eidText.link.title };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * An e-ID sign-in found a password account with the same identity number: its owner proves it is theirs, or
 * (when that account's number was never verified) the e-ID's person says it is not theirs and gets a new
 * account. The other account's e-mail is shown masked.
 */
export default async function EidLinkPage({ searchParams }: Props) {
  const sp = await searchParams;
  const token = typeof sp.token === "string" ? sp.token : "";
  const next = safeNextPath(typeof sp.next === "string" ? sp.next : null) ?? "/tai-khoan";
  const pending = token ? await pendingLink(token) : null;
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-2xl font-bold">{eidText.link.title}</h1>
      {pending ? (
        <>
          <p>{eidText.link.lead}</p>
          <div className="card space-y-4">
            <dl className="grid grid-cols-[8rem_1fr] gap-1">
              <dt className="font-semibold">{accountText.fullName}</dt>
              <dd>{pending.fullName}</dd>
              <dt className="font-semibold">{eidText.link.account}</dt>
              <dd>{pending.email ?? "—"}</dd>
            </dl>
            <EidLinkForm token={token} next={next} />
          </div>
          {pending.canClaim && (
            <section aria-labelledby="claim-heading" className="card space-y-3">
              <h2 id="claim-heading" className="text-lg font-semibold">
                {eidText.claim.title}
              </h2>
              <p>{eidText.claim.lead}</p>
              <ClaimForm token={token} next={next} eidOn={eidConfigured()} />
            </section>
          )}
        </>
      ) : (
        <>
          <p role="alert" className="rounded-md border-2 border-red-700 bg-red-50 p-3 text-red-900">
            {eidText.link.expired}
          </p>
          {eidConfigured() && <EidSignInButton next={next} label={eidText.link.restart} />}
        </>
      )}
    </div>
  );
}
