// Every action the audit trail can record, and every kind of thing it records them about: closed lists, so
// that a new use case (lib/auth/door.ts `name`) or a new direct entry (lib/audit/record.ts) cannot be written
// without being added here, and then cannot build without its words (lib/i18n/vi/audit.ts, a
// Record over these unions). A refused permission is audited under the permission's own name. Pure.
import { ALL_PERMISSIONS, type Permission } from "@/lib/auth/permissions";

/** Names of the use cases (defineUseCase) and of the entries written outside one. */
export const AUDIT_EVENTS = [
  // Accounts and sign-in
  "account.register",
  "account.verifyEmail",
  "account.requestPasswordReset",
  "account.resetPassword",
  "account.changePassword",
  "account.signOutEverywhere",
  "auth.signIn",
  "auth.eidSignIn",
  "auth.eidClaimCccd",
  "auth.secondFactor.enrolStart",
  "auth.secondFactor.enrol",
  "auth.secondFactor.verify",
  "auth.secondFactor.recoveryCodes",
  "auth.secondFactor.disable",
  "auth.secondFactor.reset",
  // The audit trail itself (the genesis entry written by migration 20261207110000_audit_chain)
  "audit.chainStart",
  // Agencies, officers, services
  "agency.create",
  "agency.update",
  "agency.retire",
  "agency.applySuccession",
  "officer.create",
  "officer.setDisabled",
  "service.update",
  "service.intakeMode",
  "apikey.issue",
  "apikey.rotate",
  "apikey.revoke",
  // Citizens' filing
  "draft.save",
  "draft.upgrade",
  "attachment.upload",
  "attachment.reuse",
  "attachment.remove",
  "dossier.submit",
  "dossier.supply",
  "dossier.withdraw",
  "dossier.rate",
  "payment.start",
  "payment.confirm",
  "paper.edit",
  "paper.delete",
  "organisation.create",
  "organisation.update",
  "organisation.addMember",
  "organisation.removeMember",
  "organisation.leave",
  // Officers' work
  "dossier.act",
  "dossier.assign",
  "dossier.transfer",
  "dossier.apologize",
  "queue.saveFilter",
  "queue.deleteFilter",
  "feedback.submit",
  "feedback.accept",
  "feedback.refuse",
  "feedback.forward",
  "feedback.reroute",
  "feedback.draft",
  "feedback.sendBack",
  "feedback.approve",
  // Documents and dossier sync with agencies' systems
  "document.send",
  "document.status",
  "document.acknowledge",
  "document.recall-all",
  "document.endpoint.save",
  "document.endpoint.remove",
  "document.endpoint.secret",
  "dossier.syncEndpoint.save",
  "dossier.sync.create",
  "dossier.sync.status",
  "dossier.sync.get",
  "dossier.sync.acknowledge",
  "dossier.sync.reconcile",
  "outbox.resend",
  // VPCP administration
  "monitoring.recordConnection",
  "calendar.saveDay",
  "calendar.deleteDay",
  "calendar.addSuggested",
  "catalog.saveSynonym",
  "catalog.deleteSynonym",
  "catalog.saveFaq",
  "catalog.deleteFaq",
  "form.draft",
  "form.save",
  "form.publish",
  "form.discard",
  "priorityList.create",
  "priorityList.addEntry",
  "priorityList.removeEntry",
  "priorityList.advance",
  "priorityList.comment",
  "milestone.update",
  "inspection.plan",
  "inspection.findings",
  "inspection.addFollowUp",
  "inspection.completeFollowUp",
] as const;

export type AuditEvent = (typeof AUDIT_EVENTS)[number];

/** What an audit entry's `action` holds: a use case or direct entry, or the permission a refused attempt lacked. */
export type AuditAction = AuditEvent | Permission;

export const AUDIT_ACTIONS: readonly AuditAction[] = [...new Set<AuditAction>([...AUDIT_EVENTS, ...ALL_PERMISSIONS])];

/** What an entry is about (`entity_type`). */
export const AUDIT_ENTITY_TYPES = [
  "agency",
  "agency_connection_record",
  "api_key",
  "attachment",
  "audit_event",
  "calendar_day",
  "calendar_year",
  "document",
  "document_endpoint",
  "document_recipient",
  "dossier",
  "draft",
  "feedback",
  "form_version",
  "inspection",
  "milestone",
  "organisation",
  "outbox_message",
  "payment",
  "priority_list",
  "queue_saved_filter",
  "rate_limit",
  "route",
  "search_synonym",
  "faq",
  "service",
  "stored_paper",
  "sync_endpoint",
  "sync_reconciliation",
  "upload",
  "use_case",
  "user",
] as const;

export type AuditEntityType = (typeof AUDIT_ENTITY_TYPES)[number];

export const AUDIT_OUTCOMES = ["ok", "denied", "failed"] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

/** Who acted (lib/auth/actor.ts Actor["kind"]). */
export const AUDIT_ACTOR_KINDS = ["user", "agency_system", "gateway", "job", "anonymous"] as const;
export type AuditActorKind = (typeof AUDIT_ACTOR_KINDS)[number];

export const isAuditAction = (v: string): v is AuditAction => (AUDIT_ACTIONS as readonly string[]).includes(v);
export const isAuditEntityType = (v: string): v is AuditEntityType => (AUDIT_ENTITY_TYPES as readonly string[]).includes(v);
