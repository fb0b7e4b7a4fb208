// The general questions of prisma/data/faq.json, written into an empty FAQ list only: once there is a list,
// catalog administrators keep it (an edited or deleted question stays as they left it).
import fs from "node:fs";
import path from "node:path";
import type pg from "pg";
import { z } from "zod";

const FaqFile = z.object({
  about: z.string(),
  items: z.array(z.object({ question: z.string().min(5).max(300), answer: z.string().min(5).max(5000) })).min(1),
});

function loadFaqFile(): { question: string; answer: string; position: number }[] {
  const file = FaqFile.parse(JSON.parse(fs.readFileSync(path.join(process.cwd(), "prisma/data/faq.json"), "utf8")));
  return file.items.map((it, i) => ({ ...it, position: (i + 1) * 10 }));
}

/** The file's general questions, when the list is empty; the number written. */
export async function seedFaq(client: pg.ClientBase): Promise<number> {
  const seeded = await client.query(
    `INSERT INTO faq (question, answer, position)
     SELECT question, answer, position FROM jsonb_to_recordset($1::jsonb) AS x(question text, answer text, position int)
     WHERE NOT EXISTS (SELECT 1 FROM faq)`,
    [JSON.stringify(loadFaqFile())],
  );
  return seeded.rowCount ?? 0;
}
