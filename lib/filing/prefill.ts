// Starting answers for a form: the saved draft, else what the citizen's profile already says.
import "server-only";
import type { FormDefinition } from "@/lib/forms/definition";
import { getOwnProfile } from "@/lib/accounts/profile";
import type { Db, Tx } from "@/lib/db/client";

/** What the national e-ID vouches for: fields prefilled from these are locked while the identity is verified. */
const VERIFIED_KEYS = new Set(["fullName", "cccd", "dateOfBirth", "address", "phone"]);

/**
 * The answers the national e-ID vouches for, by field id (top-level fields prefilled from the verified
 * identity): the form shows them read-only and submission keeps them as they are. Empty when the
 * citizen's identity is not verified.
 */
export async function verifiedAnswers(userId: string, form: FormDefinition, client?: Db | Tx): Promise<Record<string, string>> {
  const p = await getOwnProfile(userId, client);
  if (!p?.identityVerifiedAt) return {};
  const all = await prefillAnswers(userId, form, client);
  const out: Record<string, string> = {};
  for (const f of form.steps.flatMap((s) => s.fields)) {
    const v = all[f.id];
    if (f.prefill && VERIFIED_KEYS.has(f.prefill) && typeof v === "string") out[f.id] = v;
  }
  return out;
}

export async function prefillAnswers(userId: string, form: FormDefinition, client?: Db | Tx): Promise<Record<string, unknown>> {
  const p = await getOwnProfile(userId, client);
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
