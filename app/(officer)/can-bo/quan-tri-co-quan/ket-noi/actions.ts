// Server actions of the connection settings page (API keys, push endpoint, dead letters) and of VPCP's
// dead-letter list: each reads the form, calls one door-guarded domain function, and answers.
"use server";

import { readFields, type ActionFormState, type ActionState, type Secret } from "@/lib/forms/action-state";
import { formState } from "@/lib/forms/form-state";
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

type RevealState = ActionState<Secret>;

/** The page shows the change; the form shows its message and, once, the secret. */
const reveal = <R>(done: (data: R) => { message: string; data?: Secret }) => ({ revalidate: [PAGE], done });

export async function issueKeyAction(_prev: RevealState, f: FormData): Promise<RevealState> {
  const values = readFields(f, ["label"], { trim: false });
  return formState(
    await viaSession(issueAgencyApiKey, values),
    values,
    reveal((d) => ({ message: t.keys.issuedLead, data: { secret: d.key, secretLabel: t.keys.secretLabel } })),
  );
}

export async function rotateKeyAction(_prev: RevealState, f: FormData): Promise<RevealState> {
  return formState(
    await viaSession(rotateAgencyApiKey, readFields(f, ["keyId"], { trim: false })),
    {},
    reveal((d) => ({ message: t.keys.rotatedLead, data: { secret: d.key, secretLabel: t.keys.secretLabel } })),
  );
}

export async function saveEndpointAction(_prev: RevealState, f: FormData): Promise<RevealState> {
  const values = readFields(f, ["url"]);
  return formState(
    await viaSession(saveEndpoint, { url: values.url, enabled: f.get("enabled") === "false" ? "false" : "true" }),
    values,
    reveal((d) =>
      d.secret
        ? { message: t.endpoint.createdLead, data: { secret: d.secret, secretLabel: t.endpoint.secretLabel } }
        : { message: t.endpoint.saved },
    ),
  );
}

export async function newSecretAction(_prev: RevealState): Promise<RevealState> {
  return formState(
    await viaSession(regenerateEndpointSecret, {}),
    {},
    reveal((d) => ({ message: t.endpoint.newSecretLead, data: { secret: d.secret, secretLabel: t.endpoint.secretLabel } })),
  );
}

// One-button forms: success goes back to the page with a status parameter; a refusal is the message.

export async function revokeKeyAction(_prev: ActionFormState, f: FormData): Promise<ActionFormState> {
  return formState(
    await viaSession(revokeAgencyApiKey, readFields(f, ["keyId"], { trim: false })),
    {},
    {
      revalidate: [PAGE],
      redirectTo: () => `${PAGE}?da-thu-hoi=1`,
    },
  );
}

export async function removeEndpointAction(_prev: ActionFormState): Promise<ActionFormState> {
  return formState(await viaSession(removeEndpoint, {}), {}, { revalidate: [PAGE], redirectTo: () => `${PAGE}?da-xoa-dia-chi=1` });
}

/** Resends a dead letter from either list; `from` says which page to go back to. */
export async function resendAction(_prev: ActionFormState, f: FormData): Promise<ActionFormState> {
  const { id, from } = readFields(f, ["id", "from"], { trim: false });
  const back = from === "admin" ? ADMIN_DEAD_PAGE : PAGE;
  return formState(await viaSession(resendDeadLetter, { id }), {}, { revalidate: [back], redirectTo: () => `${back}?da-gui-lai=1` });
}
