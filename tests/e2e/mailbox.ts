// The mail the portal sent, read from the e2e server's outbox (the demo has no mail relay): a test opens
// the links in it as a person would from their inbox.
import fs from "node:fs";
import path from "node:path";
import { expect } from "@playwright/test";
import pg from "pg";

export interface SentMail {
  to: string;
  subject: string;
  text: string;
}

function databaseUrl(): string {
  const env = JSON.parse(fs.readFileSync(path.join(process.cwd(), ".data", "e2e-env.json"), "utf8")) as Record<string, string>;
  return env.DATABASE_URL!;
}

export async function mailsTo(email: string): Promise<SentMail[]> {
  const client = new pg.Client({ connectionString: databaseUrl() });
  await client.connect();
  try {
    const r = await client.query<{ payload: SentMail }>(
      "SELECT payload FROM outbox_message WHERE kind = 'email' AND payload->>'to' = $1 ORDER BY id",
      [email],
    );
    return r.rows.map((row) => row.payload);
  } finally {
    await client.end();
  }
}

/** The last link to `pathname` in the mails to `email`, as a path with its query (the test's server answers it). */
export async function lastLink(email: string, pathname: string): Promise<string> {
  let link: string | undefined;
  await expect
    .poll(async () => {
      const urls = (await mailsTo(email)).flatMap((m) => [...m.text.matchAll(/https?:\/\/\S+/g)].map((x) => new URL(x[0])));
      const u = urls.filter((x) => x.pathname === pathname).at(-1);
      link = u && `${u.pathname}${u.search}`;
      return link;
    })
    .toBeTruthy();
  return link!;
}
