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
  agency: { id: number; identifier: string; name: string };
  /** The online channel's processing time and fees (the schedule a dossier is filed under). */
  channel: Channel;
  /** The standard fee due on filing (the schedule's first line), in đồng. */
  feeTotal: number;
}

export async function getFilingService(code: string, client: Db | Tx = db): Promise<FilingService | null> {
  const s = await client.service.findUnique({
    where: { code },
    include: {
      agency: true,
      procedure: { select: { components: true } },
      formVersion: { select: { id: true, version: true, definition: true } },
    },
  });
  if (!s || !s.published || s.onlineLevel < 3) return null;
  const channels = z.array(Channel).parse(s.channels);
  const channel = channels.find((c) => c.kind === "online") ?? channels[0];
  if (!channel) return null;
  return {
    id: s.id,
    code: s.code,
    name: s.name,
    onlineLevel: s.onlineLevel,
    formVersionId: s.formVersion.id,
    formVersionNumber: s.formVersion.version,
    form: FormDefinition.parse(s.formVersion.definition),
    components: z.array(Component).parse(s.procedure.components),
    agency: { id: s.agency.id, identifier: s.agency.identifier, name: s.agency.name },
    channel,
    // A schedule's lines are alternatives (the standard fee, a reduced fee, a fee per extra copy): the
    // first is what a filing owes; the agency asks for another amount through "request fees" (status 6).
    feeTotal: channel.fees[0]?.amount ?? 0,
  };
}
