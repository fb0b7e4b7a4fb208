// Submitting the filed answers once: the declaration must be ticked; the idempotency key is fixed for the
// life of the form, so a retry after a lost connection never creates a second dossier. On success the citizen
// goes to the new dossier's page; a refusal is handed back to the form to show.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useLocale } from "next-intl";
import { localeHref } from "@/lib/i18n/href";
import { useFilingText } from "./text";
import type { Submit } from "./types";

export function useFilingSubmit(
  submit: Submit,
  serviceCode: string,
  initialKey: string,
  onRefused: (fieldErrors: Record<string, string>, message?: string) => void,
) {
  const router = useRouter();
  const t = useFilingText();
  const locale = useLocale();
  const [idempotencyKey] = useState(initialKey);
  const [submitting, setSubmitting] = useState(false);

  // Issue 15: `principal`, for whom the dossier is filed (undefined: oneself).
  const send = async (answers: Record<string, unknown>, declared: boolean, principal?: unknown) => {
    if (!declared) {
      onRefused({ camDoan: t.declaration }, t.declarationRequired);
      return;
    }
    setSubmitting(true);
    try {
      const r = await submit(serviceCode, idempotencyKey, answers, principal);
      if (r.ok && r.data) {
        router.push(localeHref(locale, `/ho-so-cua-toi/${r.data.code}?da-nop=1`));
        return;
      }
      onRefused(r.fieldErrors, r.message);
    } catch {
      // A network failure: the same key is reused on retry, so at most one dossier is created.
      onRefused({}, t.connectionLost);
    }
    setSubmitting(false);
  };

  return { submitting, send };
}
