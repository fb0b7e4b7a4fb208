// The principal of a filed dossier as rows of words, for the officer's page and the receipt (form 01):
// the organisation with its tax code and the member who filed; or the person represented (with their
// CCCD, masked to its last four digits unless the caller asks for it in full), the representative who
// filed, and the authorisation paper. Pure.
import { orgText } from "@/lib/i18n/vi/organisations";
import { AUTHORISATION_FIELD } from "./principal";
import { formatTaxCode } from "./tax-code";

export interface PrincipalRow {
  label: string;
  value: string;
  /** The authorisation paper's attachment id (a link to download it). */
  attachmentId?: string;
}

/** Only the last four digits of a CCCD, as the citizen's profile shows it (maskCccd, lib/accounts/profile.ts). */
function maskedCccd(cccd: string | null): string {
  return cccd ? `${"•".repeat(8)}${cccd.slice(-4)}` : "";
}

export function principalRows(
  d: {
    applicant: { fullName: string } | null;
    applicantName: string;
    organisation: { name: string; taxCode: string } | null;
    representedName: string | null;
    representedCccd: string | null;
    attachments: { id: string; fieldId: string | null; fileName: string }[];
  },
  /** `fullCccd`: the represented person's CCCD in full (the officer checking the authorisation); masked by default. */
  opts: { fullCccd?: boolean } = {},
): PrincipalRow[] {
  const t = orgText.principal;
  if (d.organisation)
    return [
      {
        label: t.officerOrganisation,
        value: `${d.organisation.name} (${orgText.taxCode.toLowerCase()} ${formatTaxCode(d.organisation.taxCode)})`,
      },
      { label: t.officerFiledByMember, value: d.applicant?.fullName ?? d.applicantName },
    ];
  if (d.representedName) {
    const paper = d.attachments.find((a) => a.fieldId === AUTHORISATION_FIELD);
    return [
      {
        label: t.officerRepresented,
        value: `${d.representedName} (CCCD ${opts.fullCccd ? (d.representedCccd ?? "") : maskedCccd(d.representedCccd)})`,
      },
      { label: t.officerRepresentative, value: d.applicant?.fullName ?? d.applicantName },
      ...(paper ? [{ label: t.authorisation, value: paper.fileName, attachmentId: paper.id }] : []),
    ];
  }
  return [];
}
