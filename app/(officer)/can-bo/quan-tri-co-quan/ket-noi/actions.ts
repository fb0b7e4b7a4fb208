// Server actions of the connection settings page (API keys, push endpoint, dead letters) and of VPCP's
// dead-letter list: each reads the form, calls one door-guarded domain function, and answers.
"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { ButtonFormState } from "@/app/(admin)/quan-tri/lich-lam-viec/actions";
import type { RevealState } from "@/components/integration/RevealForm";
import type { ActionResult } from "@/lib/errors/app-error";
import {
  issueAgencyApiKey,
  regenerateEndpointSecret,
  removeEndpoint,
  resendDeadLetter,
  revokeAgencyApiKey,
  rotateAgencyApiKey,
  saveEndpoint,
} from "@/lib/documents/integration-admin";
import { integrationText as t } from "@/lib/i18n/vi/integration";
import { viaSession } from "@/lib/auth/session-actor";

const PAGE = "/can-bo/quan-tri-co-quan/ket-noi";
const ADMIN_DEAD_PAGE = "/quan-tri/thong-diep-loi";

const field = (f: FormData, name: string) => String(f.get(name) ?? "");

function reveal<R>(
  r: ActionResult<R>,
  values: Record<string, string>,
  ok: (data: R) => Omit<RevealState, "fieldErrors" | "values">,
): RevealState {
  if (r.ok) {
    revalidatePath(PAGE);
    return { ...ok(r.data), ok: true, fieldErrors: {}, values: {} };
  }
  return { message: r.message, fieldErrors: r.fieldErrors, values };
}

export async function issueKeyAction(_prev: RevealState, f: FormData): Promise<RevealState> {
  const values = { label: field(f, "label") };
  return reveal(await viaSession(issueAgencyApiKey, values), values, (d) => ({
    message: t.keys.issuedLead,
    secret: d.key,
    secretLabel: t.keys.secretLabel,
  }));
}

export async function rotateKeyAction(_prev: RevealState, f: FormData): Promise<RevealState> {
  return reveal(await viaSession(rotateAgencyApiKey, { keyId: field(f, "keyId") }), {}, (d) => ({
    message: t.keys.rotatedLead,
    secret: d.key,
    secretLabel: t.keys.secretLabel,
  }));
}

export async function saveEndpointAction(_prev: RevealState, f: FormData): Promise<RevealState> {
  const values = { url: field(f, "url").trim() };
  return reveal(
    await viaSession(saveEndpoint, { url: values.url, enabled: f.get("enabled") === "false" ? "false" : "true" }),
    values,
    (d) =>
      d.secret ? { message: t.endpoint.createdLead, secret: d.secret, secretLabel: t.endpoint.secretLabel } : { message: t.endpoint.saved },
  );
}

export async function newSecretAction(_prev: RevealState): Promise<RevealState> {
  return reveal(await viaSession(regenerateEndpointSecret, {}), {}, (d) => ({
    message: t.endpoint.newSecretLead,
    secret: d.secret,
    secretLabel: t.endpoint.secretLabel,
  }));
}

export async function revokeKeyAction(_prev: ButtonFormState, f: FormData): Promise<ButtonFormState> {
  const r = await viaSession(revokeAgencyApiKey, { keyId: field(f, "keyId") });
  if (r.ok) {
    revalidatePath(PAGE);
    redirect(`${PAGE}?da-thu-hoi=1`);
  }
  return { message: r.message };
}

export async function removeEndpointAction(_prev: ButtonFormState): Promise<ButtonFormState> {
  const r = await viaSession(removeEndpoint, {});
  if (r.ok) {
    revalidatePath(PAGE);
    redirect(`${PAGE}?da-xoa-dia-chi=1`);
  }
  return { message: r.message };
}

/** Resends a dead letter from either list; `from` says which page to go back to. */
export async function resendAction(_prev: ButtonFormState, f: FormData): Promise<ButtonFormState> {
  const r = await viaSession(resendDeadLetter, { id: field(f, "id") });
  const back = field(f, "from") === "admin" ? ADMIN_DEAD_PAGE : PAGE;
  if (r.ok) {
    revalidatePath(back);
    redirect(`${back}?da-gui-lai=1`);
  }
  return { message: r.message };
}
