// Help by life event: the events and their procedures in order, as reviewed data (prisma/data/life-events.json),
// validated here. Pure: the pages read each procedure's name, components and offers from the catalog
// (lib/help/life-event-pages.ts), so what to prepare is always the procedure's own list.
import { z } from "zod";
import file from "@/prisma/data/life-events.json";

const NationalCode = z.string().regex(/^\d\.\d{6}$/);

const LifeEventStep = z.object({
  /** One procedure, or several alternatives (choose one). */
  procedures: z.array(NationalCode).min(1).max(4),
  note: z.string().min(1).max(300),
  optional: z.boolean().optional(),
});

const LifeEvent = z.object({
  slug: z.string().regex(/^[a-z0-9-]{2,40}$/),
  title: z.string().min(2).max(120),
  summary: z.string().min(2).max(300),
  /** A connected (liên thông) service that does several steps in one filing: offered first. */
  connected: z.object({ procedure: NationalCode, note: z.string().min(1).max(400) }).optional(),
  /** Introduces the separate steps when a connected service comes first. */
  stepsLead: z.string().max(200).optional(),
  steps: z.array(LifeEventStep).min(1).max(10),
});

const LifeEventFile = z.object({ about: z.string(), events: z.array(LifeEvent).min(1) });

export type LifeEvent = z.infer<typeof LifeEvent>;

/** The events, in the file's order (parsed once; a malformed file fails at start, and in the unit test). */
export const LIFE_EVENTS: readonly LifeEvent[] = LifeEventFile.parse(file).events;

export function lifeEventBySlug(slug: string): LifeEvent | undefined {
  return LIFE_EVENTS.find((e) => e.slug === slug);
}

/** Every national code an event names, connected service first, in order, without repeats. */
export function proceduresOf(event: LifeEvent): string[] {
  const codes = [...(event.connected ? [event.connected.procedure] : []), ...event.steps.flatMap((s) => s.procedures)];
  return [...new Set(codes)];
}
