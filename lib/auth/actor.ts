// Who is acting. Every caller resolves one before it calls a use case: a web action from the session
// cookie (lib/auth/session-actor.ts), the agency API from its key, a payment gateway from its verified
// callback, a job from its name. Use cases never read a cookie or a header; they get an Actor. Pure.
import { can, type Permission, type Role } from "./permissions";
import type { SessionUser } from "./sessions";

export type Actor =
  | { kind: "user"; user: SessionUser }
  /** An agency's own document-management or one-stop system, authenticated by an API key. */
  | { kind: "agency_system"; agencyId: number; apiKeyId: string }
  /** A payment gateway whose callback was verified (signature, amount). */
  | { kind: "gateway"; gatewayId: string }
  /** Work outside requests (the outbox worker, scheduled jobs). */
  | { kind: "job"; name: string }
  | { kind: "anonymous" };

const ANONYMOUS: Actor = { kind: "anonymous" };

/** What each non-user actor may do: a short list, like the roles'. */
const SYSTEM_PERMISSIONS: Record<Exclude<Actor["kind"], "user" | "anonymous">, readonly Permission[]> = {
  // dossier.sync / dossier.syncOut: the dossier sync API of an agency's one-stop system (issue 17, lib/sync).
  agency_system: ["document.send", "document.receive", "dossier.sync", "dossier.syncOut"],
  gateway: ["payment.confirm"],
  // Jobs act through their own modules today (the outbox worker); none is granted a use case yet.
  job: [],
};

export function userActor(user: SessionUser | null): Actor {
  return user ? { kind: "user", user } : ANONYMOUS;
}

export function actorCan(actor: Actor, permission: Permission): boolean {
  switch (actor.kind) {
    case "user":
      return can(actor.user, permission);
    case "anonymous":
      return false;
    default:
      return SYSTEM_PERMISSIONS[actor.kind].includes(permission);
  }
}

/** The signed-in human, when the actor is one. */
export function actorUser(actor: Actor): SessionUser | null {
  return actor.kind === "user" ? actor.user : null;
}

/** The agency the actor acts for: an officer's or administrator's, an agency system's; null otherwise. */
export function actorAgencyId(actor: Actor): number | null {
  if (actor.kind === "user") return actor.user.agencyId;
  if (actor.kind === "agency_system") return actor.agencyId;
  return null;
}

/** How the audit trail names the actor. */
export function auditActor(actor: Actor): {
  actorId: string | null;
  actorRole: Role | null;
  actorKind: Actor["kind"];
  actorRef: string | null;
  actorAgencyId: number | null;
} {
  const ref =
    actor.kind === "agency_system" ? actor.apiKeyId : actor.kind === "gateway" ? actor.gatewayId : actor.kind === "job" ? actor.name : null;
  return {
    actorId: actor.kind === "user" ? actor.user.id : null,
    actorRole: actor.kind === "user" ? actor.user.role : null,
    actorKind: actor.kind,
    actorRef: ref,
    actorAgencyId: actorAgencyId(actor),
  };
}
