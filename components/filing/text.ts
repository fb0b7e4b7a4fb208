"use client";
// The filing form's words from the message catalog (namespace "filing", given to the form by the filing page's
// NextIntlClientProvider), in the shape of the form's text: the chrome, and the refusals of lib/forms/answers.ts.
import { useFormatter, useTranslations } from "next-intl";
import { useMemo } from "react";
import type { AnswerText } from "@/lib/forms/answers";

export function useFilingText() {
  const t = useTranslations("filing");
  const format = useFormatter();
  return useMemo(() => {
    const answers: AnswerText = {
      required: (label) => t("required", { label }),
      requiredChoice: (label) => t("requiredChoice", { label }),
      requiredFile: (label) => t("requiredFile", { label }),
      requiredCheck: (label) => t("requiredCheck", { label }),
      tooLong: (label, max) => t("tooLong", { label, max }),
      number: (label) => t("number", { label }),
      date: (label) => t("date", { label }),
      option: (label) => t("option", { label }),
      dateTooEarly: (label, iso) =>
        t("dateTooEarly", {
          label,
          min: format.dateTime(new Date(`${iso}T00:00:00Z`), { timeZone: "UTC", day: "2-digit", month: "2-digit", year: "numeric" }),
        }),
      dateFuture: (label) => t("dateFuture", { label }),
      dateMinAge: (label, age) => t("dateMinAge", { label, age }),
      dateMaxAge: (label, age) => t("dateMaxAge", { label, age }),
      yearRange: (label, min, max) => t("yearRange", { label, min, max }),
      integer: (label) => t("integer", { label }),
      numberRange: (label, min, max) =>
        min !== undefined && max !== undefined
          ? t("numberBetween", { label, min, max })
          : min !== undefined
            ? t("numberAtLeast", { label, min })
            : t("numberAtMost", { label, max: max ?? 0 }),
      groupMin: (label, n) => t("groupMin", { label, n }),
      groupMax: (label, n) => t("groupMax", { label, n }),
      cccd: (label) => t("cccd", { label }),
      phone: (label) => t("phone", { label }),
      email: (label) => t("email", { label }),
      address: (label) => t("address", { label }),
    };
    return {
      answers,
      errorSummaryTitle: t("errorSummaryTitle"),
      requiredMark: t("requiredMark"),
      steps: t("steps"),
      addressProvince: t("addressProvince"),
      addressCommune: t("addressCommune"),
      addressStreet: t("addressStreet"),
      addressChoose: t("addressChoose"),
      oldAddress: t("oldAddress"),
      oldAddressRepick: t("oldAddressRepick"),
      checkboxOn: t("checkboxOn"),
      checkboxOff: t("checkboxOff"),
      paperOptional: t("paperOptional"),
      group: {
        add: (item: string) => t("groupAdd", { item: item.toLowerCase() }),
        remove: (item: string, i: number) => t("groupRemove", { item: item.toLowerCase(), i }),
        item: (item: string, i: number) => t("groupItem", { item, i }),
        none: t("groupNone"),
      },
      fee: {
        title: t("feeTitle"),
        free: t("feeFree"),
        exempt: (label: string) => t("feeExempt", { label }),
        reduction: (label: string, percent: number) => t("feeReduction", { label, percent }),
        total: t("feeTotal"),
        line: t("feeLine"),
        unitAmount: t("feeUnitAmount"),
        quantity: t("feeQuantity"),
        subtotal: t("feeSubtotal"),
        money: (amount: number) => t("money", { amount }),
      },
      file: {
        failed: (name: string) => t("fileFailed", { name }),
        tooBig: (name: string, mb: number) => t("fileTooBig", { name, mb }),
        removeFailed: (name: string) => t("fileRemoveFailed", { name }),
        uploading: (pct: number) => t("fileUploading", { pct }),
        uploaded: t("fileUploaded"),
        remove: t("fileRemove"),
        replace: t("fileReplace"),
        ofPaper: (label: string, name: string) => t("fileOfPaper", { label, name }),
        removed: (name: string) => t("fileRemoved", { name }),
        choose: t("fileChoose"),
      },
      draftSaved: (time: string) => t("draftSaved", { time }),
      draftFailed: t("draftFailed"),
      next: t("next"),
      back: t("back"),
      review: t("review"),
      reviewTitle: t("reviewTitle"),
      change: t("change"),
      submit: t("submit"),
      submitting: t("submitting"),
      stepOf: (i: number, n: number) => t("stepOf", { i, n }),
      declaration: t("declaration"),
      declarationRequired: t("declarationRequired"),
      connectionLost: t("connectionLost"),
    };
  }, [t, format]);
}
