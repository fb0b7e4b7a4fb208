// Issue 17, dossier sync (outbound half): the query and body of the agency's outbound calls, checked before any use
// case runs; a refusal names the field at fault.
import "server-only";
import { invalidRequest, parsed } from "@/lib/api/agency-route";
import { fieldPath } from "@/lib/documents/schema";
import { AcknowledgeBody, PullQuery } from "./outbound";

/** ?so-luong=<1–50> */
export function pullQuery(params: URLSearchParams) {
  const r = PullQuery.safeParse(Object.fromEntries([...params.entries()].filter(([k]) => k === "so-luong")));
  if (!r.success) return invalidRequest("invalid_query", r.error.issues[0]!.message, "so-luong");
  return parsed({ limit: r.data["so-luong"] });
}

/** { externalCode? } for the dossier `code` of the path. */
export function acknowledgeInput(code: string, json: unknown) {
  const r = AcknowledgeBody.safeParse(json ?? {});
  if (!r.success) {
    const fields: Record<string, string> = {};
    for (const issue of r.error.issues) {
      const key = issue.code === "unrecognized_keys" ? issue.keys.join(", ") : fieldPath(issue.path) || "body";
      fields[key] ??= issue.code === "unrecognized_keys" ? `${issue.keys.join(", ")}: trường không được hỗ trợ.` : issue.message;
    }
    return invalidRequest("invalid", Object.values(fields).join("\n"), fields);
  }
  return parsed({ code, ...r.data });
}
