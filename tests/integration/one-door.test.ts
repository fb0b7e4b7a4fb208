// One use case per operation, whoever calls it: a document sent (and a status set) by an agency's own system
// through the API route and by a clerk in the portal goes through the same door, leaving the same audit entry
// except for who acted; a refused API call answers problem+json with the rule's stable code, logged as such.
import { createHash, randomInt, randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { isRedirectError } from "next/dist/client/components/redirect-error";
import { getURLFromRedirectError } from "next/dist/client/components/redirect";
import { revalidatePath } from "next/cache";
import { POST as send } from "@/app/api/v1/van-ban/route";
import { POST as setStatus } from "@/app/api/v1/van-ban/den/[recipientId]/trang-thai/route";
import { sendAction } from "@/app/(officer)/can-bo/van-ban-di/soan/actions";
import { documentStatusAction } from "@/app/(officer)/can-bo/van-ban-den/actions";
import { db } from "@/lib/db/client";
import { issueApiKey } from "@/lib/documents/api-keys";
import type { EdDocument } from "@/lib/documents/schema";
import { viaSession } from "@/lib/auth/session-actor";
import { sendDocument } from "@/lib/documents/send";
import { EMPTY_ACTION_STATE } from "@/lib/forms/action-state";
import { documentExchangeText } from "@/lib/i18n/vi/document-exchange";
import { signInAs } from "../support/filing";

// Outside a Next request there is no cache to revalidate: the actions' revalidations are recorded instead.
vi.mock("next/cache", async (importOriginal) => ({ ...(await importOriginal<typeof import("next/cache")>()), revalidatePath: vi.fn() }));

/** The form a page would post: each field once, `recipients` once per agency chosen. */
function formData(fields: Record<string, string | string[]>): FormData {
  const f = new FormData();
  for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) f.append(name, v);
  return f;
}

/** Runs a server action that redirects on success, answering where it went (it fails the test otherwise). */
async function redirectOf(action: Promise<unknown>): Promise<URL> {
  try {
    const state = await action;
    throw new Error(`no redirect: ${JSON.stringify(state)}`);
  } catch (err) {
    if (!isRedirectError(err)) throw err;
    return new URL(getURLFromRedirectError(err), "http://localhost");
  }
}

const VPCP = "000.00.00.G22";
const HCMC = "000.00.00.H29";
const BASE = "http://localhost/api/v1/van-ban";

const agencies: Record<string, number> = {};
const apiKeys: Record<string, { id: string; key: string }> = {};

beforeAll(async () => {
  for (const identifier of [VPCP, HCMC]) {
    const a = await db.agency.findUniqueOrThrow({ where: { identifier } });
    agencies[identifier] = a.id;
    apiKeys[identifier] = await issueApiKey(a.id, `QLVB một cửa ${a.shortName}`);
  }
});

function message(extra: Partial<EdDocument> = {}): EdDocument {
  return {
    from: { organId: VPCP, organName: "Văn phòng Chính phủ" },
    to: [{ organId: HCMC, organName: "Ủy ban nhân dân Thành phố Hồ Chí Minh" }],
    code: { number: 900_000 + randomInt(90_000), notation: "VPCP-KSTT" },
    promulgation: { place: "Hà Nội", date: "2026-12-01" },
    documentType: { code: "CV", name: "Công văn" },
    subject: "V/v thống nhất một cửa cho mọi bên gọi",
    signer: { position: "CHỦ NHIỆM", fullName: "Trần Văn Sơn" },
    priority: 0,
    secrecy: 0,
    trace: { businessType: 0 },
    messageId: randomUUID(),
    attachments: [],
    ...extra,
  };
}

const post = (path: string, key: string, body: string) =>
  new Request(`${BASE}${path}`, {
    method: "POST",
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    body,
  });

const auditOf = (action: string, entityId: string) =>
  db.auditEvent.findFirstOrThrow({ where: { action, entityId, outcome: "ok" }, orderBy: { id: "asc" } });

/** The part of an audit entry that describes what was done, the same whoever did it. */
const what = (e: { action: string; entityType: string; outcome: string; details: unknown }) => ({
  action: e.action,
  entityType: e.entityType,
  outcome: e.outcome,
  detailKeys: Object.keys(e.details as object).sort(),
});

describe("one door for the portal and the agency API", () => {
  it("audits a send and a status the same through the API route and the web action, differing only in the actor", async () => {
    // The agency's system, through the real route handler with its Bearer key.
    const res = await send(post("", apiKeys[VPCP]!.key, JSON.stringify(message())));
    expect(res.status, await res.clone().text()).toBe(201);
    const viaApi = (await res.json()) as { documentKey: string };
    const apiDoc = await db.document.findUniqueOrThrow({ where: { documentKey: viaApi.documentKey }, include: { recipients: true } });

    // A clerk of the same agency, through the compose page's server action.
    const clerk = await signInAs("quantri@vpcp.example", "VanPhong@2026");
    const sent = await redirectOf(
      sendAction(
        EMPTY_ACTION_STATE,
        formData({
          typeCode: "CV",
          subject: "V/v thống nhất một cửa cho mọi bên gọi",
          signerPosition: "CHỦ NHIỆM",
          signerName: "Trần Văn Sơn",
          priority: "0",
          secrecy: "0",
          recipients: [HCMC],
          messageId: randomUUID(),
        }),
      ),
    );
    expect(sent.pathname).toBe("/can-bo/van-ban-di");
    const webKey = sent.searchParams.get("da-gui")!;
    const webDoc = await db.document.findUniqueOrThrow({ where: { documentKey: webKey }, include: { recipients: true } });

    const apiSend = await auditOf("document.send", apiDoc.id);
    const webSend = await auditOf("document.send", webDoc.id);
    expect(what(apiSend)).toEqual(what(webSend));
    expect(what(apiSend)).toEqual({
      action: "document.send",
      entityType: "document",
      outcome: "ok",
      detailKeys: ["documentKey", "recipients"],
    });
    expect(apiSend.details).toEqual({ documentKey: apiDoc.documentKey, recipients: [HCMC] });
    expect(webSend.details).toEqual({ documentKey: webDoc.documentKey, recipients: [HCMC] });
    expect(apiSend).toMatchObject({
      actorKind: "agency_system",
      actorRef: apiKeys[VPCP]!.id,
      actorAgencyId: agencies[VPCP],
      actorId: null,
      actorRole: null,
    });
    expect(webSend).toMatchObject({ actorKind: "user", actorRef: null, actorAgencyId: agencies[VPCP], actorId: clerk.userId });
    // Both documents reached HCMC the same way: one copy, status 01.
    expect([apiDoc, webDoc].map((d) => d.recipients.map((r) => [r.agencyId, r.status]))).toEqual([
      [[agencies[HCMC], "01"]],
      [[agencies[HCMC], "01"]],
    ]);

    // HCMC accepts one copy from its system and the other from the portal: one use case, two actors.
    const apiCopy = apiDoc.recipients[0]!;
    const accepted = await setStatus(post(`/den/${apiCopy.id}/trang-thai`, apiKeys[HCMC]!.key, '{"status":"03"}'), {
      params: Promise.resolve({ recipientId: apiCopy.id }),
    });
    expect(accepted.status, await accepted.clone().text()).toBe(200);
    const officer = await signInAs("canbo.hcm@dichvucong.example", "CanBo@2026");
    const webCopy = webDoc.recipients[0]!;
    const form = formData({ recipientId: webCopy.id, status: "03", version: String(webCopy.version), description: "" });
    expect(await documentStatusAction(EMPTY_ACTION_STATE, form)).toMatchObject({
      ok: true,
      message: documentExchangeText.statusUpdated,
      fieldErrors: {},
    });
    expect(revalidatePath).toHaveBeenCalledWith("/can-bo/van-ban-den");
    expect((await db.documentRecipient.findUniqueOrThrow({ where: { id: webCopy.id } })).status).toBe("03");
    const apiStatus = await auditOf("document.status", apiCopy.id);
    const webStatus = await auditOf("document.status", webCopy.id);
    expect(what(apiStatus)).toEqual(what(webStatus));
    expect(apiStatus.details).toEqual({ documentKey: apiDoc.documentKey, status: "03" });
    expect(webStatus.details).toEqual({ documentKey: webDoc.documentKey, status: "03" });
    expect(apiStatus).toMatchObject({
      actorKind: "agency_system",
      actorRef: apiKeys[HCMC]!.id,
      actorAgencyId: agencies[HCMC],
      actorId: null,
    });
    expect(webStatus).toMatchObject({ actorKind: "user", actorAgencyId: agencies[HCMC], actorId: officer.userId });
    const copies = await db.documentRecipient.findMany({
      where: { id: { in: [apiCopy.id, webCopy.id] } },
      select: { status: true, arrivalNumber: true },
    });
    expect(copies.every((c) => c.status === "03" && c.arrivalNumber !== null)).toBe(true);
  });

  it("refuses through the API with problem+json and the rule's code, logs it, stores and audits nothing; the portal gets the same code", async () => {
    const first = message();
    expect((await send(post("", apiKeys[VPCP]!.key, JSON.stringify(first)))).status).toBe(201);
    const clash = message({ code: first.code });
    const started = new Date();
    const clashBody = JSON.stringify(clash);
    const res = await send(post("", apiKeys[VPCP]!.key, clashBody));
    expect(res.status).toBe(409);
    expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    expect(await res.json()).toEqual({
      type: "/tai-lieu-api#loi-number_used",
      title: expect.any(String),
      status: 409,
      code: "number_used",
      detail: expect.stringMatching(/^code\.number: số \d+ loại CV năm 2026 đã được dùng/),
      instance: "/api/v1/van-ban",
      errors: [
        {
          field: "code",
          message: expect.stringContaining("code.number"),
          messages: { vi: expect.stringContaining("code.number"), en: expect.any(String) },
        },
      ],
      // The message in both languages (lib/errors/messages.ts); title and detail stay Vietnamese unless the client asks for English.
      messages: { vi: "Số văn bản cùng loại, cùng năm đã được dùng.", en: expect.any(String) },
    });
    expect(await db.document.count({ where: { messageId: clash.messageId } })).toBe(0);
    const logged = await db.exchangeLog.findMany({
      where: { operation: "send", agencyId: agencies[VPCP], sha256: createHash("sha256").update(clashBody).digest("hex") },
    });
    expect(logged.map((l) => [l.success, l.faultCode, l.direction, l.size])).toEqual([
      [false, "number_used", "in", Buffer.byteLength(clashBody)],
    ]);
    expect(await db.auditEvent.count({ where: { action: "document.send", at: { gte: started }, actorRef: apiKeys[VPCP]!.id } })).toBe(0);

    // Sending as another agency than the key's is forbidden, with its own code.
    const foreign = await send(post("", apiKeys[HCMC]!.key, JSON.stringify(message({ to: [{ organId: VPCP, organName: "VPCP" }] }))));
    expect(foreign.status).toBe(403);
    expect(await foreign.json()).toMatchObject({ code: "foreign_sender", status: 403 });

    // The same rule refuses the same way in the portal: an unknown recipient is "unknown_recipient" for both callers.
    const unknown = await send(
      post("", apiKeys[VPCP]!.key, JSON.stringify(message({ to: [{ organId: "000.00.00.G99", organName: "?" }] }))),
    );
    expect(await unknown.json()).toMatchObject({ status: 400, code: "unknown_recipient" });
    await signInAs("quantri@vpcp.example", "VanPhong@2026");
    const web = await viaSession(sendDocument, {
      typeCode: "CV",
      subject: "V/v gửi tới cơ quan không có",
      signerPosition: "CHỦ NHIỆM",
      signerName: "Trần Văn Sơn",
      recipients: ["000.00.00.G99"],
      messageId: randomUUID(),
    });
    expect(web).toMatchObject({
      ok: false,
      code: "invalid",
      reason: "unknown_recipient",
      fieldErrors: { recipients: expect.stringContaining("000.00.00.G99") },
    });
    // The compose page's action hands the same refusal back to its form, the recipient field marked.
    const refused = await sendAction(
      EMPTY_ACTION_STATE,
      formData({
        typeCode: "CV",
        subject: "V/v gửi tới cơ quan không có",
        signerPosition: "CHỦ NHIỆM",
        signerName: "Trần Văn Sơn",
        recipients: ["000.00.00.G99"],
        messageId: randomUUID(),
      }),
    );
    expect(refused).toMatchObject({ ok: false, fieldErrors: { recipients: expect.stringContaining("000.00.00.G99") } });
  });

  it("asks for a refusal's reason by the field each caller sent: `description` for the API, the form's label in the portal", async () => {
    const res = await send(post("", apiKeys[VPCP]!.key, JSON.stringify(message())));
    expect(res.status, await res.clone().text()).toBe(201);
    const { documentKey } = (await res.json()) as { documentKey: string };
    const copy = await db.documentRecipient.findFirstOrThrow({ where: { document: { documentKey } } });

    const viaApi = await setStatus(post(`/den/${copy.id}/trang-thai`, apiKeys[HCMC]!.key, '{"status":"02"}'), {
      params: Promise.resolve({ recipientId: copy.id }),
    });
    expect(viaApi.status).toBe(400);
    expect(await viaApi.json()).toMatchObject({
      code: "reason_required",
      detail: documentExchangeText.api.reasonRequired,
      errors: [{ field: "description", message: documentExchangeText.api.reasonRequired }],
    });

    await signInAs("canbo.hcm@dichvucong.example", "CanBo@2026");
    const form = formData({ recipientId: copy.id, status: "02", version: String(copy.version), description: "" });
    expect(await documentStatusAction(EMPTY_ACTION_STATE, form)).toMatchObject({
      ok: false,
      fieldErrors: { description: documentExchangeText.refusalReasonRequired },
    });
    expect((await db.documentRecipient.findUniqueOrThrow({ where: { id: copy.id } })).status).toBe("01");
  });
});
