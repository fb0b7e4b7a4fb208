// Recall of a sent document from the portal's pages (issue 17): the sender asks one copy back through the
// API's use case or every open copy at once; the recipient agrees (15) or refuses (16); each page's action
// checks the ticked confirmation on the server and keeps what was typed when it refuses.
import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { isRedirectError } from "next/dist/client/components/redirect-error";
import { getURLFromRedirectError } from "next/dist/client/components/redirect";
import { recallAction } from "@/app/(officer)/can-bo/van-ban-di/actions";
import { documentStatusAction } from "@/app/(officer)/can-bo/van-ban-den/actions";
import { viaSession } from "@/lib/auth/session-actor";
import { db } from "@/lib/db/client";
import { pendingRecallCount } from "@/lib/documents/registers";
import { revisionStart } from "@/lib/documents/revisions";
import { sendDocument } from "@/lib/documents/send";
import { recallAllCopies, setDocumentStatus } from "@/lib/documents/status";
import { EMPTY_ACTION_STATE } from "@/lib/forms/action-state";
import { documentExchangeText as t } from "@/lib/i18n/vi/document-exchange";
import { signInAs } from "../support/filing";

vi.mock("next/cache", async (importOriginal) => ({ ...(await importOriginal<typeof import("next/cache")>()), revalidatePath: vi.fn() }));

const HCMC = "000.00.00.H29";
const MOJ = "000.00.00.G15";
const asVpcp = () => signInAs("quantri@vpcp.example", "VanPhong@2026");
const asHcmc = () => signInAs("canbo.hcm@dichvucong.example", "CanBo@2026");

function formData(fields: Record<string, string>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  return f;
}

async function redirectOf(action: Promise<unknown>): Promise<URL> {
  try {
    const state = await action;
    throw new Error(`no redirect: ${JSON.stringify(state)}`);
  } catch (err) {
    if (!isRedirectError(err)) throw err;
    return new URL(getURLFromRedirectError(err), "http://localhost");
  }
}

async function send(recipients: string[]) {
  await asVpcp();
  const sent = await viaSession(sendDocument, {
    typeCode: "CV",
    subject: `V/v rà soát thủ tục hành chính ${randomUUID()}`,
    signerPosition: "KT. BỘ TRƯỞNG, CHỦ NHIỆM – PHÓ CHỦ NHIỆM",
    signerName: "Nguyễn Văn Nên",
    recipients,
    messageId: randomUUID(),
  });
  if (!sent.ok) throw new Error(sent.message);
  const copies = await db.documentRecipient.findMany({
    where: { document: { documentKey: sent.data.documentKey } },
    include: { agency: { select: { identifier: true } } },
  });
  const copy = (identifier: string) => copies.find((c) => c.agency.identifier === identifier)!;
  return { documentKey: sent.data.documentKey, copy };
}

const statusOf = async (id: string) => (await db.documentRecipient.findUniqueOrThrow({ where: { id } })).status;
const eventsOf = async (id: string) =>
  (await db.documentStatusEvent.findMany({ where: { recipientId: id }, orderBy: { id: "asc" } })).map((e) => [e.status, e.description]);

describe("recall of a sent document from the portal", () => {
  it("recalls every copy still open in one step, leaves the finished one, and refuses when none is left", async () => {
    const { documentKey, copy } = await send([HCMC, MOJ]);
    await asHcmc();
    for (const [status, version] of [
      ["03", 1],
      ["06", 2],
    ] as const) {
      expect((await viaSession(setDocumentStatus, { recipientId: copy(HCMC).id, status, version })).ok).toBe(true);
    }
    // Another agency cannot recall it, nor learn it exists.
    expect(await viaSession(recallAllCopies, { documentKey, description: "x" })).toMatchObject({ ok: false, code: "not_found" });

    await asVpcp();
    const r = await viaSession(recallAllCopies, { documentKey, description: "Gửi nhầm phụ lục" });
    expect(r).toMatchObject({ ok: true, data: { recalled: [copy(MOJ).id], left: [copy(HCMC).id] } });
    expect(await statusOf(copy(MOJ).id)).toBe("13");
    expect(await statusOf(copy(HCMC).id)).toBe("06");
    expect(await eventsOf(copy(MOJ).id)).toEqual([
      ["01", t.arrivedEvent],
      ["13", "Gửi nhầm phụ lục"],
    ]);
    expect(await viaSession(recallAllCopies, { documentKey, description: "Lần hai" })).toMatchObject({
      ok: false,
      code: "conflict",
      message: t.recall.nothingToRecall,
    });
    const doc = await db.document.findUniqueOrThrow({ where: { documentKey } });
    expect(await db.auditEvent.findFirst({ where: { action: "document.recall-all", entityId: doc.id, outcome: "ok" } })).not.toBeNull();
  });

  it("asks a clerk for the reason of a recall (13) and of a refused recall (16); the API keeps them optional", async () => {
    const { copy } = await send([HCMC]);
    const id = copy(HCMC).id;
    expect(await viaSession(setDocumentStatus, { recipientId: id, status: "13", version: 1 })).toMatchObject({
      ok: false,
      fieldErrors: { description: t.recall.reasonRequired },
    });
    expect((await viaSession(setDocumentStatus, { recipientId: id, status: "13", version: 1, description: "Sai số liệu" })).ok).toBe(true);
    await asHcmc();
    expect(await pendingRecallCount((await (await import("@/lib/auth/current-user")).getCurrentUser())!)).toBeGreaterThan(0);
    expect(await viaSession(setDocumentStatus, { recipientId: id, status: "16", version: 2 })).toMatchObject({
      ok: false,
      fieldErrors: { description: t.recall.refuseReasonRequired },
    });
    expect(await statusOf(id)).toBe("13");
  });

  it("the sent register's form: no confirmation keeps the typed reason and does nothing; confirmed, it recalls", async () => {
    const { copy } = await send([HCMC]);
    const id = copy(HCMC).id;
    const typed = "Văn bản gửi nhầm đơn vị, sẽ gửi lại bản đúng";
    expect(await recallAction(EMPTY_ACTION_STATE, formData({ recipientId: id, version: "1", description: typed }))).toMatchObject({
      ok: false,
      fieldErrors: { confirm: t.recall.confirmRequired["13"] },
      values: { description: typed },
    });
    expect(await statusOf(id)).toBe("01");
    // Confirmed without a reason: the use case names the field, and the checkbox stays ticked.
    expect(
      await recallAction(EMPTY_ACTION_STATE, formData({ recipientId: id, version: "1", description: " ", confirm: "on" })),
    ).toMatchObject({
      ok: false,
      fieldErrors: { description: t.recall.reasonRequired },
      values: { confirm: "on" },
    });
    const to = await redirectOf(
      recallAction(EMPTY_ACTION_STATE, formData({ recipientId: id, version: "1", description: typed, confirm: "on" })),
    );
    expect(to.pathname + to.search).toBe("/can-bo/van-ban-di?da-lay-lai=1");
    expect(await statusOf(id)).toBe("13");
    // A stale page (the version it showed) is told, not applied twice.
    expect(
      await recallAction(EMPTY_ACTION_STATE, formData({ recipientId: id, version: "1", description: typed, confirm: "on" })),
    ).toMatchObject({
      ok: false,
    });
  });

  it("the incoming register's answers: confirmed agreement recalls the copy; a confirmed refusal with a reason resumes it", async () => {
    const first = await send([HCMC]);
    const second = await send([HCMC]);
    for (const c of [first.copy(HCMC), second.copy(HCMC)]) {
      expect((await viaSession(setDocumentStatus, { recipientId: c.id, status: "13", version: 1, description: "Sai số liệu" })).ok).toBe(
        true,
      );
    }
    await asHcmc();
    const agree = first.copy(HCMC).id;
    expect(await documentStatusAction(EMPTY_ACTION_STATE, formData({ recipientId: agree, status: "15", version: "2" }))).toMatchObject({
      ok: false,
      fieldErrors: { confirm: t.recall.confirmRequired["15"] },
    });
    expect(await statusOf(agree)).toBe("13");
    const to = await redirectOf(
      documentStatusAction(EMPTY_ACTION_STATE, formData({ recipientId: agree, status: "15", version: "2", confirm: "on" })),
    );
    expect(to.search).toBe("?da-tra-loi=15");
    expect(await statusOf(agree)).toBe("15");

    const refuse = second.copy(HCMC).id;
    const reason = "Đã triển khai theo văn bản, đề nghị ban hành văn bản sửa đổi";
    expect(
      await documentStatusAction(EMPTY_ACTION_STATE, formData({ recipientId: refuse, status: "16", version: "2", description: reason })),
    ).toMatchObject({ ok: false, fieldErrors: { confirm: t.recall.confirmRequired["16"] }, values: { description: reason } });
    await redirectOf(
      documentStatusAction(
        EMPTY_ACTION_STATE,
        formData({ recipientId: refuse, status: "16", version: "2", description: reason, confirm: "on" }),
      ),
    );
    expect(await statusOf(refuse)).toBe("01");
    expect((await eventsOf(refuse)).map(([s]) => s)).toEqual(["01", "13", "16", "01"]);
    // The sender may ask again after a refusal: the same rule the page offers its form by.
    await asVpcp();
    expect((await viaSession(setDocumentStatus, { recipientId: refuse, status: "13", version: 3, description: "Lần hai" })).ok).toBe(true);
  });

  it("starts an update for one copy with only that recipient", async () => {
    const { documentKey } = await send([HCMC, MOJ]);
    const { getCurrentUser } = await import("@/lib/auth/current-user");
    const user = (await getCurrentUser())!;
    expect((await revisionStart(user, documentKey, 2))?.recipients?.split(",").sort()).toEqual([MOJ, HCMC].sort());
    expect(await revisionStart(user, documentKey, 2, MOJ)).toMatchObject({ recipients: MOJ, businessType: "2", replacesKey: documentKey });
    expect(await revisionStart(user, documentKey, 2, "000.00.00.G02")).toBeNull();
  });
});
