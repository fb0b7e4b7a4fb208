// Public dossier tracking without login: the code and a second value from the receipt (the tracking PIN,
// or the last 4 digits of the applicant's phone); codes match whatever their case and surrounding spaces;
// a wrong code and a wrong PIN are one answer; look-ups are limited per client and wrong values per code;
// the signed-in applicant needs only the code. Dossiers are filed through the real submission use case,
// so their codes are sequential like the national format makes them.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { viaSession } from "@/lib/auth/session-actor";
import { getCurrentUser } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";
import { getOwnDossier, trackDossier, type TrackOutcome } from "@/lib/dossiers/citizen";
import { receiptData } from "@/lib/dossiers/receipt";
import { trackingPin } from "@/lib/dossiers/tracking-pin";
import { submitDossier } from "@/lib/filing/submit";
import { LIMITS } from "@/lib/security/rate-limit";
import { PDF_BYTES, signInAs, signInCitizen, uploadPaper, validAnswers } from "../support/filing";
import { freshIp, request } from "../support/request";
import { serviceForm } from "../support/forms";

const OTHER_CITIZEN = "tracking.other@example.vn";
const PASSWORD = "CongDan2026x";
const codes: string[] = [];

const anonymous = () => ({ ip: freshIp(), user: null });
/** A PIN that is not this dossier's. */
const wrongPin = (code: string) => (trackingPin(code) === "000000" ? "000001" : "000000");

function neighbour(code: string, delta: number): string {
  const m = /^(.*-)(\d{4,})$/.exec(code)!;
  return `${m[1]}${String(Number(m[2]) + delta).padStart(4, "0")}`;
}

beforeAll(async () => {
  await db.user.upsert({
    where: { email: OTHER_CITIZEN },
    update: {},
    create: { email: OTHER_CITIZEN, role: "CITIZEN", fullName: "Trần Văn Bình", passwordHash: await hashPassword(PASSWORD) },
  });
  await signInCitizen();
  const s = await db.service.findFirstOrThrow({
    where: { agency: { identifier: "000.00.00.H29" }, onlineLevel: 4, procedure: { code: "1.004873" } },
  });
  const form = await serviceForm(s.code);
  for (let i = 0; i < 4; i++) {
    const answers: Record<string, unknown> = validAnswers(form);
    for (const f of form.steps.flatMap((st) => st.fields).filter((f) => f.type === "file")) {
      answers[f.id] = (await uploadPaper({ serviceCode: s.code, fieldId: f.id, fileName: "giay-to.pdf", bytes: PDF_BYTES })).id;
    }
    const filed = await viaSession(submitDossier, { serviceCode: s.code, idempotencyKey: randomUUID(), answers });
    if (!filed.ok) throw new Error(filed.message);
    codes.push(filed.data.code);
  }
  request.sessionId = undefined;
});

describe("tracking without login", () => {
  it("sequential codes alone reveal nothing", async () => {
    // The neighbours of the real codes, the real ones among them, guessed without the receipt's PIN.
    const guesses = new Set<string>();
    for (const c of codes) for (let d = -6; d <= 6; d++) if (Number(c.slice(-4)) + d > 0) guesses.add(neighbour(c, d));
    const outcomes: TrackOutcome[] = [];
    for (const g of guesses) {
      outcomes.push(await trackDossier({ code: g, pin: "" }, anonymous()));
      outcomes.push(await trackDossier({ code: g, pin: wrongPin(g) }, anonymous()));
    }
    const hits = outcomes.filter((o) => o.kind === "found");
    expect(codes.every((c) => guesses.has(c))).toBe(true);
    expect(hits).toHaveLength(0);
    // And the answers do not tell real codes from invented ones.
    expect(new Set(outcomes.map((o) => JSON.stringify(o))).size).toBe(2);
    // The receipt's PIN does find each of them.
    for (const c of codes) expect((await trackDossier({ code: c, pin: trackingPin(c) }, anonymous())).kind).toBe("found");
  });

  it("tracking needs the PIN or the last 4 digits of the phone; codes match case-insensitively, with surrounding spaces", async () => {
    const code = codes[0]!;
    const typed = `  ${code.toLowerCase()}  `;
    const byPin = await trackDossier({ code: typed, pin: ` ${trackingPin(code).slice(0, 3)} ${trackingPin(code).slice(3)} ` }, anonymous());
    expect(byPin).toMatchObject({ kind: "found", dossier: { code, service: { name: expect.any(String) } } });
    // Nothing about the applicant is in the answer.
    expect(JSON.stringify(byPin)).not.toMatch(/applicant|answers|0912345678|Nguyễn/);
    expect(await trackDossier({ code: typed, pin: "5678" }, anonymous())).toMatchObject({ kind: "found" });
    expect(await trackDossier({ code: typed, pin: "1234" }, anonymous())).toMatchObject({ kind: "not_found" });
    expect(await trackDossier({ code: typed, pin: "" }, anonymous())).toEqual({
      kind: "invalid",
      fieldErrors: { pin: expect.stringContaining("Mã tra cứu: vui lòng nhập") },
    });
    expect(await trackDossier({ code: typed, pin: "12a" }, anonymous())).toMatchObject({
      kind: "invalid",
      fieldErrors: { pin: expect.stringContaining("6 chữ số") },
    });
    expect(await trackDossier({ code: "abc", pin: "123456" }, anonymous())).toMatchObject({
      kind: "invalid",
      fieldErrors: { ma: expect.stringContaining("Mã hồ sơ: không đúng dạng") },
    });
  });

  it("a wrong code and a wrong PIN give the same answer", async () => {
    const real = codes[1]!;
    const invented = neighbour(codes[codes.length - 1]!, 50);
    const wrongForReal = await trackDossier({ code: real, pin: wrongPin(real) }, anonymous());
    const forInvented = await trackDossier({ code: invented, pin: trackingPin(real) }, anonymous());
    expect(wrongForReal).toEqual({ kind: "not_found", message: expect.stringContaining("Không tìm thấy hồ sơ") });
    expect(forInvented).toEqual(wrongForReal);
  });

  it("the receipt's QR address carries the code and the PIN, and leads to the dossier", async () => {
    await signInCitizen();
    const d = (await getOwnDossier((await getCurrentUser())!, codes[2]!))!;
    const r = receiptData(d);
    expect(r.trackingPin).toBe(trackingPin(d.code));
    const url = new URL(r.trackingUrl);
    expect(url.pathname).toBe("/tra-cuu-ho-so");
    request.sessionId = undefined;
    const found = await trackDossier({ code: url.searchParams.get("ma")!, pin: url.searchParams.get("pin")! }, anonymous());
    expect(found).toMatchObject({ kind: "found", dossier: { code: d.code } });
  });

  it("the signed-in applicant sees their own dossier with the code alone; another citizen needs the PIN", async () => {
    await signInCitizen();
    const user = await getCurrentUser();
    expect(await trackDossier({ code: codes[0]!.toLowerCase(), pin: "" }, { ip: freshIp(), user })).toMatchObject({ kind: "found" });
    await signInAs(OTHER_CITIZEN, PASSWORD);
    const other = await getCurrentUser();
    expect(await trackDossier({ code: codes[0]!, pin: "" }, { ip: freshIp(), user: other })).toMatchObject({
      kind: "invalid",
      fieldErrors: { pin: expect.any(String) },
    });
    request.sessionId = undefined;
  });

  it("look-ups are rate-limited per client, with a clear Vietnamese message", async () => {
    const ip = freshIp();
    for (let i = 0; i < LIMITS.trackingClient.points; i++) {
      // Different invented codes: only the per-client budget is spent.
      const o = await trackDossier({ code: neighbour(codes[0]!, 1000 + i), pin: "123456" }, { ip, user: null });
      expect(o.kind).toBe("not_found");
    }
    const refused = await trackDossier({ code: codes[0]!, pin: trackingPin(codes[0]!) }, { ip, user: null });
    expect(refused).toEqual({ kind: "rate_limited", message: expect.stringMatching(/tra cứu quá nhiều lần.*thử lại sau \d+ phút/) });
    // Another client is not affected.
    expect((await trackDossier({ code: codes[0]!, pin: trackingPin(codes[0]!) }, anonymous())).kind).toBe("found");
  });

  it("wrong second values for one code are limited, from whatever clients, whether or not the code exists", async () => {
    const real = codes[3]!;
    const invented = neighbour(codes[codes.length - 1]!, 80);
    // The real code was already guessed once in the first test: its budget is what is left.
    for (const code of [real, invented]) {
      const answers: string[] = [];
      for (let i = 0; i <= LIMITS.trackingCode.points; i++)
        answers.push((await trackDossier({ code, pin: wrongPin(code) }, anonymous())).kind);
      expect(answers.slice(0, LIMITS.trackingCode.points - 1).every((k) => k === "not_found")).toBe(true);
      expect(answers.at(-1)).toBe("rate_limited");
    }
    // Now even the right PIN waits, and the real and the invented code answer alike.
    const right = await trackDossier({ code: real, pin: trackingPin(real) }, anonymous());
    const other = await trackDossier({ code: invented, pin: "123456" }, anonymous());
    expect(right).toEqual({ kind: "rate_limited", message: expect.stringContaining("tạm khóa tra cứu") });
    expect(other).toEqual(right);
  });
});
