// The agency's document registers as its clerks read them: the sent register (sổ văn bản đi) with each
// recipient's status history, the incoming register (sổ văn bản đến), their filters, and an attachment's
// bytes. Every query is scoped to the user's agency: a document neither sent nor received by it is absent.
import "server-only";
import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import { isAgencyIdentifier } from "@/lib/agencies/identifier";
import type { CurrentUser } from "@/lib/auth/current-user";
import { fold } from "@/lib/catalog/fold";
import { db } from "@/lib/db/client";
import { storedBytes } from "@/lib/files/storage";
import { DOCUMENT_TYPES } from "./types";
import { isIsoDate } from "@/lib/calendar/time";

export interface RegisterFilters {
  q?: string;
  from?: string;
  to?: string;
  typeCode?: string;
  priority?: number;
  status?: string;
  /** The other side: the sender (incoming register) or a recipient (sent register), by QCVN 102 identifier. */
  agency?: string;
}

/** The register filters in a page's query string; anything malformed is ignored rather than failing the page. */
export function parseRegisterFilters(sp: Record<string, string | string[] | undefined>): RegisterFilters {
  const one = (k: string) => (typeof sp[k] === "string" ? (sp[k] as string).trim() : "");
  const f: RegisterFilters = {};
  if (one("q")) f.q = one("q").slice(0, 100);
  if (isIsoDate(one("tu-ngay"))) f.from = one("tu-ngay");
  if (isIsoDate(one("den-ngay"))) f.to = one("den-ngay");
  if (one("loai") && (one("loai") === "CV" || DOCUMENT_TYPES.some((t) => t.code === one("loai")))) f.typeCode = one("loai");
  if (/^[0-3]$/.test(one("do-khan"))) f.priority = Number(one("do-khan"));
  if (/^\d{2}$/.test(one("trang-thai"))) f.status = one("trang-thai");
  if (isAgencyIdentifier(one("co-quan"))) f.agency = one("co-quan");
  return f;
}

/** The filter's days in Vietnam time, as a range of instants (undefined without dates). */
function dayRange(f: RegisterFilters): { gte?: Date; lt?: Date } | undefined {
  const day = 86_400_000;
  if (!f.from && !f.to) return undefined;
  return {
    ...(f.from ? { gte: new Date(`${f.from}T00:00:00+07:00`) } : {}),
    ...(f.to ? { lt: new Date(new Date(`${f.to}T00:00:00+07:00`).getTime() + day) } : {}),
  };
}

/** Type, urgency and text filters; dates apply to sending (sent register) or arrival (incoming register). */
function documentFilters(f: RegisterFilters, byArrival = false): Prisma.DocumentWhereInput {
  const range = byArrival ? undefined : dayRange(f);
  return {
    ...(f.typeCode ? { typeCode: f.typeCode } : {}),
    ...(f.priority != null ? { priority: f.priority } : {}),
    ...(range ? { sentAt: range } : {}),
    ...(f.q ? { OR: [{ notation: { contains: f.q } }, { subjectSearch: { contains: fold(f.q) } }] } : {}),
  };
}

/** An attachment's bytes for a user of the sending or a receiving agency; null for anyone else. */
export async function readDocumentAttachment(user: CurrentUser | null, id: string) {
  if (!user?.agencyId || !z.uuid().safeParse(id).success) return null;
  const a = await db.documentAttachment.findUnique({
    where: { id },
    include: { document: { select: { senderAgencyId: true, recipients: { where: { agencyId: user.agencyId }, select: { id: true } } } } },
  });
  if (!a || (a.document.senderAgencyId !== user.agencyId && a.document.recipients.length === 0)) return null;
  const bytes = await storedBytes(a.storageKey);
  return bytes ? { file: a, bytes } : null;
}

/** The sent register (sổ văn bản đi): what the agency sent, with each recipient's status history. */
export async function outgoingRegister(user: CurrentUser, f: RegisterFilters = {}, take = 50) {
  if (user.agencyId == null) return [];
  const recipient = { ...(f.status ? { status: f.status } : {}), ...(f.agency ? { agency: { identifier: f.agency } } : {}) };
  return db.document.findMany({
    where: { senderAgencyId: user.agencyId, ...documentFilters(f), ...(f.status || f.agency ? { recipients: { some: recipient } } : {}) },
    orderBy: { sentAt: "desc" },
    take,
    include: {
      recipients: { include: { agency: { select: { name: true, identifier: true } }, events: { orderBy: { at: "asc" } } } },
      attachments: { orderBy: { storageKey: "asc" }, select: { id: true, name: true, size: true, sha256: true } },
      replaces: { select: { documentKey: true, notation: true } },
    },
  });
}

/** The incoming register (sổ văn bản đến): what reached the agency, newest first. */
export async function incomingRegister(user: CurrentUser, f: RegisterFilters = {}, take = 50) {
  if (user.agencyId == null) return [];
  return db.documentRecipient.findMany({
    where: {
      agencyId: user.agencyId,
      ...(f.status ? { status: f.status } : {}),
      ...(dayRange(f) ? { arrivedAt: dayRange(f) } : {}),
      document: { ...documentFilters(f, true), ...(f.agency ? { senderAgency: { identifier: f.agency } } : {}) },
    },
    orderBy: [{ arrivedAt: "desc" }],
    take,
    include: {
      document: {
        include: {
          senderAgency: { select: { name: true, identifier: true } },
          attachments: { orderBy: { storageKey: "asc" }, select: { id: true, name: true, size: true, sha256: true } },
          replaces: { select: { documentKey: true, notation: true } },
        },
      },
      events: { orderBy: { at: "asc" } },
    },
  });
}
