// Server action of an agency's integration page: record its connection (testing, connected since, clear).
"use server";

import type { ActionFormState } from "@/lib/forms/action-state";
import { runForm } from "@/lib/forms/form-state";
import { recordConnection } from "@/lib/monitoring/integration";

export async function recordConnectionAction(_prev: ActionFormState, formData: FormData): Promise<ActionFormState> {
  return runForm(
    formData,
    ["identifier", "kind", "connectedSince", "note"],
    recordConnection,
    (d) => `/quan-tri/ket-noi/${d.identifier}?da-ghi-nhan=1`,
  );
}
