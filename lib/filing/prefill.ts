// Starting answers for a form: the saved draft, else what the citizen's profile already says.
import "server-only";
import type { FormDefinition } from "@/lib/forms/definition";
import { getOwnProfile } from "@/lib/accounts/profile";

export async function prefillAnswers(userId: string, form: FormDefinition): Promise<Record<string, unknown>> {
  const p = await getOwnProfile(userId);
  if (!p) return {};
  const known: Record<string, string | null> = {
    fullName: p.fullName,
    cccd: p.cccd,
    dateOfBirth: p.dateOfBirth ? p.dateOfBirth.toISOString().slice(0, 10) : null,
    phone: p.phone,
    email: p.email,
  };
  const out: Record<string, unknown> = {};
  for (const f of form.steps.flatMap((s) => s.fields)) {
    const v = f.prefill ? known[f.prefill] : null;
    if (v) out[f.id] = v;
  }
  return out;
}
