// The search synonyms of prisma/data/search-synonyms.json, written into an empty list only: once there is a
// list, the administrators keep it (an edited or deleted pair stays as they left it).
import fs from "node:fs";
import path from "node:path";
import type pg from "pg";
import { z } from "zod";
import { phraseKeyOf } from "@/lib/catalog/query-expansion";

const SynonymFile = z.object({
  about: z.string(),
  pairs: z.array(z.tuple([z.string().min(1).max(120), z.string().min(1).max(120)])).min(40),
});

export function loadSynonymFile(): { phrase: string; official: string; phraseKey: string }[] {
  const file = SynonymFile.parse(JSON.parse(fs.readFileSync(path.join(process.cwd(), "prisma/data/search-synonyms.json"), "utf8")));
  return file.pairs.map(([phrase, official]) => ({ phrase, official, phraseKey: phraseKeyOf(phrase) }));
}

/** The file's pairs, when the list is empty; the number written. */
export async function seedSynonyms(client: pg.ClientBase): Promise<number> {
  const pairs = loadSynonymFile();
  const seeded = await client.query(
    `INSERT INTO search_synonym (phrase, phrase_key, official)
     SELECT phrase, "phraseKey", official FROM jsonb_to_recordset($1::jsonb) AS x(phrase text, "phraseKey" text, official text)
     WHERE NOT EXISTS (SELECT 1 FROM search_synonym)
     ON CONFLICT (phrase_key) DO NOTHING`,
    [JSON.stringify(pairs)],
  );
  return seeded.rowCount ?? 0;
}
