// The receiving side of the exchange for an agency's own system: the documents waiting for it (inbox), its
// proof of receipt (acknowledgement), and for a sender each recipient's status of a document it sent. Every
// query is scoped to the actor's agency: anything else is "not found".
import "server-only";
import { createHash } from "node:crypto";
import { z } from "zod";
import { actorAgencyId, actorCan, type Actor } from "@/lib/auth/actor";
import { defineUseCase, unexpectedOr } from "@/lib/auth/door";
import type { Permission } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { AppError, type ActionResult } from "@/lib/errors/app-error";
import { authText } from "@/lib/i18n/vi/auth";
import { documentExchangeText as t } from "@/lib/i18n/vi/document-exchange";
import { toEdXml } from "./edxml";
import { inboxItems, recipientForMessage, type InboxItem } from "./message";

const notFound = () => new AppError("not_found", t.notFound);
const isUuid = (v: string) => z.uuid().safeParse(v).success;

/** A read for the actor's agency, when the actor may do `permission`; its refusals as data. */
async function readFor<R>(
  actor: Actor,
  permission: Permission,
  where: string,
  work: (agencyId: number) => Promise<R>,
): Promise<ActionResult<R>> {
  const agencyId = actorAgencyId(actor);
  if (agencyId == null || !actorCan(actor, permission)) return new AppError("forbidden", authText.forbiddenTitle).toFailure();
  try {
    return { ok: true, data: await work(agencyId) };
  } catch (err) {
    return unexpectedOr(err, where);
  }
}

export const INBOX_MAX_LIMIT = 50;

export interface Inbox {
  items: InboxItem[] | { recipientId: string; documentKey: string; sha256: string; edxml: string }[];
  /** Size and sha256 of the answer as JSON: what left the portal, for the exchange log. */
  size: number;
  sha256: string;
}

/** Documents addressed to the actor's agency and not yet acknowledged, oldest first (JSON or edXML). */
export async function documentInbox(
  actor: Actor,
  query: { since?: Date; limit: number; format?: "json" | "edxml" },
): Promise<ActionResult<Inbox>> {
  return readFor(actor, "document.receive", "document.inbox", async (agencyId) => {
    const rows = await db.documentRecipient.findMany({
      where: { agencyId, acknowledgedAt: null, ...(query.since ? { arrivedAt: { gte: query.since } } : {}) },
      orderBy: [{ arrivedAt: "asc" }, { id: "asc" }],
      take: Math.min(Math.max(1, query.limit), INBOX_MAX_LIMIT),
      include: recipientForMessage,
    });
    const items = await inboxItems(rows);
    const body =
      query.format === "edxml"
        ? items.map((i) => ({ recipientId: i.recipientId, documentKey: i.documentKey, sha256: i.sha256, edxml: toEdXml(i.document) }))
        : items;
    const json = JSON.stringify(body);
    return { items: body, size: Buffer.byteLength(json), sha256: createHash("sha256").update(json).digest("hex") };
  });
}

/** Proof of receipt: marks the agency's copy acknowledged and echoes the sha256 of the message received. */
export const acknowledgeDocument = defineUseCase({
  name: "document.acknowledge",
  permission: "document.receive",
  schema: z.object({ recipientId: z.string().max(100) }),
  entityType: "document_recipient",
  async run({ recipientId }, { tx, actor }) {
    if (!isUuid(recipientId)) throw notFound();
    const r = await tx.documentRecipient.findUnique({
      where: { id: recipientId },
      include: { document: { select: { documentKey: true, sha256: true } } },
    });
    if (!r || r.agencyId !== actorAgencyId(actor)) throw notFound();
    // A repeated acknowledgement keeps the first time: it answers the same, so a lost answer can be retried.
    if (!r.acknowledgedAt)
      await tx.documentRecipient.updateMany({ where: { id: r.id, acknowledgedAt: null }, data: { acknowledgedAt: new Date() } });
    const current = await tx.documentRecipient.findUniqueOrThrow({ where: { id: r.id }, select: { acknowledgedAt: true } });
    const result = {
      recipientId: r.id,
      documentKey: r.document.documentKey,
      sha256: r.document.sha256,
      acknowledgedAt: current.acknowledgedAt!.toISOString(),
    };
    return { result, entityId: r.id, details: { documentKey: r.document.documentKey, repeated: r.acknowledgedAt !== null } };
  },
});

/** The sender's view of one document it sent: each recipient's status and history. */
export async function sentDocumentStatuses(actor: Actor, documentKey: string) {
  return readFor(actor, "document.send", "document.sent-statuses", async (agencyId) => {
    const d = await db.document.findUnique({
      where: { documentKey },
      include: {
        recipients: {
          include: { agency: { select: { identifier: true, name: true } }, events: { orderBy: { id: "asc" } } },
          orderBy: { id: "asc" },
        },
      },
    });
    if (!d || d.senderAgencyId !== agencyId) throw notFound();
    return {
      documentKey: d.documentKey,
      sha256: d.sha256,
      recipients: d.recipients.map((r) => ({
        recipientId: r.id,
        organId: r.agency.identifier,
        organName: r.agency.name,
        status: r.status,
        acknowledgedAt: r.acknowledgedAt?.toISOString() ?? null,
        history: r.events.map((e) => ({
          status: e.status,
          at: e.at.toISOString(),
          staff: e.staffName ? { name: e.staffName, ...(e.department ? { department: e.department } : {}) } : null,
          ...(e.description ? { description: e.description } : {}),
        })),
      })),
    };
  });
}
