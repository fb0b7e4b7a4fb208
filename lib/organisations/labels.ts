// How a dossier's principal reads to a citizen who sees it (Hồ sơ của tôi, the dossier page): the
// organisation it belongs to, who filed it for the viewer, or for whom the viewer filed it. Pure.
import { orgText } from "@/lib/i18n/vi/organisations";

export function principalLabel(
  viewerId: string,
  d: {
    applicantId: string | null;
    applicant: { fullName: string } | null;
    applicantName: string;
    organisation: { name: string } | null;
    representedName: string | null;
  },
): string | null {
  const t = orgText.principal;
  if (d.organisation) return t.forOrganisation(d.organisation.name);
  if (d.representedName)
    return d.applicantId === viewerId ? t.filedFor(d.representedName) : t.filedBy(d.applicant?.fullName ?? d.applicantName);
  return null;
}
