// Test harness: files a level-4 dossier of TP. Hồ Chí Minh for the demo citizen through the use cases (as the
// citizen, with a session of their own), for end-to-end tests that need a dossier but not the filing form; prints
// its code (one a line). Run with DATABASE_URL set: `tsx --conditions=react-server tests/support/file-dossier.ts [procedure code] [how many]`.
import { randomUUID } from "node:crypto";
import { userActor } from "@/lib/auth/actor";
import { createSession, sessionUser } from "@/lib/auth/sessions";
import { db } from "@/lib/db/client";
import { uploadDraftPaper } from "@/lib/filing/attachments";
import { submitDossier } from "@/lib/filing/submit";
import { PDF_BYTES, validAnswers } from "./answers";
import { serviceForm } from "./forms";

async function main() {
  const citizen = await db.user.findUniqueOrThrow({ where: { email: "congdan@dichvucong.example" } });
  const actor = userActor(await sessionUser(await createSession(citizen.id, { ip: "127.0.0.1", userAgent: "e2e harness" })));
  const s = await db.service.findFirstOrThrow({
    where: { agency: { identifier: "000.00.00.H29" }, onlineLevel: 4, procedure: { code: process.argv[2] ?? "1.004873" } },
  });
  const form = await serviceForm(s.code);
  const count = Math.min(10, Math.max(1, Number(process.argv[3]) || 1));
  for (let i = 0; i < count; i++) {
    const answers = validAnswers(form);
    for (const f of form.steps.flatMap((st) => st.fields).filter((f) => f.type === "file")) {
      const r = await uploadDraftPaper(actor, { serviceCode: s.code, fieldId: f.id, fileName: "giay-to.pdf", bytes: PDF_BYTES });
      if (!r.ok) throw new Error(r.message);
      answers[f.id] = r.data.id;
    }
    const r = await submitDossier(actor, { serviceCode: s.code, idempotencyKey: randomUUID(), answers });
    if (!r.ok) throw new Error(`${r.message} ${JSON.stringify(r.fieldErrors)}`);
    console.log(r.data.code);
  }
  await db.$disconnect();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
