// The 2016 programme's milestones (prisma/data/milestones.json). Idempotent: a milestone is created once, and
// what the VPCP administrators change later (dates, status, notes) is never overwritten by a re-seed.
import fs from "node:fs";
import path from "node:path";
import type pg from "pg";
import { z } from "zod";

const MilestoneFile = z.array(
  z.object({
    code: z.string().regex(/^[A-Z0-9-]{2,40}$/),
    title: z.string().min(5),
    description: z.string(),
    dueDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  }),
);

export function loadMilestoneFile() {
  return MilestoneFile.parse(JSON.parse(fs.readFileSync(path.join(process.cwd(), "prisma", "data", "milestones.json"), "utf8")));
}

/** Inserts the milestones that are missing; returns how many the file holds. */
export async function seedMilestones(client: pg.ClientBase): Promise<number> {
  const rows = loadMilestoneFile();
  await client.query(
    `INSERT INTO milestone (code, title, description, due_date)
     SELECT code, title, description, "dueDate"::date FROM jsonb_to_recordset($1::jsonb) AS x(code text, title text, description text, "dueDate" text)
     ON CONFLICT (code) DO NOTHING`,
    [JSON.stringify(rows)],
  );
  return rows.length;
}
