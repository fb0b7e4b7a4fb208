// The agency API's limits (issue #13): each key has a request budget, and a client that keeps presenting
// wrong keys is refused for a while; both answer 429 problem+json with Retry-After, and leave their
// exchange-log row like any refusal.
import { beforeAll, describe, expect, it } from "vitest";
import { GET as inbox } from "@/app/api/v1/van-ban/den/route";
import { db } from "@/lib/db/client";
import { issueApiKey } from "@/lib/documents/api-keys";
import { ProblemSchema } from "@/lib/errors/problem";
import { hit, LIMITS } from "@/lib/security/rate-limit";
import { freshIp } from "../support/request";

const URL_INBOX = "http://localhost/api/v1/van-ban/den";
let key: { id: string; key: string };
let other: { id: string; key: string };
let agencyId: number;

const call = (o: { key?: string; ip?: string } = {}) => {
  const headers = new Headers();
  if (o.key) headers.set("authorization", `Bearer ${o.key}`);
  // No socket recorder runs in tests: the rightmost hop stands for the socket's peer.
  if (o.ip) headers.set("x-forwarded-for", o.ip);
  return inbox(new Request(URL_INBOX, { headers }));
};

async function tooMany(res: Response, code: string) {
  expect(res.status).toBe(429);
  expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
  const retryAfter = Number(res.headers.get("retry-after"));
  expect(Number.isInteger(retryAfter) && retryAfter > 0).toBe(true);
  const p = ProblemSchema.parse(await res.json());
  expect(p).toMatchObject({ status: 429, code, type: `/tai-lieu-api#loi-${code}` });
  return retryAfter;
}

beforeAll(async () => {
  agencyId = (await db.agency.findUniqueOrThrow({ where: { identifier: "000.00.00.H29" } })).id;
  key = await issueApiKey(agencyId, "Hệ thống quản lý văn bản (kiểm thử giới hạn)");
  other = await issueApiKey(agencyId, "Hệ thống thứ hai");
});

describe("agency API limits", () => {
  it("answers 429 with Retry-After once a key has spent its budget, and logs the refusal", async () => {
    expect((await call({ key: key.key, ip: freshIp() })).status).toBe(200);
    // The rest of this minute's budget, spent at once.
    await hit("apiKey", [key.id], LIMITS.apiKey.points - 1);
    const retryAfter = await tooMany(await call({ key: key.key, ip: freshIp() }), "api_key_rate_limited");
    expect(retryAfter).toBeLessThanOrEqual(LIMITS.apiKey.windowSeconds);
    const logged = await db.exchangeLog.findFirst({ where: { agencyId, faultCode: "api_key_rate_limited" } });
    expect(logged?.success).toBe(false);
    // Another key of the same agency has its own budget.
    expect((await call({ key: other.key, ip: freshIp() })).status).toBe(200);
  });

  it("refuses a client that guessed too many keys with 429, even with a right key, and only that client", async () => {
    const guesser = freshIp();
    const budget = LIMITS.apiKeyFailuresClient.points;
    for (let i = 0; i < budget; i++) {
      const wrong = `dvc_${String(i).padStart(43, "x")}`;
      expect((await call({ key: wrong, ip: guesser })).status).toBe(401);
    }
    const retryAfter = await tooMany(await call({ key: `dvc_${"y".repeat(43)}`, ip: guesser }), "too_many_wrong_keys");
    expect(retryAfter).toBeLessThanOrEqual(LIMITS.apiKeyFailuresClient.windowSeconds);
    // A right key from the guessing client is refused too (it cannot tell right from wrong), elsewhere it works.
    await tooMany(await call({ key: other.key, ip: guesser }), "too_many_wrong_keys");
    expect((await call({ key: other.key, ip: freshIp() })).status).toBe(200);
  });

  it("does not count requests that present no key", async () => {
    const ip = freshIp();
    for (let i = 0; i < LIMITS.apiKeyFailuresClient.points + 5; i++) expect((await call({ ip })).status).toBe(401);
    expect((await call({ key: other.key, ip })).status).toBe(200);
  });
});
