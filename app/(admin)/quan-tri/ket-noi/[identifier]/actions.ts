// Server action of an agency's integration page: record its connection (testing, connected since, clear).
"use server";

import { viaSession } from "@/lib/auth/session-actor";
import { readFields, type ActionFormState } from "@/lib/forms/action-state";
import { formState } from "@/lib/forms/form-state";
import { recordConnection } from "@/lib/monitoring/integration";

const LIST = "/quan-tri/ket-noi";

export async function recordConnectionAction(_prev: ActionFormState, formData: FormData): Promise<ActionFormState> {
  const values = readFields(formData, ["identifier", "kind", "connectedSince", "note"]);
  return formState(await viaSession(recordConnection, values), values, {
    // The list of every agency's connection shows the change too.
    revalidate: (d) => [LIST, `${LIST}/${d.identifier}`],
    redirectTo: (d) => `${LIST}/${d.identifier}?da-ghi-nhan=1`,
  });
}
