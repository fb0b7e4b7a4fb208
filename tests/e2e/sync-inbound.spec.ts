// Must-show 1 of issue 17: the reference client (scripts/sync-client/counter.ts, imported) plays TP. Hồ Chí
// Minh's one-stop system: it files a dossier received at its counter for a citizen's personal identification
// number and moves it through statuses; the citizen (verified with that number) sees it in "Hồ sơ của tôi" and on
// public tracking; a stale update gets 409; replaying a request changes nothing; the reconciliation shows zero
// differences on the VPCP dashboard. The API key is issued through the agency administrator's page, as
// documents.spec.ts does. The citizen is an account of this spec's own (verified fields become read-only, so
// the shared demo citizen stays unverified for the other specs).
import fs from "node:fs";
import path from "node:path";
import { randomInt, randomUUID } from "node:crypto";
import { expect, type Page } from "@playwright/test";
import pg from "pg";
import { SyncApi } from "@/scripts/sync-client/api";
import { runCounter, stepBody } from "@/scripts/sync-client/counter";
import { DEMO, expectAccessible, pageAs, signIn, test } from "./helpers";

const HCMC = "000.00.00.H29";
const SERVICE = "1.010041.000.00.00.H29";

const env = () => JSON.parse(fs.readFileSync(path.join(process.cwd(), ".data", "e2e-env.json"), "utf8")) as Record<string, string>;

async function query<T extends pg.QueryResultRow>(sql: string, params: unknown[]): Promise<T[]> {
  const client = new pg.Client({ connectionString: env().DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

async function bothWidths(page: Page) {
  await expectAccessible(page);
  await page.setViewportSize({ width: 320, height: 800 });
  await expectAccessible(page);
  await page.setViewportSize({ width: 1280, height: 800 });
}

test("the reference client files at the HCMC counter; citizen, tracking, 409, replay and reconciliation", async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  // The agency administrator issues the key the one-stop system uses.
  const admin = await pageAs(browser, "agencyAdmin");
  await admin.goto("/can-bo/quan-tri-co-quan/ket-noi");
  await admin.getByLabel("Tên khóa").fill(`Hệ thống một cửa TP.HCM ${randomUUID().slice(0, 8)}`);
  await admin.getByRole("button", { name: "Cấp khóa" }).click();
  const apiKey = (await admin.getByRole("status").filter({ hasText: "Đã cấp khóa API" }).locator("code").textContent())!;
  expect(apiKey).toMatch(/^dvc_/);

  // A citizen verified with their number (as the e-ID leaves an account), the demo citizen's password.
  const pid = `0791${String(randomInt(10 ** 8)).padStart(8, "0")}`;
  const email = `dongbo.${pid}@example.vn`;
  const [hash] = await query<{ password_hash: string }>("SELECT password_hash FROM app_user WHERE email = $1", [DEMO.citizen.email]);
  await query(
    `INSERT INTO app_user (role, full_name, cccd, email, password_hash, identity_verified_at, updated_at)
     VALUES ('CITIZEN', 'Trần Thị Đồng Bộ', $1, $2, $3, now(), now())`,
    [pid, email, hash!.password_hash],
  );

  // Received three days ago at the counter (its own day, so the reconciliation covers this run's dossier alone).
  const receivedAt = new Date(Date.now() - 3 * 86_400_000);
  const run = await runCounter({
    baseUrl: baseURL!,
    apiKey,
    agency: HCMC,
    serviceCode: SERVICE,
    applicants: [{ name: "Trần Thị Đồng Bộ", personalId: pid, phone: "0908123456" }],
    steps: [4, 5, 4, 9],
    receivedAt,
    reconcile: false,
  });
  const filed = run.dossiers[0]!;
  expect(filed.status).toBe(9);
  const api = new SyncApi({ baseUrl: baseURL!, apiKey });

  // Result returned, under a key; the same request again answers the same and changes nothing.
  const key = randomUUID();
  const body = stepBody(10, filed.version, new Date());
  const first = await api.pushStatus(filed.code, body, key);
  expect(first.ok && first.data.status).toBe(10);
  const version = first.ok ? first.data.version : 0;
  const replay = await api.pushStatus(filed.code, body, key);
  expect(replay).toEqual(first);
  const view = await api.getDossier(filed.code);
  expect(view.ok && view.data.version).toBe(version);
  // A stale update: 409 with the current version.
  const stale = await api.pushStatus(filed.code, stepBody(8, filed.version, new Date()));
  expect(stale.ok).toBe(false);
  if (!stale.ok) expect(stale.problem).toMatchObject({ code: "stale_version", currentVersion: version, currentStatus: 10 });
  expect(stale.status).toBe(409);

  // Reconciliation of that day: zero differences.
  const day = new Date(receivedAt.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
  const report = await api.reconcile(day, [{ code: filed.code, status: 10, version }]);
  expect(report.ok && report.data.differences).toEqual([]);

  // The citizen sees it in "Hồ sơ của tôi" and on its page, read-only.
  const citizen = await (await browser.newContext()).newPage();
  await signIn(citizen, { email, password: DEMO.citizen.password }, "/ho-so-cua-toi");
  await citizen.goto("/ho-so-cua-toi");
  await expect(citizen.getByRole("link", { name: filed.code }).first()).toBeVisible();
  await expect(citizen.getByTestId("danh-sach-ho-so")).toContainText("Tiếp nhận trực tiếp tại");
  await bothWidths(citizen);
  await citizen.getByRole("link", { name: filed.code }).first().click();
  await expect(citizen.getByTestId("trang-thai")).toHaveText("Đã trả kết quả");
  await expect(citizen.getByTestId("ho-so-dong-bo")).toBeVisible();
  await expect(citizen.getByTestId("tien-do")).toContainText("Thiếu bản sao giấy tờ chứng minh nơi cư trú");
  await expect(citizen.getByRole("button", { name: /Rút hồ sơ/ })).toHaveCount(0);
  await bothWidths(citizen);

  // Public tracking by its code and the PIN the counter printed.
  const anon = await (await browser.newContext()).newPage();
  await anon.goto(`/tra-cuu-ho-so?ma=${encodeURIComponent(filed.code)}&pin=${filed.trackingPin}`);
  await expect(anon.getByTestId("trang-thai")).toContainText("Đã trả kết quả");
  await bothWidths(anon);

  // The HCMC officer sees it read-only, with its origin.
  const officer = await pageAs(browser, "officer");
  await officer.goto(`/can-bo/ho-so/${encodeURIComponent(filed.code)}`);
  await expect(officer.getByTestId("ho-so-dong-bo")).toContainText("hệ thống một cửa của cơ quan");
  await expect(officer.locator("#thao-tac")).toHaveCount(0);
  await bothWidths(officer);

  // The VPCP dashboard: HCMC first among the pilots shows zero differences.
  const vpcp = await pageAs(browser, "admin");
  await vpcp.goto("/quan-tri");
  const hcm = vpcp.getByTestId(`dong-bo-${HCMC}`);
  await expect(hcm.getByTestId("doi-soat")).toContainText("Khớp (0 chênh lệch)");
  await expect(hcm.getByTestId("do-tre")).not.toHaveText("—");
  await bothWidths(vpcp);
});
