// The permission registry: what each role may do, as `resource.action` strings. Pages, server
// actions and API routes ask `can(user, permission)`; nothing checks a role by name elsewhere.
export type Role = "CITIZEN" | "OFFICER" | "AGENCY_ADMIN" | "VPCP_ADMIN";

const CITIZEN = [
  "account.signOutEverywhere",
  "account.changePassword",
  "dossier.file",
  "dossier.readOwn",
  // Organisations the citizen represents or belongs to (lib/organisations), and their document store (lib/papers).
  "organisation.manage",
  "paper.manageOwn",
  // Their in-app notifications (lib/notify/inbox.ts): only applicants are notified today.
  "notification.readOwn",
] as const;
const OFFICER = [
  "account.signOutEverywhere",
  "account.changePassword",
  // Enrol, verify and replace one's own second factor (lib/auth/second-factor.ts).
  "account.secondFactor",
  "workspace.read",
  "dossier.process",
  "document.send",
  "document.receive",
  // Issue 18: the agency's feedback and petitions (lib/feedback): accept, refuse, forward, answer, approve.
  "feedback.handle",
] as const;
const AGENCY_ADMIN = [
  ...OFFICER,
  "agency.manageOfficers",
  "agency.manageServices",
  "agency.integration",
  "outbox.resend",
  "programme.comment",
  // Its own services' form variants (lib/forms/versions.ts scopes them to the agency).
  "form.edit",
] as const;
const VPCP_ADMIN = [
  "account.signOutEverywhere",
  "account.changePassword",
  "account.secondFactor",
  "admin.read",
  "agency.manage",
  "audit.read",
  "calendar.manage",
  "document.send",
  "document.receive",
  "agency.integration",
  "outbox.resend",
  "programme.manage",
  // The national forms of every procedure (lib/forms/versions.ts).
  "form.edit",
  "form.editNational",
  // The synonyms the catalog search uses (lib/catalog/synonyms.ts).
  "catalog.synonyms",
  // Issue 18: the frequently asked questions, general and per procedure (lib/help/faq.ts).
  "catalog.faq",
  // Issue 18: route feedback no agency was found for, and reroute any open item (lib/feedback/officer.ts).
  "feedback.route",
] as const;

export const PERMISSIONS = { CITIZEN, OFFICER, AGENCY_ADMIN, VPCP_ADMIN } as const;

/** Permissions only systems hold (lib/auth/actor.ts grants them): no person confirms a payment by hand. */
const SYSTEM_ONLY = [
  "payment.confirm",
  // Issue 17: an agency's one-stop system files and moves its dossiers (dossier.sync), downloads and acknowledges the
  // portal dossiers delivered to it (dossier.syncOut).
  "dossier.sync",
  "dossier.syncOut",
] as const;
type SystemOnly = (typeof SYSTEM_ONLY)[number];

export type Permission = (typeof PERMISSIONS)[Role][number] | SystemOnly;

/** Every permission, once (the audit trail's words for a refused attempt cover each: lib/i18n/vi/audit.ts). */
export const ALL_PERMISSIONS: readonly Permission[] = [...new Set<Permission>([...Object.values(PERMISSIONS).flat(), ...SYSTEM_ONLY])];

/** A staff session still owing its second factor: enrolled but not given yet, or required but not enrolled. */
export type SecondFactorDue = "verify" | "enrol";

export interface Principal {
  role: Role;
  /** A staff session still owing its second factor (lib/auth/sessions.ts). */
  secondFactorDue?: SecondFactorDue;
}

/** What a session still owing its second factor may do: give it, or leave. */
const WHILE_SECOND_FACTOR_DUE: readonly Permission[] = ["account.secondFactor", "account.signOutEverywhere"];

export function can(user: Principal | null | undefined, permission: Permission): boolean {
  if (!user) return false;
  if (user.secondFactorDue && !WHILE_SECOND_FACTOR_DUE.includes(permission)) return false;
  return (PERMISSIONS[user.role] as readonly string[]).includes(permission);
}

/** Where a signed-in user lands by default. */
export function homeFor(role: Role): string {
  switch (role) {
    case "CITIZEN":
      return "/ho-so-cua-toi";
    case "OFFICER":
    case "AGENCY_ADMIN":
      return "/can-bo";
    case "VPCP_ADMIN":
      return "/quan-tri";
  }
}
