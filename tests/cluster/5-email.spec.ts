// Proof 5: every e-mail goes out exactly once, counted at the SMTP relay: one message per dossier filed
// in this run (the receipt notice, its subject naming the code), none twice. The worker process
// (scripts/worker.ts) is SIGKILLed while the relay holds its reply to a message, then started again: that
// message still arrives once (the relay counts a message only once its reply reached a live connection, and
// the killed job is retried when it expires, lib/jobs/queues.ts).
import { expect } from "@playwright/test";
import { DEMO, PDF, test } from "../e2e/helpers";
import { cluster, controlCall, fileOverHttp, proved, query, readHandoff, signInHttp, sleep, type Filing } from "./support";

interface State {
  smtp: { accepted: { to: string; subject: string; messageId: string }[]; abandoned: number };
}

const smtpState = () => controlCall<State>("GET", "/state").then((s) => s.smtp);

/** Each dossier of the run and its applicant's address. */
const dossiers = () =>
  query<{ code: string; email: string }>("SELECT d.code, u.email FROM dossier d JOIN app_user u ON u.id = d.applicant_id ORDER BY d.code");

/** For each dossier, how many accepted messages to its applicant name its code. */
async function countsPerDossier() {
  const [rows, smtp] = await Promise.all([dossiers(), smtpState()]);
  return {
    rows,
    smtp,
    counts: rows.map((d) => ({ ...d, n: smtp.accepted.filter((m) => m.to === d.email && m.subject.includes(d.code)).length })),
  };
}

test("the worker killed mid-send and started again sends each e-mail exactly once", async () => {
  test.setTimeout(420_000);
  // The earlier proofs' e-mails go out first, so that the only message in flight when the worker dies is
  // the one the relay holds. (A message whose 250 reply reached the worker just before a kill, but whose
  // send was not yet recorded, would go out twice: delivery is at least once, docs/deploy.md.)
  await expect
    .poll(async () => (await countsPerDossier()).counts.filter((c) => c.n === 0).length, { timeout: 120_000, intervals: [1_000] })
    .toBe(0);
  const filing = readHandoff<Filing>("filing");
  const cookie = await signInHttp(cluster.balancer(), "cluster.citizen.1@cluster.example", DEMO.citizen.password);
  await controlCall("POST", "/smtp-delay?ms=5000");
  const inFlight = controlCall("POST", "/smtp-in-flight");
  const filed = await fileOverHttp(cluster.balancer(), filing, cookie, `cluster-mail-${Date.now()}`, PDF);
  expect(filed.code, "the filing whose e-mail is in flight").toBeTruthy();
  await inFlight; // the relay holds the worker's DATA: the job is running
  await controlCall("POST", "/kill?name=worker&signal=SIGKILL");
  await controlCall("POST", "/smtp-delay?ms=0");
  await sleep(1_000);
  await controlCall("POST", "/start?name=worker");
  const killNote = `worker SIGKILLed while the relay held the e-mail for ${filed.code}, then restarted`;

  // Every dossier's e-mail arrives (the retry after a kill waits for the queue's expiry)...
  let last = await countsPerDossier();
  await expect
    .poll(
      async () => {
        last = await countsPerDossier();
        return last.counts.filter((c) => c.n === 0).map((c) => c.code);
      },
      { timeout: 300_000, intervals: [2_000] },
    )
    .toEqual([]);
  // ...and no second copy follows.
  await sleep(10_000);
  last = await countsPerDossier();
  const twice = last.counts.filter((c) => c.n !== 1);
  expect(twice, "dossiers whose e-mail did not arrive exactly once").toEqual([]);
  expect(last.rows.length).toBeGreaterThan(cluster.loadCitizens());
  proved(
    5,
    `${last.rows.length} dossiers, ${last.rows.length} receipt e-mails accepted by the SMTP relay, each exactly once ` +
      `(${last.smtp.accepted.length} messages in all, ${last.smtp.abandoned} abandoned mid-reply); ${killNote}`,
  );
});
