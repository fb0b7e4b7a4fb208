// Issue 18: agency API errors carry a stable code with its meaning in Vietnamese and English. A bad request to
// a document endpoint and to a dossier sync endpoint answers the stable code, `messages: { vi, en }` (and per
// field), Vietnamese title/detail by default, English with Accept-Language: en.
import { beforeAll, describe, expect, it } from "vitest";
import { POST as sendDocument } from "@/app/api/v1/van-ban/route";
import { POST as createDossier } from "@/app/api/v1/ho-so/route";
import { db } from "@/lib/db/client";
import { issueApiKey } from "@/lib/documents/api-keys";
import { API_ERROR_MESSAGES, KIND_TITLES } from "@/lib/errors/messages";
import { ProblemSchema } from "@/lib/errors/problem";

const HCMC = "000.00.00.H29";
let key = "";

beforeAll(async () => {
  const a = await db.agency.findUniqueOrThrow({ where: { identifier: HCMC } });
  key = (await issueApiKey(a.id, "Hệ thống thử lỗi hai thứ tiếng")).key;
});

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

async function post(handler: Handler, url: string, body: string, headers: Record<string, string> = {}) {
  const res = await handler(
    new Request(`http://localhost/api/v1/${url}`, {
      method: "POST",
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json", ...headers },
      body,
    }),
    { params: Promise.resolve({}) },
  );
  expect(res.headers.get("content-type")).toContain("application/problem+json");
  const json = (await res.json()) as Record<string, unknown>;
  // Every problem follows the published schema (the OpenAPI document's Problem).
  expect(ProblemSchema.safeParse(json).success, JSON.stringify(json)).toBe(true);
  return { status: res.status, json, language: res.headers.get("content-language") };
}

const VIETNAMESE = /[đĐ]|[\u0300-\u036f]/;
const hasVietnamese = (s: unknown) => VIETNAMESE.test(String(s).normalize("NFD"));

describe("agency API errors in two languages", () => {
  it("a document endpoint: invalid JSON answers invalid_json, Vietnamese by default, English when asked", async () => {
    const vi = await post(sendDocument, "van-ban", "{ not json");
    expect(vi.status).toBe(400);
    expect(vi.json).toMatchObject({ code: "invalid_json", title: KIND_TITLES.invalid.vi, messages: API_ERROR_MESSAGES.invalid_json });
    expect(hasVietnamese(vi.json.detail)).toBe(true);
    expect(vi.language).toBe("vi");

    const en = await post(sendDocument, "van-ban", "{ not json", { "accept-language": "en-GB,en;q=0.9,vi;q=0.5" });
    expect(en.status).toBe(400);
    expect(en.json).toMatchObject({
      code: "invalid_json",
      title: "Invalid request",
      detail: API_ERROR_MESSAGES.invalid_json.en,
      messages: { vi: API_ERROR_MESSAGES.invalid_json.vi, en: "The body is not valid JSON." },
    });
    expect(hasVietnamese(en.json.title)).toBe(false);
    expect(hasVietnamese(en.json.detail)).toBe(false);
    expect(en.language).toBe("en");
  });

  it("a document endpoint: a document that breaks the schema names each field in both languages", async () => {
    const r = await post(sendDocument, "van-ban", JSON.stringify({ subject: 1 }), { "accept-language": "en" });
    expect(r.status).toBe(400);
    expect(r.json.code).toBe("invalid_document");
    const errors = r.json.errors as { field: string; message: string; messages: { vi: string; en: string } }[];
    expect(errors.length).toBeGreaterThan(0);
    for (const e of errors) {
      expect(e.messages.vi).toBe(e.message);
      expect(hasVietnamese(e.messages.vi)).toBe(true);
      expect(e.messages.en).toBe(`${e.field}: invalid or missing value.`);
    }
    expect(r.json).toMatchObject({ title: "Invalid request", detail: API_ERROR_MESSAGES.invalid_document.en });
  });

  it("a dossier sync endpoint: a missing Idempotency-Key answers idempotency_key_missing in both languages", async () => {
    const vi = await post(createDossier, "ho-so", JSON.stringify({}));
    expect(vi.status).toBe(400);
    expect(vi.json).toMatchObject({
      code: "idempotency_key_missing",
      title: KIND_TITLES.invalid.vi,
      messages: API_ERROR_MESSAGES.idempotency_key_missing,
      errors: [{ field: "Idempotency-Key", messages: { en: "Idempotency-Key: invalid or missing value." } }],
    });
    expect(hasVietnamese(vi.json.detail)).toBe(true);

    const en = await post(createDossier, "ho-so", JSON.stringify({}), { "accept-language": "en" });
    expect(en.json).toMatchObject({
      code: "idempotency_key_missing",
      title: "Invalid request",
      detail: "The Idempotency-Key header is missing or invalid.",
    });
  });

  it("a dossier sync endpoint: a body that breaks the schema is 422 invalid_body, English when asked", async () => {
    const en = await post(createDossier, "ho-so", JSON.stringify({ code: 5 }), {
      "accept-language": "en",
      "idempotency-key": "b5c1e3a4-1d2e-4f50-9a6b-7c8d9e0f1a2b",
    });
    expect(en.status).toBe(422);
    expect(en.json).toMatchObject({
      code: "invalid_body",
      title: "Unprocessable content",
      detail: API_ERROR_MESSAGES.invalid_body.en,
      messages: API_ERROR_MESSAGES.invalid_body,
    });
    expect((en.json.errors as unknown[]).length).toBeGreaterThan(0);
  });
});
