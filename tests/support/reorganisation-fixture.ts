// Test harness (issue 17): a retired agency of its own for the end-to-end test of "Áp dụng sáp nhập", so that no
// other spec's agency changes. Creates two units (random identifiers), the first ended on 2025-07-01 with the
// second as successor, and gives the first an officer, an API key, a push endpoint, a pending push, an
// unpublished service and the dossier `code` (filed by tests/support/file-dossier.ts; handed over with a chained
// event). Prints the two identifiers. Run with DATABASE_URL set:
// `tsx --conditions=react-server tests/support/reorganisation-fixture.ts <dossier code>`.
import { randomInt } from "node:crypto";
import { db } from "@/lib/db/client";
import { issueApiKey } from "@/lib/documents/api-keys";
import { appendEvent } from "@/lib/dossiers/events";

async function main() {
  const code = process.argv[2]!;
  const n = randomInt(100, 999);
  const oldId = `${n}.00.00.K71`;
  const newId = `${n}.00.00.K72`;
  const successor = await db.agency.create({
    data: {
      identifier: newId,
      name: `Đơn vị kế thừa thử nghiệm ${n}`,
      shortName: `ĐV kế thừa ${n}`,
      kind: "UNIT",
      validFrom: new Date("2016-01-01"),
    },
  });
  const retired = await db.agency.create({
    data: {
      identifier: oldId,
      name: `Đơn vị sáp nhập thử nghiệm ${n}`,
      shortName: `ĐV sáp nhập ${n}`,
      kind: "UNIT",
      validFrom: new Date("2016-01-01"),
      validTo: new Date("2025-07-01"),
      successorId: successor.id,
    },
  });
  await db.user.create({
    data: { role: "OFFICER", fullName: `Cán bộ đơn vị ${n}`, email: `canbo.${n}.k71@dichvucong.example`, agencyId: retired.id },
  });
  await issueApiKey(retired.id, `QLVB đơn vị ${n}`);
  await db.documentEndpoint.create({ data: { agencyId: retired.id, url: "https://qlvb.example/nhan", secret: "s".repeat(32) } });
  await db.outboxMessage.create({
    data: {
      kind: "document.push",
      payload: { type: "status", agencyId: retired.id, eventId: "1" },
      agencyId: retired.id,
      nextAttemptAt: new Date("2999-01-01"),
    },
  });
  const model = await db.service.findFirstOrThrow({ where: { agency: { identifier: "000.00.00.H29" } }, orderBy: { id: "asc" } });
  const procedure = await db.procedure.findUniqueOrThrow({ where: { id: model.procedureId }, select: { code: true } });
  await db.service.create({
    data: {
      code: `${procedure.code}.${oldId}`,
      procedureId: model.procedureId,
      agencyId: retired.id,
      name: model.name,
      onlineLevel: model.onlineLevel,
      channels: model.channels ?? [],
      formVersionId: model.formVersionId,
      published: false,
    },
  });
  await db.$transaction(async (tx) => {
    const d = await tx.dossier.update({ where: { code }, data: { holderAgencyId: retired.id, version: { increment: 1 } } });
    await appendEvent(tx, {
      dossierId: d.id,
      action: "transfer",
      agencyId: retired.id,
      note: "Chuyển để thử nghiệm sáp nhập (e2e)",
      data: { from: "Ủy ban nhân dân Thành phố Hồ Chí Minh", to: retired.name, toIdentifier: oldId },
    });
  });
  console.log(oldId);
  console.log(newId);
  await db.$disconnect();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
