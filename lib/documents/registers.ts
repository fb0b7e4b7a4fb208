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
import {
  pageOf,
  REGISTER_PAGE_SIZE,
  type RegisterFilters,
  type RegisterKey,
  type RegisterPage,
  type RegisterPageRequest,
} from "./register-paging";

export type { RegisterFilters };

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

/** The keyset bound of a page on (time, id), newest first, and the order to fetch it in. */
function keyset<K extends string>(column: K, req: RegisterPageRequest) {
  const desc = req.kind === "first" || req.kind === "after";
  const dir = desc ? "desc" : "asc";
  const orderBy = [{ [column]: dir }, { id: dir }] as Record<K | "id", "asc" | "desc">[];
  if (req.kind !== "after" && req.kind !== "before") return { where: {}, orderBy };
  const cmp = req.kind === "after" ? "lt" : "gt";
  return {
    where: { OR: [{ [column]: { [cmp]: req.at } }, { [column]: req.at, id: { [cmp]: req.id } }] },
    orderBy,
  };
}

/**
 * Runs a keyset page query; a "previous" page that turns out to be the first one (fewer rows before it than a
 * page holds, e.g. the register's newest rows were removed meanwhile) is read as the first page itself.
 */
async function paged<T>(
  req: RegisterPageRequest,
  fetch: (req: RegisterPageRequest) => Promise<T[]>,
  keyOf: (row: T) => RegisterKey,
  total: Promise<number>,
): Promise<RegisterPage<T>> {
  let rows = await fetch(req);
  if (req.kind === "before" && rows.length < REGISTER_PAGE_SIZE) {
    req = { kind: "first" };
    rows = await fetch(req);
  }
  return pageOf(req, rows, keyOf, await total);
}

const OUTGOING_INCLUDE = {
  recipients: { include: { agency: { select: { name: true, identifier: true } }, events: { orderBy: { at: "asc" } } } },
  attachments: { orderBy: { storageKey: "asc" }, select: { id: true, name: true, size: true, sha256: true } },
  replaces: { select: { documentKey: true, notation: true } },
} satisfies Prisma.DocumentInclude;

function outgoingWhere(user: CurrentUser, f: RegisterFilters): Prisma.DocumentWhereInput {
  const recipient = { ...(f.status ? { status: f.status } : {}), ...(f.agency ? { agency: { identifier: f.agency } } : {}) };
  return { senderAgencyId: user.agencyId!, ...documentFilters(f), ...(f.status || f.agency ? { recipients: { some: recipient } } : {}) };
}

/** A page of the sent register (sổ văn bản đi): what the agency sent, newest first, with each recipient's status history. */
export async function outgoingRegisterPage(user: CurrentUser, f: RegisterFilters = {}, req: RegisterPageRequest = { kind: "first" }) {
  if (user.agencyId == null) return { rows: [], total: 0 };
  const where = outgoingWhere(user, f);
  return paged(
    req,
    (r) => {
      const k = keyset("sentAt", r);
      return db.document.findMany({
        where: { AND: [where, k.where] },
        orderBy: k.orderBy,
        take: REGISTER_PAGE_SIZE + 1,
        include: OUTGOING_INCLUDE,
      });
    },
    (d) => ({ at: d.sentAt, id: d.id }),
    db.document.count({ where }),
  );
}

/** The first page of the sent register (its newest documents). */
export async function outgoingRegister(user: CurrentUser, f: RegisterFilters = {}) {
  return (await outgoingRegisterPage(user, f)).rows;
}

const INCOMING_INCLUDE = {
  document: {
    include: {
      senderAgency: { select: { name: true, identifier: true } },
      attachments: { orderBy: { storageKey: "asc" }, select: { id: true, name: true, size: true, sha256: true } },
      replaces: { select: { documentKey: true, notation: true } },
    },
  },
  events: { orderBy: { at: "asc" } },
} satisfies Prisma.DocumentRecipientInclude;

function incomingWhere(user: CurrentUser, f: RegisterFilters): Prisma.DocumentRecipientWhereInput {
  const range = dayRange(f);
  return {
    agencyId: user.agencyId!,
    ...(f.status ? { status: f.status } : {}),
    ...(range ? { arrivedAt: range } : {}),
    document: { ...documentFilters(f, true), ...(f.agency ? { senderAgency: { identifier: f.agency } } : {}) },
  };
}

/** A page of the incoming register (sổ văn bản đến): what reached the agency, newest first. */
export async function incomingRegisterPage(user: CurrentUser, f: RegisterFilters = {}, req: RegisterPageRequest = { kind: "first" }) {
  if (user.agencyId == null) return { rows: [], total: 0 };
  const where = incomingWhere(user, f);
  return paged(
    req,
    (r) => {
      const k = keyset("arrivedAt", r);
      return db.documentRecipient.findMany({
        where: { AND: [where, k.where] },
        orderBy: k.orderBy,
        take: REGISTER_PAGE_SIZE + 1,
        include: INCOMING_INCLUDE,
      });
    },
    (r) => ({ at: r.arrivedAt, id: r.id }),
    db.documentRecipient.count({ where }),
  );
}

/** The first page of the incoming register (its newest arrivals). */
export async function incomingRegister(user: CurrentUser, f: RegisterFilters = {}) {
  return (await incomingRegisterPage(user, f)).rows;
}

/** How many copies the agency holds whose sender asks them back (13) and await its answer. */
export async function pendingRecallCount(user: CurrentUser): Promise<number> {
  if (user.agencyId == null) return 0;
  return db.documentRecipient.count({ where: { agencyId: user.agencyId, status: "13" } });
}
