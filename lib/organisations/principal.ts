// Who a dossier is filed for (its principal): the signed-in citizen themself, one of their organisations,
// or another person on whose behalf they file with an authorisation paper. Which of these a procedure
// allows follows from its `applicants` (individual, business). Pure: the filing page, the draft and the
// submission all ask here.
import { z } from "zod";
import { parseCccd } from "@/lib/identity/cccd";
import { orgText } from "@/lib/i18n/vi/organisations";

export type PrincipalKind = "self" | "organisation" | "behalf";

export type FilingPrincipal =
  { kind: "self" } | { kind: "organisation"; organisationId: string } | { kind: "behalf"; cccd: string; name: string };

/** The file "field" the authorisation paper of a filing on someone's behalf is uploaded to (not a form field). */
export const AUTHORISATION_FIELD = "_vanBanUyQuyen";

/**
 * The principals a procedure allows: oneself and another person when individuals file it, an organisation
 * when businesses do. A procedure with no applicants recorded is taken as filed by individuals.
 */
export function allowedPrincipals(applicants: readonly string[]): PrincipalKind[] {
  const individual = applicants.length === 0 || applicants.includes("individual");
  const business = applicants.includes("business");
  return [
    ...(individual ? (["self"] as const) : []),
    ...(business ? (["organisation"] as const) : []),
    ...(individual ? (["behalf"] as const) : []),
  ];
}

/** The principal a new filing starts with: oneself, or (a business-only procedure) the first organisation. */
export function defaultPrincipal(applicants: readonly string[], organisationIds: readonly string[]): FilingPrincipal | null {
  const allowed = allowedPrincipals(applicants);
  if (allowed.includes("self")) return { kind: "self" };
  return organisationIds[0] ? { kind: "organisation", organisationId: organisationIds[0] } : null;
}

const t = orgText.principal.errors;

/** A principal as the form sends it and the draft stores it; field errors under `principal.*`. */
export const PrincipalInput = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("self") }),
  z.object({ kind: z.literal("organisation"), organisationId: z.uuid({ error: t.organisation }) }),
  z.object({
    kind: z.literal("behalf"),
    name: z.string({ error: t.name }).trim().min(2, t.name).max(100, t.name),
    cccd: z
      .string({ error: t.cccd })
      .transform((s) => s.replace(/\s/g, ""))
      .refine((s) => parseCccd(s).ok, t.cccd),
  }),
]);

/** The choice as a draft keeps it: as typed, checked only on submission (all strings, bounded). */
export const DraftPrincipal = z.object({
  kind: z.enum(["self", "organisation", "behalf"]),
  organisationId: z.string().max(40).optional(),
  name: z.string().max(200).optional(),
  cccd: z.string().max(40).optional(),
});
export type DraftPrincipal = z.infer<typeof DraftPrincipal>;

/** A draft's stored principal, or null when it holds none (or something no longer readable). */
export function readDraftPrincipal(json: unknown): DraftPrincipal | null {
  const r = DraftPrincipal.safeParse(json);
  return r.success ? r.data : null;
}

/**
 * Whose document store a dossier's papers belong to (for lib/papers): an organisation's dossier keeps them
 * in the organisation's store; any other (oneself, or on someone's behalf) in the filing citizen's own.
 */
export function paperOwnerOf(dossier: {
  applicantId: string;
  organisationId: string | null;
}): { userId: string } | { organisationId: string };
export function paperOwnerOf(dossier: {
  applicantId: string | null;
  organisationId: string | null;
}): { userId: string } | { organisationId: string } | null;
export function paperOwnerOf(dossier: {
  applicantId: string | null;
  organisationId: string | null;
}): { userId: string } | { organisationId: string } | null {
  if (dossier.organisationId) return { organisationId: dossier.organisationId };
  // A dossier received at an agency's counter for someone without an account (issue 17) has no store.
  return dossier.applicantId ? { userId: dossier.applicantId } : null;
}

/**
 * What the form says before leaving its first step (the server checks the same again, and membership):
 * a choice the procedure allows, an organisation chosen, the represented person's name and CCCD, the
 * authorisation paper. Field errors keyed `principal.*` and the paper's field.
 */
export function principalProblems(p: DraftPrincipal | null, allowed: readonly PrincipalKind[], hasPaper: boolean): Record<string, string> {
  if (!p || !allowed.includes(p.kind)) return { "principal.kind": p ? t.notAllowed : t.choose };
  if (p.kind === "organisation" && !p.organisationId) return { "principal.organisationId": t.organisation };
  if (p.kind !== "behalf") return {};
  const out: Record<string, string> = {};
  const r = PrincipalInput.safeParse({ kind: "behalf", name: p.name ?? "", cccd: p.cccd ?? "" });
  if (!r.success) for (const issue of r.error.issues) out[`principal.${issue.path.join(".")}`] ??= issue.message;
  if (!hasPaper) out[AUTHORISATION_FIELD] = t.authorisation;
  return out;
}
