import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db/client";
import { incomingRegister, outgoingRegister } from "@/lib/documents/registers";
import { sendDocument } from "@/lib/documents/send";
import { setDocumentStatus } from "@/lib/documents/status";
import { signInAs } from "../support/filing";
import { viaSession } from "@/lib/auth/session-actor";

const PASSWORD = "VanThu2026";

async function me() {
  const { getCurrentUser } = await import("@/lib/auth/current-user");
  return (await getCurrentUser())!;
}

const draft = (recipients: string[], extra: Record<string, unknown> = {}) => ({
  typeCode: "CV",
  subject: "V/v triển khai Nghị quyết 36a/NQ-CP về Chính phủ điện tử",
  content: "Văn phòng Chính phủ đề nghị các cơ quan báo cáo tiến độ kết nối.",
  signerPosition: "KT. BỘ TRƯỞNG, CHỦ NHIỆM – PHÓ CHỦ NHIỆM",
  signerName: "Nguyễn Văn Nên",
  priority: 2,
  recipients,
  messageId: randomUUID(),
  ...extra,
});

beforeAll(async () => {
  // Clerks of HCMC and of the Ministry of Justice.
  for (const [email, identifier] of [
    ["vanthu.hcm@example.vn", "000.00.00.H29"],
    ["vanthu.btp@example.vn", "000.00.00.G15"],
    ["vanthu.bct@example.vn", "000.00.00.G02"],
  ] as const) {
    const agency = await db.agency.findUniqueOrThrow({ where: { identifier } });
    await db.user.upsert({
      where: { email },
      update: {},
      create: {
        email,
        role: "OFFICER",
        fullName: `Văn thư ${agency.shortName}`,
        agencyId: agency.id,
        passwordHash: await hashPassword(PASSWORD),
      },
    });
  }
});

describe("documents between agencies", () => {
  it("VPCP sends to HCMC and the Ministry of Justice; each recipient's status flows back to the sender", async () => {
    await signInAs("quantri@vpcp.example", "VanPhong@2026");
    const sent = await viaSession(sendDocument, draft(["000.00.00.H29", "000.00.00.G15"]));
    if (!sent.ok) throw new Error(sent.message);
    expect(sent.data.documentKey).toMatch(/^000\.00\.00\.G22,\d{4}\/\d{2}\/\d{2},\d+\/VPCP$/);

    await signInAs("vanthu.hcm@example.vn", PASSWORD);
    const inbox = await incomingRegister(await me());
    const mine = inbox.find((r) => r.document.documentKey === sent.data.documentKey)!;
    expect(mine.status).toBe("01");
    for (const [status, version] of [
      ["03", 1],
      ["04", 2],
      ["06", 3],
    ] as const) {
      const r = await viaSession(setDocumentStatus, { recipientId: mine.id, status, version, department: "Văn phòng UBND" });
      expect(r.ok, JSON.stringify(r)).toBe(true);
    }
    // A skipped step or a stale version is refused.
    expect(await viaSession(setDocumentStatus, { recipientId: mine.id, status: "03", version: 4 })).toMatchObject({ ok: false });
    const accepted = await db.documentRecipient.findUniqueOrThrow({ where: { id: mine.id } });
    expect(accepted.arrivalNumber).toBeGreaterThan(0);

    await signInAs("quantri@vpcp.example", "VanPhong@2026");
    const register = await outgoingRegister(await me());
    const doc = register.find((d) => d.documentKey === sent.data.documentKey)!;
    const byAgency = Object.fromEntries(doc.recipients.map((r) => [r.agency.identifier, r.events.map((e) => e.status)]));
    expect(byAgency["000.00.00.H29"]).toEqual(["01", "03", "04", "06"]);
    expect(byAgency["000.00.00.G15"]).toEqual(["01"]);
  });

  it("stores a retried send once, and numbers concurrent sends distinctly in sequence", async () => {
    await signInAs("quantri@vpcp.example", "VanPhong@2026");
    const d = draft(["000.00.00.H29"]);
    const [a, b] = await Promise.all([viaSession(sendDocument, d), viaSession(sendDocument, d)]);
    expect(a.ok && b.ok).toBe(true);
    if (a.ok && b.ok) expect(a.data.id).toBe(b.data.id);
    expect(await db.document.count({ where: { messageId: d.messageId } })).toBe(1);

    const many = await Promise.all(
      Array.from({ length: 10 }, () => viaSession(sendDocument, draft(["000.00.00.G15"], { typeCode: "TB" }))),
    );
    const numbers = many.map((r) => (r.ok ? Number(r.data.documentKey.split(",")[2]!.split("/")[0]) : 0)).sort((x, y) => x - y);
    expect(new Set(numbers).size).toBe(10);
    expect(numbers[9]! - numbers[0]!).toBe(9);
    expect(many.every((r) => r.ok && /\d+\/TB-VPCP$/.test(r.data.documentKey))).toBe(true);
  });

  // The recall tests use the Ministry of Industry and Trade: the Ministry of Justice only ever receives
  // here, as the monitoring test expects of it.
  it("lets the sender ask a recall and the recipient agree or refuse; others see nothing", async () => {
    await signInAs("quantri@vpcp.example", "VanPhong@2026");
    const sent = await viaSession(sendDocument, draft(["000.00.00.G02"]));
    if (!sent.ok) throw new Error(sent.message);
    const recipient = await db.documentRecipient.findFirstOrThrow({ where: { document: { documentKey: sent.data.documentKey } } });
    const recall = await viaSession(setDocumentStatus, {
      recipientId: recipient.id,
      status: "13",
      version: 1,
      description: "Gửi nhầm phụ lục",
    });
    expect(recall, JSON.stringify(recall)).toMatchObject({ ok: true });
    // The sender cannot accept on the recipient's behalf.
    expect((await viaSession(setDocumentStatus, { recipientId: recipient.id, status: "15", version: 2 })).ok).toBe(false);

    await signInAs("vanthu.hcm@example.vn", PASSWORD);
    expect(await viaSession(setDocumentStatus, { recipientId: recipient.id, status: "15", version: 2 })).toMatchObject({
      ok: false,
      code: "not_found",
    });
    expect((await incomingRegister(await me())).some((r) => r.id === recipient.id)).toBe(false);

    await signInAs("vanthu.bct@example.vn", PASSWORD);
    expect((await viaSession(setDocumentStatus, { recipientId: recipient.id, status: "15", version: 2 })).ok).toBe(true);
    const events = await db.documentStatusEvent.findMany({ where: { recipientId: recipient.id }, orderBy: { at: "asc" } });
    expect(events.map((e) => e.status)).toEqual(["01", "13", "15"]);
  });

  it("puts the copy back where it was when the recipient refuses a recall", async () => {
    await signInAs("quantri@vpcp.example", "VanPhong@2026");
    const sent = await viaSession(sendDocument, draft(["000.00.00.G02"]));
    if (!sent.ok) throw new Error(sent.message);
    const recipient = await db.documentRecipient.findFirstOrThrow({ where: { document: { documentKey: sent.data.documentKey } } });
    await signInAs("vanthu.bct@example.vn", PASSWORD);
    expect((await viaSession(setDocumentStatus, { recipientId: recipient.id, status: "03", version: 1 })).ok).toBe(true);
    await signInAs("quantri@vpcp.example", "VanPhong@2026");
    expect((await viaSession(setDocumentStatus, { recipientId: recipient.id, status: "13", version: 2, description: "Gửi nhầm" })).ok).toBe(
      true,
    );
    await signInAs("vanthu.bct@example.vn", PASSWORD);
    expect(
      await viaSession(setDocumentStatus, { recipientId: recipient.id, status: "16", version: 3, description: "Đã triển khai" }),
    ).toMatchObject({
      ok: true,
      data: { status: "03" },
    });
    const after = await db.documentRecipient.findUniqueOrThrow({
      where: { id: recipient.id },
      include: { events: { orderBy: { id: "asc" } } },
    });
    expect(after.status).toBe("03");
    expect(after.events.map((e) => e.status)).toEqual(["01", "03", "13", "16", "03"]);
  });

  it("refuses a citizen, and names bad fields", async () => {
    await signInAs("congdan@dichvucong.example", "CongDan@2026");
    expect(await viaSession(sendDocument, draft(["000.00.00.H29"]))).toMatchObject({ ok: false, code: "forbidden" });
    await signInAs("quantri@vpcp.example", "VanPhong@2026");
    const bad = await viaSession(sendDocument, draft([], { subject: "x" }));
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.fieldErrors.subject).toMatch(/^Trích yếu/);
      expect(bad.fieldErrors.recipients).toMatch(/^Nơi nhận/);
    }
  });
});
