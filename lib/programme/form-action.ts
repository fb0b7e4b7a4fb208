// The common shape of the programme pages' server actions: read the named fields, call one use case as the
// session's user, on success go to `to(data)`, else hand back what was typed with the errors.
import "server-only";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { ActionFormState } from "@/lib/forms/action-state";
import type { UseCase } from "@/lib/auth/door";
import { viaSession } from "@/lib/auth/session-actor";

export async function runForm<R>(
  formData: FormData,
  fields: readonly string[],
  useCase: UseCase<R>,
  to: (data: R) => string,
): Promise<ActionFormState> {
  const values = Object.fromEntries(fields.map((k) => [k, String(formData.get(k) ?? "").trim()]));
  const result = await viaSession(useCase, values);
  if (result.ok) {
    const target = to(result.data);
    revalidatePath(target.split("?")[0]!);
    redirect(target);
  }
  return { ok: false, values, fieldErrors: result.fieldErrors, message: result.message };
}
