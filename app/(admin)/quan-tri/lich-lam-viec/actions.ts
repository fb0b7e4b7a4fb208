// Server actions of the working-day calendar page: each calls one door-guarded domain function, and on success
// goes back to the page of the year it touched, so the table shows the change and a status line says what happened.
"use server";

import { addSuggestedHolidays, deleteCalendarDay, saveCalendarDay } from "@/lib/calendar/admin";
import { viaSession } from "@/lib/auth/session-actor";
import { readFields, type ActionFormState } from "@/lib/forms/action-state";
import { formState } from "@/lib/forms/form-state";

const PAGE = "/quan-tri/lich-lam-viec";

export async function saveCalendarDayAction(_prev: ActionFormState, formData: FormData): Promise<ActionFormState> {
  const values = readFields(formData, ["date", "kind", "name"]);
  // What was typed comes back, so a refused day can be corrected rather than retyped.
  return formState(await viaSession(saveCalendarDay, values), values, {
    revalidate: [PAGE],
    redirectTo: (d) => `${PAGE}?nam=${d.date.slice(0, 4)}&da-luu=${d.date}`,
  });
}

/** A one-button form: the date is a hidden field, so its error is the message. */
export async function deleteCalendarDayAction(_prev: ActionFormState, formData: FormData): Promise<ActionFormState> {
  const values = readFields(formData, ["date"]);
  return formState(await viaSession(deleteCalendarDay, values), values, {
    revalidate: [PAGE],
    redirectTo: (d) => `${PAGE}?nam=${d.date.slice(0, 4)}&da-xoa=${d.date}`,
    hidden: ["date"],
  });
}

export async function addSuggestedHolidaysAction(_prev: ActionFormState, formData: FormData): Promise<ActionFormState> {
  const values = readFields(formData, ["year"]);
  return formState(await viaSession(addSuggestedHolidays, values), values, {
    revalidate: [PAGE],
    redirectTo: (d) => `${PAGE}?nam=${d.year}&da-them=${d.added}`,
    hidden: ["year"],
  });
}
