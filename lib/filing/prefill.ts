// Starting answers for a form: the saved draft, else what the citizen's profile already says.
import "server-only";
import type { FormDefinition } from "@/lib/forms/definition";
import { getOwnProfile } from "@/lib/accounts/profile";

/** Whether the national e-ID vouched for the citizen's identity details (the form says they are verified). */
export async function identityVerified(userId: string): Promise<boolean> {
  return Boolean((await getOwnProfile(userId))?.identityVerifiedAt);
}

export async function prefillAnswers(userId: string, form: FormDefinition): Promise<Record<string, unknown>> {
  const p = await getOwnProfile(userId);
  if (!p) return {};
  const known: Record<string, string | null> = {
    fullName: p.fullName,
    cccd: p.cccd,
    dateOfBirth: p.dateOfBirth ? p.dateOfBirth.toISOString().slice(0, 10) : null,
    phone: p.phone,
    email: p.email,
    // Free text (a text or textarea field): the address the national e-ID vouched for.
    address: p.address,
  };
  const out: Record<string, unknown> = {};
  for (const f of form.steps.flatMap((s) => s.fields)) {
    const v = f.prefill ? known[f.prefill] : null;
    if (v) out[f.id] = v;
  }
  return out;
}
