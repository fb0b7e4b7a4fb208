// An agency administrator's services: the paged, searchable list, one service for its edit page, and the update of
// what the agency decides for itself (published, online level, the online channel's processing days and standard fee).
// Scoped to the administrator's agency here: another agency's service reads as not found. Dossiers keep a snapshot of
// the schedule they were filed under, so an update never changes a case in flight.
import "server-only";
import { z } from "zod";
import { Prisma } from "@/lib/generated/prisma/client";
import { defineUseCase, AppError } from "@/lib/auth/door";
import type { CurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { cleanQuery } from "@/lib/catalog/fold";
import { Channel } from "@/lib/catalog/records";
import { db } from "@/lib/db/client";
import { authText } from "@/lib/i18n/vi/auth";
import { agencyAdminText } from "@/lib/i18n/vi/agency-admin";
import { expireCatalogEverywhere } from "@/lib/cache/shared-tags";

const e = agencyAdminText.errors;

const SERVICES_PAGE_SIZE = 25;
const MAX_PROCESSING_DAYS = 365;
/** A bound far above any fee in the schedules, and well inside the 32-bit amount columns. */
const MAX_FEE = 1_000_000_000;

interface AgencyServiceRow {
  id: number;
  code: string;
  name: string;
  onlineLevel: number;
  published: boolean;
  settingsVersion: number;
  /** The online channel's time and standard fee; null when the service has no online channel yet. */
  processingDays: number | null;
  feeAmount: number | null;
}

export interface AgencyServicePage {
  items: AgencyServiceRow[];
  total: number;
  page: number;
  pages: number;
}

export interface AgencyServiceDetail extends AgencyServiceRow {
  feeDescription: string | null;
}

const Channels = z.array(Channel);

/** The channel the filing pages use: the online one (filing falls back to the first, which an edit then replaces). */
function onlineChannel(channels: Channel[]): Channel | undefined {
  return channels.find((c) => c.kind === "online");
}

function readChannels(raw: Prisma.JsonValue): Channel[] {
  const parsed = Channels.safeParse(raw);
  return parsed.success ? parsed.data : [];
}

function toRow(s: {
  id: number;
  code: string;
  name: string;
  onlineLevel: number;
  published: boolean;
  settingsVersion: number;
  channels: Prisma.JsonValue;
}): AgencyServiceDetail {
  const online = onlineChannel(readChannels(s.channels));
  return {
    id: s.id,
    code: s.code,
    name: s.name,
    onlineLevel: s.onlineLevel,
    published: s.published,
    settingsVersion: s.settingsVersion,
    processingDays: online?.processingDays ?? null,
    feeAmount: online ? (online.fees[0]?.amount ?? 0) : null,
    feeDescription: online?.fees[0]?.description ?? null,
  };
}

function agencyOfReader(admin: CurrentUser): number | null {
  if (!can(admin, "agency.manageServices")) throw new AppError("forbidden", authText.forbiddenTitle);
  return admin.agencyId;
}

/**
 * One page of the agency's services in name order, optionally those whose name contains `q` without regard to
 * diacritics (portal_fold on both sides, as the search column is kept). An agency has thousands of services at
 * most, so numbered pages over the (agency_id, search_text, id) index are cheap enough and easier to use.
 */
export async function listAgencyServices(admin: CurrentUser, opts: { q?: string; page?: number } = {}): Promise<AgencyServicePage> {
  const agencyId = agencyOfReader(admin);
  if (agencyId == null) return { items: [], total: 0, page: 1, pages: 1 };
  const q = cleanQuery(opts.q);
  // strpos rather than LIKE: "%" or "_" typed in the box match themselves, and within one agency's rows (the
  // agency_id index narrows to them) a substring test is as quick as the trigram index would be.
  const match = q ? Prisma.sql`AND strpos(s.search_text, portal_fold(${q})) > 0` : Prisma.empty;
  const [{ n }] = await db.$queryRaw<[{ n: bigint }]>`SELECT count(*) AS n FROM service s WHERE s.agency_id = ${agencyId} ${match}`;
  const total = Number(n);
  const pages = Math.max(1, Math.ceil(total / SERVICES_PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.trunc(opts.page ?? 1) || 1), pages);
  const rows = await db.$queryRaw<
    {
      id: number;
      code: string;
      name: string;
      onlineLevel: number;
      published: boolean;
      settingsVersion: number;
      channels: Prisma.JsonValue;
    }[]
  >`
    SELECT s.id, s.code, s.name, s.online_level AS "onlineLevel", s.published, s.settings_version AS "settingsVersion", s.channels
    FROM service s WHERE s.agency_id = ${agencyId} ${match}
    ORDER BY s.search_text, s.id
    LIMIT ${SERVICES_PAGE_SIZE} OFFSET ${(page - 1) * SERVICES_PAGE_SIZE}`;
  return { items: rows.map(toRow), total, page, pages };
}

/** One service of the administrator's agency, for its edit page; null for an unknown code or another agency's service. */
export async function getAgencyService(admin: CurrentUser, code: string): Promise<AgencyServiceDetail | null> {
  const agencyId = agencyOfReader(admin);
  if (agencyId == null) return null;
  const s = await db.service.findFirst({
    where: { code, agencyId },
    select: { id: true, code: true, name: true, onlineLevel: true, published: true, settingsVersion: true, channels: true },
  });
  return s ? toRow(s) : null;
}

/**
 * A whole number as typed: plain digits, or with "." "," or spaces between groups of three (Vietnamese writes
 * 50.000 đồng), so that 50.000 is never read as fifty.
 */
function wholeNumber(message: string, min: number, max: number, groups: boolean) {
  return z.union([z.number(), z.string()], { error: message }).transform((v, ctx) => {
    let n: number;
    if (typeof v === "number") n = v;
    else {
      const s = v.trim();
      const ok = groups ? /^\d{1,3}(?:([.,\s])\d{3}(?:\1\d{3})*)?$|^\d+$/.test(s) : /^\d+$/.test(s);
      n = ok ? Number(s.replace(/[.,\s]/g, "")) : NaN;
    }
    if (!Number.isSafeInteger(n) || n < min || n > max) {
      ctx.addIssue({ code: "custom", message });
      return z.NEVER;
    }
    return n;
  });
}

/** What an administrator may change on one of the agency's services. */
const ServiceSettings = z.object({
  code: z.string({ error: e.serviceNotFound }).trim().min(1, e.serviceNotFound).max(40, e.serviceNotFound),
  /** The version the form was showing: a change made meanwhile by someone else is not silently overwritten. */
  settingsVersion: wholeNumber(e.staleVersion, 1, 2 ** 31 - 1, false),
  published: z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")], { error: e.published }),
  onlineLevel: z.union([z.literal(3), z.literal(4), z.enum(["3", "4"]).transform(Number)], { error: e.onlineLevel }),
  processingDays: wholeNumber(e.processingDays, 1, MAX_PROCESSING_DAYS, false),
  feeAmount: wholeNumber(e.feeAmount, 0, MAX_FEE, true),
});
type ServiceSettings = z.output<typeof ServiceSettings>;

/** The fields of the edit form, kept as typed when it is refused. */
export const SERVICE_FORM_FIELDS = ["published", "onlineLevel", "processingDays", "feeAmount"] as const;

/** The channels with the online one's processing days and standard fee set (an online channel is added if missing). */
function withOnlineSchedule(channels: Channel[], processingDays: number, feeAmount: number): Channel[] {
  const i = channels.findIndex((c) => c.kind === "online");
  const base: Channel = i >= 0 ? channels[i]! : { kind: "online", processingDays, fees: channels[0]?.fees ?? [] };
  // The first line of a schedule is the standard fee (the other lines are reductions and extras, left as they are).
  // No line is invented for a free service.
  const fees =
    base.fees.length > 0
      ? [{ ...base.fees[0]!, amount: feeAmount }, ...base.fees.slice(1)]
      : feeAmount > 0
        ? [{ description: agencyAdminText.services.defaultFeeDescription, amount: feeAmount }]
        : [];
  const online: Channel = { ...base, processingDays, fees };
  return i >= 0 ? channels.map((c, j) => (j === i ? online : c)) : [...channels, online];
}

export const updateAgencyService = defineUseCase({
  name: "service.update",
  permission: "agency.manageServices",
  schema: ServiceSettings,
  entityType: "service",
  async run(input, { tx, user }) {
    if (user?.agencyId == null) throw new AppError("forbidden", e.noAgency);
    const s = await tx.service.findFirst({ where: { code: input.code, agencyId: user.agencyId } });
    if (!s) throw new AppError("not_found", e.serviceNotFound);
    if (s.settingsVersion !== input.settingsVersion) throw new AppError("conflict", e.staleVersion);

    const before = toRow(s);
    // Strict here: rewriting a schedule that could not be read would lose its other channels.
    const channels = Channels.parse(s.channels);
    const nextChannels = withOnlineSchedule(channels, input.processingDays, input.feeAmount);
    const changed =
      before.published !== input.published ||
      before.onlineLevel !== input.onlineLevel ||
      JSON.stringify(channels) !== JSON.stringify(nextChannels);
    if (!changed)
      return {
        result: { code: s.code, settingsVersion: s.settingsVersion, changed: false },
        entityId: String(s.id),
        details: { changed: false },
      };

    // Conditional on the version read above: of two administrators saving at once, the second is refused.
    const updated = await tx.service.updateMany({
      where: { id: s.id, settingsVersion: s.settingsVersion },
      data: {
        published: input.published,
        onlineLevel: input.onlineLevel,
        channels: nextChannels,
        settingsVersion: { increment: 1 },
      },
    });
    if (updated.count !== 1) throw new AppError("conflict", e.staleVersion);
    await expireCatalogEverywhere(tx);
    const after = {
      published: input.published,
      onlineLevel: input.onlineLevel,
      processingDays: input.processingDays,
      feeAmount: input.feeAmount,
    };
    return {
      result: { code: s.code, settingsVersion: s.settingsVersion + 1, changed: true },
      entityId: String(s.id),
      details: {
        code: s.code,
        settingsVersion: s.settingsVersion + 1,
        before: {
          published: before.published,
          onlineLevel: before.onlineLevel,
          processingDays: before.processingDays,
          feeAmount: before.feeAmount,
        },
        after,
      },
    };
  },
});
