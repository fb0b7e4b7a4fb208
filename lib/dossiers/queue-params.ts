// The officer's queue as URL parameters, both ways: what the queue page, a saved filter and a dossier page
// opened from the queue (?tu-hang-doi=…) read, and how they write it back. Pure: client and server.
import { isIsoDate } from "@/lib/calendar/time";
import { STATUS } from "./status";

/** Queue tabs: the situations an officer works through, on the national status codes; "tat-ca" is every one. */
export const QUEUE_TABS = [
  { slug: "cho-tiep-nhan", label: "Chờ tiếp nhận", statuses: [STATUS.NEW], open: true },
  { slug: "da-tiep-nhan", label: "Đã tiếp nhận", statuses: [STATUS.RECEIVED], open: true },
  { slug: "dang-xu-ly", label: "Đang xử lý", statuses: [STATUS.PROCESSING], open: true },
  { slug: "cho-bo-sung", label: "Chờ bổ sung", statuses: [STATUS.SUPPLEMENT_REQUESTED], open: true },
  { slug: "cho-nghia-vu-tai-chinh", label: "Chờ nghĩa vụ tài chính", statuses: [STATUS.FEES_REQUESTED], open: true },
  { slug: "dung-xu-ly", label: "Dừng xử lý", statuses: [STATUS.STOPPED], open: false },
  { slug: "da-xu-ly-xong", label: "Đã xử lý xong", statuses: [STATUS.DONE], open: false },
  { slug: "da-tra-ket-qua", label: "Đã trả kết quả", statuses: [STATUS.RETURNED], open: false },
  { slug: "khong-tiep-nhan-rut", label: "Từ chối, rút hồ sơ", statuses: [STATUS.REFUSED, STATUS.WITHDRAWN], open: false },
] as const;

/** Every status at once: where a search across all tabs lists its matches, each row with its status. */
export const ALL_TAB = { slug: "tat-ca", label: "Tất cả" } as const;

type StatusTab = (typeof QUEUE_TABS)[number]["slug"];
export type QueueTab = StatusTab | typeof ALL_TAB.slug;

export type QueueSort = "dueAsc" | "dueDesc";

export interface QueueFilters {
  tab: QueueTab;
  serviceCode?: string;
  fieldSlug?: string;
  submittedFrom?: string;
  submittedTo?: string;
  /** "me", "none" or an officer id */
  assignee?: string;
  /** a dossier code (or its start), or part of the applicant's name */
  q?: string;
  /** only the dossiers past their due date and not finished */
  due?: "overdue";
  /** by due date; absent: the tab's default (soonest first for open tabs, latest first for closed ones) */
  sort?: QueueSort;
}

const DEFAULT_TAB: StatusTab = "cho-tiep-nhan";

function isQueueTab(v: string | undefined): v is QueueTab {
  return v === ALL_TAB.slug || QUEUE_TABS.some((t) => t.slug === v);
}

/** The order a tab shows when none is asked for. */
function defaultSort(tab: QueueTab): QueueSort {
  const t = QUEUE_TABS.find((x) => x.slug === tab);
  return t && !t.open ? "dueDesc" : "dueAsc";
}

export const effectiveSort = (f: QueueFilters): QueueSort => f.sort ?? defaultSort(f.tab);

/** The URL names of the filters (Vietnamese slugs, as the page has always used). */
const SORT_PARAM: Record<QueueSort, string> = { dueAsc: "han-tang", dueDesc: "han-giam" };

type Params = URLSearchParams | Record<string, string | string[] | undefined>;

function getter(p: Params): (k: string) => string | undefined {
  if (p instanceof URLSearchParams) return (k) => p.get(k) || undefined;
  return (k) => {
    const v = p[k];
    return (Array.isArray(v) ? v[0] : v) || undefined;
  };
}

const isoDate = (v: string | undefined) => (v && isIsoDate(v) ? v : undefined);
const short = (v: string | undefined, n: number) => v?.trim().slice(0, n) || undefined;

/** The queue's filters from URL parameters; anything unknown or malformed reads as absent. */
export function parseQueueParams(p: Params): QueueFilters {
  const get = getter(p);
  const tab = get("tab");
  const sort = get("sap-xep");
  return {
    tab: isQueueTab(tab) ? tab : DEFAULT_TAB,
    fieldSlug: short(get("linh-vuc"), 100),
    submittedFrom: isoDate(get("tu")),
    submittedTo: isoDate(get("den")),
    assignee: short(get("can-bo"), 40),
    q: short(get("q"), 100),
    due: get("han") === "qua-han" ? "overdue" : undefined,
    sort: sort === SORT_PARAM.dueAsc ? "dueAsc" : sort === SORT_PARAM.dueDesc ? "dueDesc" : undefined,
  };
}

/** The URL parameters of a filter set (only what is set), in a stable order. */
export function queueParams(f: Partial<QueueFilters>): Record<string, string> {
  const out: Record<string, string | undefined> = {
    tab: f.tab,
    q: f.q,
    "linh-vuc": f.fieldSlug,
    "can-bo": f.assignee,
    tu: f.submittedFrom,
    den: f.submittedTo,
    han: f.due === "overdue" ? "qua-han" : undefined,
    "sap-xep": f.sort ? SORT_PARAM[f.sort] : undefined,
  };
  return Object.fromEntries(Object.entries(out).filter((e): e is [string, string] => !!e[1]));
}

/** The queue's address for a filter set, with extra parameters (a cursor, a flash) on top. */
export function queueHref(f: Partial<QueueFilters>, extra: Record<string, string | undefined> = {}): string {
  const all = { ...queueParams(f), ...extra };
  const qs = new URLSearchParams(Object.entries(all).filter((e): e is [string, string] => !!e[1])).toString();
  return qs ? `/can-bo/ho-so?${qs}` : "/can-bo/ho-so";
}

/** The name of the dossier page's parameter that remembers the queue it was opened from. */
export const FROM_QUEUE_PARAM = "tu-hang-doi";

/** A dossier's page, remembering the queue (its filters) it was opened from. */
export function dossierHref(code: string, f: Partial<QueueFilters> | null): string {
  const base = `/can-bo/ho-so/${encodeURIComponent(code)}`;
  if (!f) return base;
  return `${base}?${new URLSearchParams({ [FROM_QUEUE_PARAM]: new URLSearchParams(queueParams(f)).toString() })}`;
}

/** The queue a dossier page was opened from, or null. */
export function fromQueue(v: string | string[] | undefined): QueueFilters | null {
  const raw = Array.isArray(v) ? v[0] : v;
  if (!raw || raw.length > 2000) return null;
  return parseQueueParams(new URLSearchParams(raw));
}
