// What a life-event page shows of each procedure it names, read from the catalog: the name, what to prepare
// (the procedure's own components) and how many agencies offer it online. A code the catalog lacks comes back
// as missing, never invented.
import "server-only";
import { z } from "zod";
import { Component } from "@/lib/catalog/records";
import { db } from "@/lib/db/client";
import { proceduresOf, type LifeEvent } from "./life-events";

export interface CatalogProcedure {
  code: string;
  name: string;
  onlineLevel: number;
  components: Component[];
  /** Published services of this procedure (one per offering agency). */
  offers: number;
  /** Of those, how many can be filed online (level 3 or 4). */
  onlineOffers: number;
}

/** The catalog's record of every procedure the event names, by national code (missing codes absent). */
export async function catalogProceduresOf(event: LifeEvent): Promise<Map<string, CatalogProcedure>> {
  const codes = proceduresOf(event);
  const rows = await db.procedure.findMany({
    where: { code: { in: codes } },
    select: {
      code: true,
      name: true,
      onlineLevel: true,
      components: true,
      services: { where: { published: true }, select: { onlineLevel: true } },
    },
  });
  return new Map(
    rows.map((r) => [
      r.code,
      {
        code: r.code,
        name: r.name,
        onlineLevel: r.onlineLevel,
        components: z.array(Component).parse(r.components),
        offers: r.services.length,
        onlineOffers: r.services.filter((s) => s.onlineLevel >= 3).length,
      },
    ]),
  );
}

/** The names of the procedures each event names, for the list page (one query). */
export async function procedureNames(codes: readonly string[]): Promise<Map<string, string>> {
  const rows = await db.procedure.findMany({ where: { code: { in: [...codes] } }, select: { code: true, name: true } });
  return new Map(rows.map((r) => [r.code, r.name]));
}
