// What the agency API's query strings and status bodies mean, read into the inputs of the use cases; a
// malformed one is refused with a stable code before any use case runs.
import { invalidRequest, parsed } from "@/lib/api/agency-route";
import { documentExchangeText } from "@/lib/i18n/vi/document-exchange";
import { fieldPath } from "./schema";
import { INBOX_MAX_LIMIT } from "./receive";
import { StatusInput } from "./status";

const t = documentExchangeText.api;

/** ?dinh-dang=json|edxml, ?tu=<ISO time>, ?so-luong=<1–50>. */
export function inboxQuery(params: URLSearchParams) {
  const format = params.get("dinh-dang") ?? "json";
  if (format !== "json" && format !== "edxml") return invalidRequest("invalid_query", t.invalidFormat(format), "dinh-dang");
  const chosen: "json" | "edxml" = format;
  const sinceText = params.get("tu");
  const since = sinceText ? new Date(sinceText) : undefined;
  if (since && Number.isNaN(since.getTime())) return invalidRequest("invalid_query", t.invalidSince(sinceText!), "tu");
  const limitText = params.get("so-luong");
  const limit = limitText === null ? INBOX_MAX_LIMIT : Number(limitText);
  if (!Number.isInteger(limit) || limit < 1 || limit > INBOX_MAX_LIMIT) {
    return invalidRequest("invalid_query", t.invalidLimit(INBOX_MAX_LIMIT), "so-luong");
  }
  return parsed({ since, limit, format: chosen });
}

/** ?ma=<document id> */
export function sentStatusesQuery(params: URLSearchParams) {
  const documentKey = params.get("ma")?.trim();
  return documentKey ? parsed(documentKey) : invalidRequest("invalid_query", t.documentKeyRequired, "ma");
}

/** A status message for one copy, as the setDocumentStatus use case takes it. */
export function statusMessage(recipientId: string, json: unknown) {
  const r = StatusInput.safeParse(json);
  if (!r.success) {
    const fields: Record<string, string> = {};
    for (const issue of r.error.issues) fields[fieldPath(issue.path)] ??= issue.message;
    return invalidRequest("invalid", r.error.issues.map((i) => i.message).join("\n"), fields);
  }
  return parsed({ recipientId, ...r.data });
}
