// A form as an English page shows it: each label, option and step title in the portal's own unofficial English
// translation where the form has one (`labelEn`, `titleEn`), the official Vietnamese otherwise. Pure: the
// filing page hands the result to the form on the client; the server keeps checking the form as published.
import type { Locale } from "@/lib/i18n/locale";
import type { FormDefinition, FormField, FormStep } from "./definition";

function field(f: FormField): FormField {
  return {
    ...f,
    label: f.labelEn ?? f.label,
    help: f.helpEn ?? f.help,
    itemLabel: f.itemLabelEn ?? f.itemLabel,
    options: f.options?.map((o) => ({ ...o, label: o.labelEn ?? o.label })),
    fields: f.fields?.map(field),
  };
}

/** Every field of the form, in every step and group, has an English label (and its options one too). */
export function fullyTranslated(form: FormDefinition): boolean {
  const done = (f: FormField): boolean =>
    !!f.labelEn &&
    (!f.help || !!f.helpEn) &&
    (f.options ?? []).every((o) => !!o.labelEn) &&
    (!f.itemLabel || !!f.itemLabelEn) &&
    (f.fields ?? []).every(done);
  return form.steps.every((s) => !!s.titleEn && s.fields.every(done));
}

/** The form with its English labels in `en` (where present); unchanged in Vietnamese. */
export function formInLocale(form: FormDefinition, locale: Locale): FormDefinition {
  if (locale === "vi") return form;
  return { ...form, steps: form.steps.map((s: FormStep) => ({ ...s, title: s.titleEn ?? s.title, fields: s.fields.map(field) })) };
}
