// Proof 4: node A killed (SIGKILL) while citizens file through the balancer loses no acknowledged dossier,
// and the balancer keeps serving from node B. Each citizen uploads a paper and submits (the requests proof 1
// captured from the browser, with their own paper and idempotency key); a request that fails is retried
// with the same key, as the browser's form does.
import { expect } from "@playwright/test";
import { DEMO, expectAccessible, PDF, test } from "../e2e/helpers";
import { cluster, contextOn, controlCall, proved, query, readHandoff, fileOverHttp, signInHttp, sleep, type Filing } from "./support";

test("node A killed under load loses no acknowledged dossier and the balancer serves from node B", async ({ browser }) => {
  const filing = readHandoff<Filing>("filing");
  const base = cluster.balancer();
  const n = cluster.loadCitizens();
  const cookies: string[] = [];
  for (let i = 1; i <= n; i++) cookies.push(await signInHttp(base, `cluster.citizen.${i}@cluster.example`, DEMO.citizen.password));
  const keyPrefix = `cluster-load-${Date.now()}`;

  let acknowledged = 0;
  let killedAfter = -1;
  const kill = (async () => {
    // Kill node A once a quarter of the filings were acknowledged: the rest are in flight or not yet sent.
    while (acknowledged < Math.ceil(n / 4)) await sleep(20);
    killedAfter = acknowledged;
    await controlCall("POST", "/kill?name=nodeA&signal=SIGKILL");
  })();

  const results = await Promise.all(
    cookies.map(async (cookie, i) => {
      const key = `${keyPrefix}-${i + 1}`;
      const r = await fileOverHttp(base, filing, cookie, key, PDF);
      const { code, status, text } = r;
      if (code) acknowledged++;
      else console.log(`  filing ${key}: not acknowledged (${status || "no answer"}) ${text.slice(0, 200)}`);
      return r;
    }),
  );
  await Promise.race([kill, sleep(5_000)]);
  expect(killedAfter, "node A was killed while the filings ran").toBeGreaterThanOrEqual(0);

  const acked = results.filter((r) => r.code);
  const retried = results.filter((r) => r.attempts > 2).length;
  // Every acknowledged code is a dossier, under the key it was filed with, exactly once.
  const rows = await query<{ code: string; key: string }>(
    "SELECT code, idempotency_key AS key FROM dossier WHERE idempotency_key LIKE $1",
    [`${keyPrefix}-%`],
  );
  const byCode = new Map(rows.map((r) => [r.code, r.key]));
  const lost = acked.filter((r) => byCode.get(r.code!) !== r.key);
  expect(lost, "acknowledged dossiers missing from the database").toEqual([]);
  expect(new Set(rows.map((r) => r.key)).size, "a key filed twice").toBe(rows.length);
  expect(acked.length, "most filings were acknowledged (retried on node B)").toBeGreaterThanOrEqual(n - 2);

  // The balancer keeps serving, from node B alone.
  let ok = 0;
  for (let i = 0; i < 20; i++) if ((await fetch(base + cluster.readyPath())).status === 200) ok++;
  expect(ok).toBe(20);
  const aDown = await fetch(cluster.nodeA() + cluster.readyPath()).then(
    () => false,
    () => true,
  );
  expect(aDown, "node A is down").toBe(true);
  const officerCtx = await contextOn(browser, base, "officer");
  const officer = await officerCtx.newPage();
  await officer.goto("/can-bo/ho-so");
  await expect(officer.getByRole("heading", { level: 1 })).toHaveText("Hàng đợi hồ sơ một cửa");
  await officer.getByLabel("Mã hồ sơ hoặc tên người nộp").fill(acked.at(-1)!.code!);
  await officer.getByRole("button", { name: "Lọc" }).click();
  await expect(officer.getByTestId("hang-doi")).toContainText(acked.at(-1)!.code!);
  await expectAccessible(officer);
  await officerCtx.close();
  proved(
    4,
    `node A SIGKILLed after ${killedAfter} of ${n} concurrent filings through nginx: ${acked.length} acknowledged, all ${acked.length} in the database ` +
      `(${rows.length} rows for the run's keys, none twice; ${retried} filings retried with their idempotency key); 20/20 requests to the balancer then answered 200 from node B`,
  );
});
