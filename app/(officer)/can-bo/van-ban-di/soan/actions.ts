"use server";

import { failure } from "@/lib/errors/app-error";
import type { ActionFormState } from "@/lib/forms/action-state";
import { formState } from "@/lib/forms/form-state";
import { storeDocumentFiles } from "@/lib/documents/attachments";
import { sendDocument } from "@/lib/documents/send";
import { actorCan } from "@/lib/auth/actor";
import { requestMeta } from "@/lib/auth/request-meta";
import { sessionActor } from "@/lib/auth/session-actor";

const KEPT = [
  "typeCode",
  "subject",
  "content",
  "signerPosition",
  "signerName",
  "priority",
  "secrecy",
  "dueDate",
  "messageId",
  "businessType",
  "replacesKey",
  "responseForKey",
  "signerCompetence",
];

export async function sendAction(_prev: ActionFormState, f: FormData): Promise<ActionFormState> {
  const text = (k: string) => (typeof f.get(k) === "string" ? (f.get(k) as string) : "");
  const recipients = f.getAll("recipients").filter((v): v is string => typeof v === "string");
  const values = Object.fromEntries(KEPT.map((k) => [k, text(k)]));
  const kept = { ...values, recipients: recipients.join(",") };
  // Who is sending, before any file is stored: without a session or the permission, the door answers (and
  // audits a denial) and nothing touches the file storage.
  const actor = await sessionActor();
  const meta = await requestMeta();
  if (!actorCan(actor, "document.send")) return formState(await sendDocument(actor, {}, meta), kept);
  const files = f.getAll("attachments").filter((v): v is File => typeof v === "object" && v !== null && "arrayBuffer" in v);
  const stored = await storeDocumentFiles(files, values.messageId || "vb");
  if (!stored.ok) return formState(failure("invalid", stored.message, "document.attachments", { attachments: stored.message }), kept);
  const r = await sendDocument(
    actor,
    {
      ...values,
      dueDate: values.dueDate || undefined,
      content: values.content || undefined,
      businessType: values.businessType || "0",
      replacesKey: values.replacesKey || undefined,
      responseForKey: values.responseForKey || undefined,
      recipients,
      attachments: stored.files,
    },
    meta,
  );
  // A refusal, or a retry answered with the document stored the first time, leaves these files unused.
  if (!r.ok || r.data.duplicate) await stored.remove();
  return formState(r, kept, { redirectTo: (d) => `/can-bo/van-ban-di?da-gui=${encodeURIComponent(d.documentKey)}` });
}
