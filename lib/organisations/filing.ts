// The principal of a submission, checked in the submission's transaction (lib/filing/submit.ts): the
// procedure must allow it; an organisation only by one of its members at that moment; another person
// only with the authorisation paper uploaded to the draft. Returns what the dossier records.
import "server-only";
import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import type { Attachment } from "@/lib/generated/prisma/client";
import { commonText } from "@/lib/i18n/vi/common";
import { orgText } from "@/lib/i18n/vi/organisations";
import { isMember } from "./organisations";
import { allowedPrincipals, AUTHORISATION_FIELD, PrincipalInput } from "./principal";

const t = orgText.principal.errors;

interface ResolvedPrincipal {
  /** The dossier's columns: organisation_id, or represented_cccd / represented_name. */
  columns: { organisationId?: string; representedCccd?: string; representedName?: string };
  /** The name shown as the applicant's: the organisation's, or the represented person's. */
  applicantName?: string;
  /** The authorisation paper, kept with the dossier's papers. */
  paper?: Attachment;
  /** For the audit trail. */
  details: Record<string, string>;
}

const refuse = (field: string, message: string, reason: string) =>
  new AppError("invalid", commonText.fixErrors, { [field]: message }, reason);

export async function resolvePrincipal(
  tx: Tx,
  userId: string,
  applicants: readonly string[],
  /** As the form sent it; absent: the citizen themself. */
  raw: unknown,
  draftId: string | null,
): Promise<ResolvedPrincipal> {
  const parsed = PrincipalInput.safeParse(raw ?? { kind: "self" });
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) errors[["principal", ...issue.path.map(String)].join(".")] ??= issue.message;
    if (errors["principal"] || errors["principal.kind"]) errors["principal.kind"] ??= t.choose;
    throw new AppError("invalid", commonText.fixErrors, errors, "principal_invalid");
  }
  const principal = parsed.data;
  if (!allowedPrincipals(applicants).includes(principal.kind)) throw refuse("principal.kind", t.notAllowed, "principal_not_allowed");
  switch (principal.kind) {
    case "self":
      return { columns: {}, details: { principal: "self" } };
    case "organisation": {
      if (!(await isMember(tx, principal.organisationId, userId)))
        throw refuse("principal.organisationId", t.organisation, "principal_not_member");
      const org = await tx.organisation.findUniqueOrThrow({
        where: { id: principal.organisationId },
        select: { name: true, taxCode: true },
      });
      return {
        columns: { organisationId: principal.organisationId },
        applicantName: org.name,
        details: { principal: "organisation", organisation: principal.organisationId, taxCode: org.taxCode },
      };
    }
    case "behalf": {
      const me = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { cccd: true } });
      if (me.cccd === principal.cccd) throw refuse("principal.cccd", t.ownCccd, "principal_self");
      const paper = draftId
        ? await tx.attachment.findFirst({ where: { draftId, fieldId: AUTHORISATION_FIELD, ownerId: userId, dossierId: null } })
        : null;
      if (!paper) throw refuse(AUTHORISATION_FIELD, t.authorisation, "authorisation_missing");
      return {
        columns: { representedCccd: principal.cccd, representedName: principal.name },
        applicantName: principal.name,
        paper,
        details: { principal: "behalf", representedName: principal.name },
      };
    }
  }
}
