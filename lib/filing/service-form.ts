// A service as the filing pages need it: its form, fees, and whether it can be filed online.
import "server-only";
import { z } from "zod";
import { FormDefinition } from "@/lib/forms/definition";
import { Channel, Component } from "@/lib/catalog/records";
import { db, type Db, type Tx } from "@/lib/db/client";

export interface FilingService {
  id: number;
  code: string;
  name: string;
  onlineLevel: number;
  /** The form version in effect (form_version.id) and its number; `form` is its definition. */
  formVersionId: number;
  formVersionNumber: number;
  form: FormDefinition;
  components: Component[];
  /** Who files the procedure: "individual", "business" (lib/organisations/principal.ts). */
  applicants: string[];
  agency: { id: number; identifier: string; name: string };
  /** The online channel's processing time and fees (the schedule a dossier is filed under). */
  channel: Channel;
  /** The e-ID assurance level a session needs to file (procedure.assurance_level). */
  assuranceLevel: number;
}

export async function getFilingService(code: string, client: Db | Tx = db): Promise<FilingService | null> {
  const s = await client.service.findUnique({
    where: { code },
    include: {
      agency: true,
      procedure: { select: { components: true, assuranceLevel: true, applicants: true } },
      formVersion: { select: { id: true, version: true, definition: true } },
    },
  });
  if (!s || !s.published || s.onlineLevel < 3) return null;
  const channels = z.array(Channel).parse(s.channels);
  const channel = channels.find((c) => c.kind === "online") ?? channels[0];
  // A version that no longer reads (it passed these checks when published) makes the service unavailable
  // online rather than a server error.
  const parsed = FormDefinition.safeParse(s.formVersion.definition);
  if (!channel || !parsed.success) return null;
  const form = parsed.data;
  return {
    id: s.id,
    code: s.code,
    name: s.name,
    onlineLevel: s.onlineLevel,
    formVersionId: s.formVersion.id,
    formVersionNumber: s.formVersion.version,
    form,
    components: z.array(Component).parse(s.procedure.components),
    applicants: s.procedure.applicants,
    agency: { id: s.agency.id, identifier: s.agency.identifier, name: s.agency.name },
    channel,
    assuranceLevel: s.procedure.assuranceLevel,
  };
}
