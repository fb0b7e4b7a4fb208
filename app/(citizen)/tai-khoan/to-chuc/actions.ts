"use server";

import { viaSession } from "@/lib/auth/session-actor";
import { readFields, type ActionFormState } from "@/lib/forms/action-state";
import { formState } from "@/lib/forms/form-state";
import { orgText } from "@/lib/i18n/vi/organisations";
import { addMember, createOrganisation, leaveOrganisation, removeMember, updateOrganisation } from "@/lib/organisations/organisations";

const LIST = "/tai-khoan/to-chuc";
const page = (id: string) => `${LIST}/${encodeURIComponent(id)}`;

export async function createOrganisationAction(_prev: ActionFormState, formData: FormData): Promise<ActionFormState> {
  const v = readFields(formData, ["taxCode", "name", "address", "legalRepresentative"]);
  return formState(await viaSession(createOrganisation, v), v, { revalidate: [LIST], redirectTo: (d) => `${page(d.id)}?moi=1` });
}

export async function updateOrganisationAction(_prev: ActionFormState, formData: FormData): Promise<ActionFormState> {
  const v = readFields(formData, ["organisationId", "name", "address", "legalRepresentative"]);
  return formState(await viaSession(updateOrganisation, v), v, {
    revalidate: [page(v.organisationId), LIST],
    done: () => ({ message: orgText.saved }),
    keepValues: true,
  });
}

export async function addMemberAction(_prev: ActionFormState, formData: FormData): Promise<ActionFormState> {
  const v = readFields(formData, ["organisationId", "email", "cccd", "role"]);
  return formState(await viaSession(addMember, v), v, {
    revalidate: [page(v.organisationId)],
    done: () => ({ message: orgText.added }),
  });
}

export async function removeMemberAction(_prev: ActionFormState, formData: FormData): Promise<ActionFormState> {
  const v = readFields(formData, ["organisationId", "userId"]);
  return formState(await viaSession(removeMember, v), v, {
    revalidate: [page(v.organisationId)],
    redirectTo: () => page(v.organisationId),
  });
}

export async function leaveOrganisationAction(_prev: ActionFormState, formData: FormData): Promise<ActionFormState> {
  const v = readFields(formData, ["organisationId"]);
  return formState(await viaSession(leaveOrganisation, v), v, { revalidate: [LIST], redirectTo: () => `${LIST}?roi=1` });
}
