// Server actions of the working-day calendar page: each calls one door-guarded domain function, and on success
// goes back to the page of the year it touched, so the table shows the change and a status line says what happened.
"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { addSuggestedHolidays, deleteCalendarDay, saveCalendarDay } from "@/lib/calendar/admin";
import { viaSession } from "@/lib/auth/session-actor";

const PAGE = "/quan-tri/lich-lam-viec";

export interface CalendarDayFormState {
  values: Record<string, string>;
  fieldErrors: Record<string, string>;
  message?: string;
}

/** A one-button form (delete a day, add the suggestions): only a message can come back. */
export interface ButtonFormState {
  message?: string;
}

const field = (formData: FormData, name: string) => String(formData.get(name) ?? "").trim();

export async function saveCalendarDayAction(_prev: CalendarDayFormState, formData: FormData): Promise<CalendarDayFormState> {
  const values = { date: field(formData, "date"), kind: field(formData, "kind"), name: field(formData, "name") };
  const result = await viaSession(saveCalendarDay, values);
  if (result.ok) {
    revalidatePath(PAGE);
    redirect(`${PAGE}?nam=${result.data.date.slice(0, 4)}&da-luu=${result.data.date}`);
  }
  // What was typed comes back, so a refused day can be corrected rather than retyped.
  return { values, fieldErrors: result.fieldErrors, message: result.message };
}

export async function deleteCalendarDayAction(_prev: ButtonFormState, formData: FormData): Promise<ButtonFormState> {
  const result = await viaSession(deleteCalendarDay, { date: field(formData, "date") });
  if (result.ok) {
    revalidatePath(PAGE);
    redirect(`${PAGE}?nam=${result.data.date.slice(0, 4)}&da-xoa=${result.data.date}`);
  }
  return { message: result.fieldErrors.date ?? result.message };
}

export async function addSuggestedHolidaysAction(_prev: ButtonFormState, formData: FormData): Promise<ButtonFormState> {
  const result = await viaSession(addSuggestedHolidays, { year: field(formData, "year") });
  if (result.ok) {
    revalidatePath(PAGE);
    redirect(`${PAGE}?nam=${result.data.year}&da-them=${result.data.added}`);
  }
  return { message: result.fieldErrors.year ?? result.message };
}
