// The one place a dossier changes status. Everyone (citizen actions, officers' actions, payment
// callbacks) comes here: lock the row, check the version, ask the state machine, update, append the
// chained event, tell the applicant. Officers' permission and agency checks wrap this (lib/dossiers/officer).
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors/app-error";
import type { Role } from "@/lib/auth/permissions";
import { loadCalendar } from "@/lib/calendar/store";
import { dueDate } from "@/lib/calendar/working-days";
import type { Tx } from "@/lib/db/client";
import { localDate } from "@/lib/calendar/time";
import { formatDate } from "@/lib/format";
import { dossierText } from "@/lib/i18n/vi/dossiers";
import { notifyUser } from "@/lib/notify/notify";
import { applicantEmailOf } from "./applicant-contact";
import { appendEvent } from "./events";
import { dossierHref, sectionForStatus } from "./next-step";
import { actionFrom, decide, missingRequirements, type Action, type ActionPayload, type ActorKind } from "./state-machine";
import { isStatus, STATUS, statusName, type Status } from "./status";

export interface TransitionActor {
  kind: ActorKind;
  id?: string | null;
  role?: Role | null;
  agencyId?: number | null;
}

export interface TransitionInput {
  dossierId: string;
  action: Action;
  actor: TransitionActor;
  /** The version the actor saw; a different current version means someone acted first. */
  expectedVersion?: number;
  payload?: ActionPayload;
  note?: string | null;
  data?: Prisma.InputJsonValue;
}

interface LockedRow {
  id: string;
  code: string;
  status: number;
  version: number;
  applicant_id: string | null;
  processing_days: number;
  /** The due date in force (lib/dossiers/due.ts). */
  due_at: Date | null;
}

export async function lockDossier(tx: Tx, dossierId: string): Promise<LockedRow> {
  const rows = await tx.$queryRaw<LockedRow[]>`
    SELECT id, code, status, version, applicant_id, processing_days, due_at FROM dossier WHERE id = ${dossierId}::uuid FOR UPDATE`;
  const row = rows[0];
  if (!row) throw new AppError("not_found", dossierText.notFound);
  return row;
}

export async function applyTransition(
  tx: Tx,
  input: TransitionInput,
): Promise<{ from: Status; to: Status; version: number; code: string }> {
  const row = await lockDossier(tx, input.dossierId);
  if (input.expectedVersion !== undefined && input.expectedVersion !== row.version) throw new AppError("conflict", dossierText.changed);
  if (!isStatus(row.status)) throw new Error(`dossier ${row.code} has status ${row.status}`);
  const decision = decide(row.status, input.action, input.actor.kind, input.payload);
  if (!decision.ok) {
    // Every field missing at once, each named, so the form is fixed in one go.
    const missing = decision.refusal.startsWith("missing_") ? missingRequirements(input.action, input.payload) : [];
    const field = missing.length
      ? Object.fromEntries(missing.map((m) => [m.slice("missing_".length), dossierText.refusalFor(m, input.action)]))
      : undefined;
    const message =
      decision.refusal === "wrong_status"
        ? dossierText.wrongStatus(input.action, row.status, actionFrom(input.action))
        : dossierText.refusalFor(decision.refusal, input.action);
    throw new AppError(decision.refusal === "wrong_actor" ? "forbidden" : "invalid", message, field, `dossier.${decision.refusal}`);
  }
  const now = new Date();
  const data: Prisma.DossierUpdateInput = { status: decision.to, version: { increment: 1 } };
  /** How this step moved the date in force, recorded on its event (the timeline shows "old → new"). */
  let dueChange: { previousDate: string | null; newDate: string } | null = null;
  if (input.action === "receive") {
    data.receivedAt = now;
    // The legal deadline and the date in force start together; only an apology sets them apart.
    data.dueAt = data.legalDueAt = dueDate(now, row.processing_days, await loadCalendar(tx, now)).dueAt;
  } else if (input.action === "supply") {
    // Both deadlines restart from the day the missing papers arrive.
    const due = dueDate(now, row.processing_days, await loadCalendar(tx, now));
    data.dueAt = data.legalDueAt = due.dueAt;
    dueChange = { previousDate: row.due_at ? localDate(row.due_at) : null, newDate: due.date };
  } else if (input.action === "finish") data.finishedAt = now;
  else if (input.action === "returnResult") data.returnedAt = now;
  else if (input.action === "withdraw") {
    data.withdrawnAt = now;
    // A withdrawn dossier takes no more money: open payments are cancelled, and what was paid is due back.
    await tx.payment.updateMany({ where: { dossierId: row.id, status: "PENDING" }, data: { status: "CANCELLED", failedAt: now } });
    await tx.payment.updateMany({ where: { dossierId: row.id, status: "PAID", refundDueAt: null }, data: { refundDueAt: now } });
  }
  const updated = await tx.dossier.update({
    where: { id: row.id },
    data,
    select: { version: true, answers: true, applicant: { select: { email: true } }, service: { select: { name: true } } },
  });
  await appendEvent(tx, {
    dossierId: row.id,
    action: input.action,
    fromStatus: row.status,
    toStatus: decision.to,
    actorId: input.actor.id,
    actorRole: input.actor.role,
    agencyId: input.actor.agencyId,
    note: input.note ?? input.payload?.reason ?? null,
    // What the action carried (the papers asked for, the amount due) is part of the record.
    data: {
      ...(typeof input.data === "object" && input.data !== null && !Array.isArray(input.data) ? input.data : {}),
      ...(input.payload?.papers ? { papers: input.payload.papers.map((p) => p.trim()).filter(Boolean) } : {}),
      ...(input.note && input.payload?.reason ? { reason: input.payload.reason } : {}),
      ...(input.payload?.amount ? { amount: input.payload.amount } : {}),
      ...(dueChange ?? {}),
    },
  });
  const status = statusName(decision.to);
  await notifyUser(tx, {
    userId: row.applicant_id,
    email: updated.applicant?.email ?? applicantEmailOf(updated.answers),
    dossierId: row.id,
    title: dossierText.notifyTitle(row.code, status),
    body: `${updated.service.name}: ${status}.${input.note || input.payload?.reason ? ` ${input.note ?? input.payload?.reason}` : ""}${
      (decision.to === STATUS.RECEIVED || dueChange) && data.dueAt instanceof Date
        ? ` Ngày hẹn trả kết quả: ${formatDate(data.dueAt)}.`
        : ""
    }`,
    // Straight to the section about the new status (the papers asked for, the fees, the result).
    link: dossierHref(row.code, sectionForStatus(decision.to)),
  });
  return { from: row.status, to: decision.to, version: updated.version, code: row.code };
}
