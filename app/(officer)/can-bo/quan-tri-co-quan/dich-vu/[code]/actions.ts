// Issue 17 (sync-out): server actions of a service's intake mode and of the agency's sync endpoint.
"use server";

import { readFields, type ActionFormState, type ActionState, type Secret } from "@/lib/forms/action-state";
import { formState } from "@/lib/forms/form-state";
import { viaSession } from "@/lib/auth/session-actor";
import { expireCatalogReads } from "@/lib/catalog/cached";
import { syncOutText } from "@/lib/i18n/vi/sync-out";
import { saveSyncEndpoint, setServiceIntakeMode } from "@/lib/sync/intake";

const SERVICES_PAGE = "/can-bo/quan-tri-co-quan/dich-vu";
const t = syncOutText.intake;

export async function intakeModeAction(_prev: ActionFormState, formData: FormData): Promise<ActionFormState> {
  const values = readFields(formData, ["code", "settingsVersion", "intakeMode"], { trim: false });
  const result = await viaSession(setServiceIntakeMode, values);
  if (result.ok && result.data.changed) expireCatalogReads();
  return formState(
    result,
    { intakeMode: values.intakeMode },
    {
      revalidate: (d) => [`${SERVICES_PAGE}/${encodeURIComponent(d.code)}`, SERVICES_PAGE],
      redirectTo: (d) =>
        `${SERVICES_PAGE}/${encodeURIComponent(d.code)}?${d.changed ? "da-luu-noi-xu-ly" : "khong-doi"}=${d.settingsVersion}`,
      hidden: ["code", "settingsVersion"],
    },
  );
}

export async function syncEndpointAction(_prev: ActionState<Secret>, formData: FormData): Promise<ActionState<Secret>> {
  const values = readFields(formData, ["url", "code"]);
  return formState(
    await viaSession(saveSyncEndpoint, { url: values.url, enabled: "true" }),
    { url: values.url },
    {
      revalidate: [`${SERVICES_PAGE}/${encodeURIComponent(values.code)}`],
      done: (d) =>
        d.secret ? { message: t.endpointSaved, data: { secret: d.secret, secretLabel: t.secretOnce } } : { message: t.endpointSaved },
    },
  );
}
