// Issue 17, must show 2: a dossier filed on the portal for a service HCMC processes in its own one-stop system reaches
// the reference client (scripts/sync-client/inbox.ts, run here in the test's process): it checks the signature,
// downloads the paper, acknowledges; the citizen's page says so and the officer's page offers no portal action. With
// the client stopped, a filing waits (the push is retried with back-off) and is delivered once the client is back.
// The HCMC administrator switches the service to SYNC and registers the endpoint on the services admin page; the
// e2e server's first retry waits 1 s (SYNC_RETRY_DELAY_SECONDS, scripts/demo.ts), 5 s in the demo and production.
// Axe at 1280 and 320 px on the pages touched.
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { expect, type Page } from "@playwright/test";
import { startInbox, type RunningInbox } from "@/scripts/sync-client/inbox";
import { accessibleAtBothWidths, authFile, harness, pageAs, test } from "./helpers";

const SERVICE = "1.003197.000.00.00.H29";
const SERVICE_PAGE = `/can-bo/quan-tri-co-quan/dich-vu/${SERVICE}`;
/** How long the one-stop system is down in the second test. */
const OUTAGE_MS = 10_000;

const env = () => JSON.parse(fs.readFileSync(path.join(process.cwd(), ".data", "e2e-env.json"), "utf8")) as { DATABASE_URL: string };

async function query<T>(sql: string, values: unknown[]): Promise<T[]> {
  const client = new pg.Client({ connectionString: env().DATABASE_URL });
  await client.connect();
  try {
    return (await client.query(sql, values)).rows as T[];
  } finally {
    await client.end();
  }
}

const fileDossier = () => harness("tests/support/file-dossier.ts", "1.003197").trim().split("\n").at(-1)!;

test.describe.configure({ mode: "serial" });

let inbox: RunningInbox | undefined;
const client = { portalUrl: "", apiKey: "", secret: "", port: 0 };

test.afterAll(async () => {
  await inbox?.stop();
});

test.describe(() => {
  test.use({ storageState: authFile("agencyAdmin") });

  test("the HCMC administrator switches a service to its one-stop system and registers where dossiers go", async ({ page, baseURL }) => {
    test.setTimeout(90_000);
    client.portalUrl = baseURL!;
    // The key the one-stop system calls the portal with.
    await page.goto("/can-bo/quan-tri-co-quan/ket-noi");
    await page.getByLabel("Tên khóa").fill("Hệ thống một cửa điện tử TP. Hồ Chí Minh");
    await page.getByRole("button", { name: "Cấp khóa" }).click();
    const key = page.getByRole("status").filter({ hasText: "Đã cấp khóa API" }).locator("code");
    await expect(key).toHaveText(/^dvc_/);
    client.apiKey = (await key.textContent())!;
    // Listening before the portal knows its address (its port is then the endpoint's).
    inbox = await startInbox({ ...client, secret: "not-yet", port: 0, prefix: "HCM", advance: false, log: () => {} });
    client.port = inbox.port;

    await page.goto(SERVICE_PAGE);
    const section = page.locator("section", { has: page.getByRole("heading", { name: "Nơi xử lý hồ sơ nộp trực tuyến", level: 2 }) });
    await expect(section.getByTestId("noi-xu-ly-hien-tai")).toHaveText("Xử lý trên Cổng");
    await section.getByRole("radio", { name: /^Đồng bộ với hệ thống một cửa của cơ quan/ }).check();
    await section.getByRole("button", { name: "Lưu nơi xử lý hồ sơ" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Đã lưu nơi xử lý hồ sơ." })).toBeVisible();
    await expect(section.getByTestId("noi-xu-ly-hien-tai")).toHaveText("Đồng bộ hệ thống một cửa");

    // A bad address is refused by name and kept as typed; the good one gives the signing secret, once.
    await section.getByLabel("Địa chỉ nhận hồ sơ (URL)").fill("khong-phai-url");
    await section.getByRole("button", { name: "Lưu địa chỉ nhận hồ sơ" }).click();
    await expect(section.locator("#tom-tat-loi")).toContainText("Địa chỉ nhận (URL): vui lòng nhập địa chỉ");
    await expect(section.getByLabel("Địa chỉ nhận hồ sơ (URL)")).toHaveValue("khong-phai-url");
    await section.getByLabel("Địa chỉ nhận hồ sơ (URL)").fill(`http://127.0.0.1:${client.port}/ho-so`);
    await section.getByRole("button", { name: "Lưu địa chỉ nhận hồ sơ" }).click();
    const secret = section.getByRole("status").locator("code");
    await expect(secret).toHaveText(/^whsec_/);
    client.secret = (await secret.textContent())!;
    await accessibleAtBothWidths(page);
    await inbox.stop();
    inbox = await startInbox({ ...client, prefix: "HCM", advance: false, log: () => {} });
  });
});

/** The citizen's page of the dossier says it went to the agency's system, and when the agency acknowledged it. */
async function citizenSees(page: Page, code: string) {
  await page.goto(`/ho-so-cua-toi/${code}`);
  const note = page.getByTestId("he-thong-co-quan");
  await expect(note).toContainText("Hồ sơ của bạn được gửi đến hệ thống thông tin một cửa điện tử của cơ quan");
  return note;
}

test("a dossier filed on the portal reaches the one-stop system: papers downloaded, acknowledged, shown to the citizen", async ({
  browser,
}) => {
  // A harness run (tsx) and eight axe checks: slow on a shared machine.
  test.setTimeout(240_000);
  const code = fileDossier();
  const taken = await inbox!.waitFor(code, 30_000);
  expect(taken).toMatchObject({ via: "push", papers: 1, externalCode: expect.stringMatching(/^HCM-/) });
  expect(inbox!.refused).toBe(0);

  const citizen = await pageAs(browser, "citizen");
  const note = await citizenSees(citizen, code);
  await expect(note.getByTestId("da-chuyen")).toContainText("Đã chuyển đến hệ thống của cơ quan lúc");
  await expect(note.getByTestId("da-tiep-nhan-he-thong")).toContainText("Cơ quan đã tiếp nhận trên hệ thống của mình lúc");
  await expect(citizen.getByText("Hệ thống một cửa của cơ quan đã tiếp nhận hồ sơ")).toBeVisible();
  await accessibleAtBothWidths(citizen);

  // The officer follows it: the delivery state beside the status, and no portal action.
  const officer = await pageAs(browser, "officer");
  await officer.goto(`/can-bo/ho-so/${code}`);
  await expect(officer.getByTestId("trang-thai-dong-bo")).toHaveText("Hệ thống một cửa của cơ quan đã tiếp nhận");
  await expect(officer.getByTestId("xu-ly-tren-he-thong-co-quan")).toBeVisible();
  await expect(officer.getByTestId("thao-tac-chinh")).toHaveCount(0);
  await expect(officer.getByRole("button", { name: "Tiếp nhận hồ sơ" })).toHaveCount(0);
  await accessibleAtBothWidths(officer);
});

test("with the one-stop system down, a filing waits (retried) and is delivered once it is back", async ({ browser }) => {
  test.setTimeout(240_000);
  await inbox!.stop();
  const down = Date.now();
  const code = fileDossier();
  // The push fails and is retried: attempts are counted and the error kept; nothing is lost.
  await expect
    .poll(
      async () =>
        (
          await query<{ attempts: number }>(
            `SELECT o.attempts FROM outbox_message o JOIN dossier d ON d.id::text = o.payload->>'dossierId'
              WHERE o.kind = 'dossier.deliver' AND d.code = $1 AND o.status = 'PENDING' AND o.last_error IS NOT NULL`,
            [code],
          )
        )[0]?.attempts ?? 0,
      { timeout: 20_000 },
    )
    .toBeGreaterThanOrEqual(1);
  const citizen = await pageAs(browser, "citizen");
  const note = await citizenSees(citizen, code);
  await expect(note.getByTestId("da-tiep-nhan-he-thong")).toHaveCount(0);
  await expect(note).toContainText("Đang chuyển đến hệ thống của cơ quan");

  await new Promise((r) => setTimeout(r, Math.max(0, OUTAGE_MS - (Date.now() - down))));
  inbox = await startInbox({ ...client, prefix: "HCM", advance: false, log: () => {} });
  const back = Date.now();
  const taken = await inbox.waitFor(code, 60_000);
  expect(taken).toMatchObject({ via: "push", papers: 1 });
  console.log(
    `sync-outbound: down ${Math.round((back - down) / 1000)} s, delivered ${Math.round((Date.now() - back) / 1000)} s after it came back`,
  );
  const [row] = await query<{ status: string; attempts: number }>(
    `SELECT o.status, o.attempts FROM outbox_message o JOIN dossier d ON d.id::text = o.payload->>'dossierId'
      WHERE o.kind = 'dossier.deliver' AND d.code = $1`,
    [code],
  );
  expect(row).toMatchObject({ status: "SENT" });
  expect(row!.attempts).toBeGreaterThanOrEqual(2);
  const [failed] = await query<{ n: number }>(
    `SELECT count(*)::int AS n FROM exchange_log WHERE operation = 'dossier-deliver' AND document_key = $1 AND NOT success`,
    [code],
  );
  expect(failed!.n).toBeGreaterThanOrEqual(1);
  await citizen.reload();
  await expect(citizen.getByTestId("da-tiep-nhan-he-thong")).toContainText("Cơ quan đã tiếp nhận trên hệ thống của mình lúc");
});
