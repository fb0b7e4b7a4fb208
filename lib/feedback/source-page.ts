// The page a "report a problem" link came from (components/layout/ReportProblemLink.tsx): a path of this site,
// and, when it is a procedure's page or a service's filing form, the procedure it concerns and the agency offering
// that service, so the form starts tied to them (the submitter may change both) and routing has an agency.
import "server-only";
import { db } from "@/lib/db/client";

/** A path of this site only: "/…", never "//host" or a full address. lib/feedback/submit.ts checks the same. */
export const SOURCE_PAGE = /^\/(?!\/)[^\s\\]{0,299}$/;

export async function reportedPage(raw: unknown): Promise<{ path: string; procedureCode?: string; agencyId?: number } | null> {
  if (typeof raw !== "string" || !SOURCE_PAGE.test(raw)) return null;
  const m = /^\/(?:thu-tuc|nop-ho-so)\/(\d\.\d{6})((?:\.[0-9A-Z]{1,10})*)(?:[/?#]|$)/.exec(raw);
  if (!m) return { path: raw };
  const procedureCode = m[1];
  const service = m[2] ? await db.service.findUnique({ where: { code: `${m[1]}${m[2]}` }, select: { agencyId: true } }) : null;
  return { path: raw, procedureCode, agencyId: service?.agencyId };
}
