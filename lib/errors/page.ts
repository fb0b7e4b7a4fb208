// How a page turns what lib/ answered into the page to show, in one place: the data; or sign-in for an
// ended session, the 403 page, the 404 page (also for a lookup that answered null: "not found, or not
// yours"); anything else is thrown to app/error.tsx, which shows the reference id.
import "server-only";
import { forbidden, notFound, redirect, unauthorized } from "next/navigation";
import type { ActionResult } from "./app-error";

function isResult(v: unknown): v is ActionResult<unknown> {
  return typeof v === "object" && v !== null && "ok" in v && typeof v.ok === "boolean" && ("data" in v || "reason" in v);
}

/**
 * The data of a use case's result, or of a lookup (null is "not found"); otherwise the matching error
 * page. `signInNext`: where to come back after signing in when the session has ended.
 */
export function orPageError<T>(result: ActionResult<T>, signInNext?: string): T;
export function orPageError<T>(found: T | null | undefined, signInNext?: string): T;
export function orPageError<T>(value: ActionResult<T> | T | null | undefined, signInNext?: string): T {
  if (value == null) notFound();
  if (!isResult(value)) return value as T;
  if (value.ok) return value.data as T;
  if (value.code === "not_found") notFound();
  if (value.code === "forbidden") forbidden();
  if (value.code === "unauthenticated") {
    if (signInNext) redirect(`/dang-nhap?next=${encodeURIComponent(signInNext)}`);
    unauthorized();
  }
  throw new Error(`${value.reason}${value.reference ? ` [${value.reference}]` : ""}: ${value.message}`);
}
