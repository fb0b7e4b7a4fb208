// Test harness: takes officer steps on a dossier through the status module, as the officer workspace
// will. Run with DATABASE_URL set: `tsx --conditions=react-server tests/support/drive-dossier.ts <code> <step>...`
// Steps: receive, startProcessing, requestSupplement, finish, returnResult.
import { db } from "@/lib/db/client";
import { finishWithResult } from "@/lib/dossiers/result";
import { applyTransition } from "@/lib/dossiers/transition";

async function main() {
  const [code, ...steps] = process.argv.slice(2);
  const dossier = await db.dossier.findUniqueOrThrow({ where: { code }, select: { id: true, holderAgencyId: true } });
  const officer = await db.user.findFirstOrThrow({
    where: { agencyId: dossier.holderAgencyId, role: { in: ["OFFICER", "AGENCY_ADMIN"] } },
  });
  const actor = { kind: "officer" as const, id: officer.id, role: officer.role, agencyId: officer.agencyId };
  for (const step of steps) {
    await db.$transaction(async (tx) => {
      if (step === "finish") {
        await finishWithResult(tx, dossier.id, actor, {
          documentNumber: "15/QĐ-UBND",
          resultTitle: "Kết quả giải quyết thủ tục (bản điện tử)",
          body: ["Chấp thuận đề nghị của công dân theo hồ sơ đã nộp."],
          signer: { position: "KT. CHỦ TỊCH – PHÓ CHỦ TỊCH", name: "Nguyễn Văn A" },
        });
      } else if (step === "requestSupplement") {
        await applyTransition(tx, {
          dossierId: dossier.id,
          action: step,
          actor,
          payload: { reason: "Bản chụp giấy tờ bị mờ, không đọc được.", papers: ["Bản chụp rõ nét giấy tờ tùy thân"] },
        });
      } else {
        await applyTransition(tx, { dossierId: dossier.id, action: step as "receive", actor });
      }
    });
    console.log(`${code}: ${step}`);
  }
  await db.$disconnect();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
