// The citizen on a phone (issue 19): "Hồ sơ của tôi" pages by a keyset cursor and carries what the next step
// needs; notifications have an unread state, open (marking read) only for their owner, land on the section
// they are about, and are counted in the header.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as header } from "@/app/api/phien/route";
import { GET as openRoute } from "@/app/(citizen)/thong-bao/[id]/route";
import { actorUser, userActor } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/password";
import { sessionActor, viaSession } from "@/lib/auth/session-actor";
import { db } from "@/lib/db/client";
import { countOwnDossiers, listOwnDossiers } from "@/lib/dossiers/citizen";
import { nextStep } from "@/lib/dossiers/next-step";
import { applyTransition } from "@/lib/dossiers/transition";
import { submitDossier } from "@/lib/filing/submit";
import type { FormDefinition } from "@/lib/forms/definition";
import { markAllNoticesRead, noticePage, openNotice, type NoticePage } from "@/lib/notify/inbox";
import { notifyUser } from "@/lib/notify/notify";
import { levelFourServiceWithPapers, PDF_BYTES, signInAs, uploadPaper, validAnswers } from "../support/filing";
import { request } from "../support/request";

let service: { code: string; form: FormDefinition; fee: number };
const PASSWORD = "CongDanMoi@2026";

/** A citizen of the test's own, so that counts are exact whatever other files do. */
async function newCitizen(): Promise<string> {
  const email = `congdan.thongbao.${randomUUID().slice(0, 8)}@dichvucong.example`;
  await db.user.create({
    data: { role: "CITIZEN", fullName: "Công dân thử thông báo", email, passwordHash: await hashPassword(PASSWORD) },
  });
  await signInAs(email, PASSWORD);
  return email;
}

async function file(): Promise<{ code: string; dossierId: string }> {
  const answers = validAnswers(service.form);
  for (const [i, f] of service.form.steps
    .flatMap((s) => s.fields)
    .filter((f) => f.type === "file")
    .entries()) {
    answers[f.id] = (await uploadPaper({ serviceCode: service.code, fieldId: f.id, fileName: `giay-to-${i}.pdf`, bytes: PDF_BYTES })).id;
  }
  const r = await viaSession(submitDossier, { serviceCode: service.code, idempotencyKey: randomUUID(), answers });
  if (!r.ok) throw new Error(`${r.message} ${JSON.stringify(r.fieldErrors)}`);
  return r.data;
}

/** Where a route handler's redirect() sends the browser (its digest). */
async function redirectOf(res: Promise<Response>): Promise<string | undefined> {
  const err = await res.then(
    () => null,
    (e: unknown) => e,
  );
  return (err as { digest?: string } | null)?.digest?.split(";")[2];
}

async function headerUnread(): Promise<unknown> {
  return ((await (await header()).json()) as { user: { unread: unknown } | null }).user?.unread;
}

beforeAll(async () => {
  service = await levelFourServiceWithPapers();
});

describe("Hồ sơ của tôi", () => {
  it("pages the citizen's dossiers newest first by a keyset cursor, with a count and what the next step needs", async () => {
    // Someone else's dossier first, for the cursor test below.
    await newCitizen();
    const foreign = await file();
    await newCitizen();
    const user = actorUser(await sessionActor())!;
    const filed = [await file(), await file(), await file()];
    expect(await countOwnDossiers(user)).toBe(3);
    const page1 = await listOwnDossiers(user, 2);
    expect(page1.map((d) => d.code)).toEqual([filed[2]!.code, filed[1]!.code]);
    const page2 = await listOwnDossiers(user, 2, page1[1]!.code);
    expect(page2.map((d) => d.code)).toEqual([filed[0]!.code]);
    expect(await listOwnDossiers(user, 2, filed[0]!.code)).toEqual([]);
    // A cursor the citizen cannot see (someone else's code, or junk) starts from the top: it reveals nothing.
    expect((await listOwnDossiers(user, 2, foreign.code)).map((d) => d.code)).toEqual(page1.map((d) => d.code));

    const d = page1[0]!;
    expect(d).toMatchObject({ onlineLevel: 4, paidAmount: 0, ratedAt: null, _count: { attachments: 0 } });
    expect(nextStep({ ...d, resultCount: d._count.attachments }).code).toBe(d.feeAmount > 0 ? "pay" : "wait");
  });
});

describe("notifications", () => {
  it("pages the user's notices, opens one only for its owner (marking it read), marks all read, and the header counts them", async () => {
    await newCitizen();
    const actor = await sessionActor();
    const me = actorUser(actor)!;
    for (let i = 1; i <= 25; i++) {
      await db.$transaction((tx) =>
        notifyUser(tx, { userId: me.id, title: `Thông báo ${i}`, body: "Nội dung", link: `/ho-so-cua-toi/X-${i}#bo-sung` }),
      );
    }
    // Pages of 10, newest first, by the last id of the previous page.
    const seen: string[] = [];
    let after: string | null = null;
    for (const size of [10, 10, 5]) {
      const p: NoticePage = (await noticePage(actor, after, 10))!;
      expect(p.notices).toHaveLength(size);
      expect(p).toMatchObject({ total: 25, unread: 25 });
      seen.push(...p.notices.map((n) => n.title));
      after = p.next;
    }
    expect(after).toBeNull();
    expect(seen).toEqual(Array.from({ length: 25 }, (_, i) => `Thông báo ${25 - i}`));
    expect(await headerUnread()).toBe(25);

    const newest = (await noticePage(actor, null, 1))!.notices[0]!;
    expect(newest.read).toBe(false);
    // Opening lands on the exact place, marks it read once, and is the owner's alone.
    expect(await openNotice(actor, newest.id)).toEqual({ kind: "opened", to: "/ho-so-cua-toi/X-25#bo-sung" });
    const readAt = (await db.notification.findUniqueOrThrow({ where: { id: BigInt(newest.id) } })).readAt;
    expect(readAt).toBeInstanceOf(Date);
    await openNotice(actor, newest.id);
    expect((await db.notification.findUniqueOrThrow({ where: { id: BigInt(newest.id) } })).readAt).toEqual(readAt);
    expect(await headerUnread()).toBe(24);
    expect(await redirectOf(openRoute(new Request("http://localhost/"), { params: Promise.resolve({ id: newest.id }) }))).toBe(
      "/ho-so-cua-toi/X-25#bo-sung",
    );
    for (const junk of ["abc", "0", "-1", "99999999999999999999", "1.5"])
      expect(await openNotice(actor, junk)).toEqual({ kind: "not_found" });

    // Another citizen: the notice is not found (404), and marking all read touches only their own.
    const mine = (await noticePage(actor, null, 2))!.notices[1]!;
    await newCitizen();
    const other = await sessionActor();
    expect(await openNotice(other, mine.id)).toEqual({ kind: "not_found" });
    const res = await openRoute(new Request("http://localhost/"), { params: Promise.resolve({ id: mine.id }) });
    expect(res.status).toBe(404);
    expect(await markAllNoticesRead(other)).toBe(0);
    expect((await noticePage(actor, null))!.unread).toBe(24);
    // Nobody signed in: sign in first, then back to the notice.
    request.sessionId = undefined;
    expect(await openNotice(await sessionActor(), mine.id)).toEqual({ kind: "unauthenticated" });
    expect(await redirectOf(openRoute(new Request("http://localhost/"), { params: Promise.resolve({ id: mine.id }) }))).toBe(
      `/dang-nhap?next=%2Fthong-bao%2F${mine.id}`,
    );
    // An officer gets no notices: no count in the header, nothing to page.
    const officer = await signInAs("canbo.hcm@dichvucong.example", "CanBo@2026");
    expect(await headerUnread()).toBeNull();
    expect(await noticePage(await sessionActor(), null)).toBeNull();
    expect(await openNotice(await sessionActor(), mine.id)).toEqual({ kind: "not_found" });
    expect(officer.userId).not.toBe(me.id);

    expect(await markAllNoticesRead(userActor(me))).toBe(24);
    expect((await noticePage(actor, null))!.unread).toBe(0);
    expect(await markAllNoticesRead(userActor(me))).toBe(0);
  });

  it("links a status change's notice to the section of the dossier page it is about", async () => {
    await newCitizen();
    const { code, dossierId } = await file();
    const officer = { kind: "officer" as const };
    await db.$transaction((tx) => applyTransition(tx, { dossierId, action: "receive", actor: officer }));
    await db.$transaction((tx) =>
      applyTransition(tx, {
        dossierId,
        action: "requestSupplement",
        actor: officer,
        payload: { reason: "Bản chụp mờ", papers: ["Giấy tờ rõ nét"] },
      }),
    );
    const links = (await db.notification.findMany({ where: { dossierId }, orderBy: { id: "asc" }, select: { link: true } })).map(
      (n) => n.link,
    );
    expect(links).toEqual([`/ho-so-cua-toi/${code}#bien-nhan`, `/ho-so-cua-toi/${code}#bien-nhan`, `/ho-so-cua-toi/${code}#bo-sung`]);
  });
});
