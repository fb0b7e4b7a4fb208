// Who may see a dossier (lib/dossiers/visibility), through the real page loaders and download routes: after
// a transfer the sending agency still opens the page data AND downloads the papers (read-only), the holding
// agency and the applicant do too, while a third agency and another citizen get "not found" for both.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { viaSession } from "@/lib/auth/session-actor";
import { db } from "@/lib/db/client";
import { getOwnDossier, listOwnDossiers } from "@/lib/dossiers/citizen";
import { actOnDossier, getAgencyDossier, transferDossier } from "@/lib/dossiers/officer";
import { findVisibleDossier, visibleDossiersSql, visibleDossiersWhere } from "@/lib/dossiers/visibility";
import { submitDossier } from "@/lib/filing/submit";
import { GET as downloadPaper } from "@/app/api/tai-lieu/[id]/route";
import { GET as receiptPdf } from "@/app/(citizen)/ho-so-cua-toi/[code]/bien-nhan/pdf/route";
import { GET as controlSheetPdf } from "@/app/(officer)/can-bo/ho-so/[code]/phieu-kiem-soat/pdf/route";
import { PDF_BYTES, signInAs, signInCitizen, validAnswers, uploadPaper } from "../support/filing";
import { request } from "../support/request";
import { serviceForm } from "../support/forms";

const PASSWORD = "HoSoPhamVi@2026";
const THIRD_OFFICER = "canbo.caobang.phamvi@example.vn";
const MINISTRY_OFFICER = "canbo.botuphap.phamvi@example.vn";
const OTHER_CITIZEN = "congdan.khac.phamvi@example.vn";

async function currentUser() {
  const { getCurrentUser } = await import("@/lib/auth/current-user");
  const u = await getCurrentUser();
  if (!u) throw new Error("no signed-in user");
  return u;
}

const paperArgs = (id: string) => ({ params: Promise.resolve({ id }) });
const codeArgs = (code: string) => ({ params: Promise.resolve({ code }) });
const anyRequest = () => new Request("http://localhost/");

let dossier: { id: string; code: string };
let paperIds: string[];

beforeAll(async () => {
  const passwordHash = await hashPassword(PASSWORD);
  for (const [email, identifier] of [
    [THIRD_OFFICER, "000.00.00.H14"],
    [MINISTRY_OFFICER, "000.00.00.G15"],
  ] as const) {
    const agency = await db.agency.findUniqueOrThrow({ where: { identifier } });
    await db.user.upsert({
      where: { email },
      update: {},
      create: { email, role: "OFFICER", fullName: `Cán bộ ${agency.shortName}`, agencyId: agency.id, passwordHash },
    });
  }
  await db.user.upsert({
    where: { email: OTHER_CITIZEN },
    update: {},
    create: { email: OTHER_CITIZEN, role: "CITIZEN", fullName: "Phan Văn Khải", passwordHash },
  });

  // The demo citizen files to TP. Hồ Chí Minh with a PDF per paper; the city receives it, then hands it to the ministry.
  await signInCitizen();
  const s = await db.service.findFirstOrThrow({
    where: { agency: { identifier: "000.00.00.H29" }, onlineLevel: 4, procedure: { code: "1.004873" } },
  });
  const form = await serviceForm(s.code);
  // Divorced: the form then asks for the divorce paper, so the dossier has a paper to guard.
  const answers: Record<string, unknown> = { ...validAnswers(form), tinhTrang: "da-ly-hon" };
  for (const f of form.steps.flatMap((st) => st.fields).filter((f) => f.type === "file")) {
    const stored = await uploadPaper({ serviceCode: s.code, fieldId: f.id, fileName: "giay-to.pdf", bytes: PDF_BYTES });
    answers[f.id] = stored.id;
  }
  const filed = await viaSession(submitDossier, { serviceCode: s.code, idempotencyKey: randomUUID(), answers });
  if (!filed.ok) throw new Error(filed.message);
  dossier = { id: filed.data.dossierId, code: filed.data.code };
  paperIds = (await db.attachment.findMany({ where: { dossierId: dossier.id }, select: { id: true } })).map((a) => a.id);
  expect(paperIds.length).toBeGreaterThan(0);

  await signInAs("canbo.hcm@dichvucong.example", "CanBo@2026");
  expect((await viaSession(actOnDossier, { code: dossier.code, version: 1, action: "receive" })).ok).toBe(true);
  const moved = await viaSession(transferDossier, {
    code: dossier.code,
    version: 2,
    toAgency: "000.00.00.G15",
    reason: "Thuộc thẩm quyền Bộ Tư pháp",
  });
  expect(moved.ok).toBe(true);
});

/** Status and body of downloading every paper of the dossier as the signed-in user. */
async function downloadAll(): Promise<{ status: number; bytes: Uint8Array }[]> {
  return Promise.all(
    paperIds.map(async (id) => {
      const res = await downloadPaper(anyRequest(), paperArgs(id));
      return { status: res.status, bytes: new Uint8Array(await res.arrayBuffer()) };
    }),
  );
}

describe("who may see a dossier after a transfer", () => {
  it("the sending agency follows it read-only: page data, papers and form 05", async () => {
    await signInAs("canbo.hcm@dichvucong.example", "CanBo@2026");
    const sender = await currentUser();
    const page = await getAgencyDossier(sender, dossier.code);
    expect(page?.access).toBe("sender");
    expect(page?.attachments.map((a) => a.id).sort()).toEqual([...paperIds].sort());
    for (const got of await downloadAll()) {
      expect(got.status).toBe(200);
      expect(got.bytes).toEqual(PDF_BYTES);
    }
    expect((await controlSheetPdf(anyRequest(), codeArgs(dossier.code))).status).toBe(200);
    // The list filter agrees with the single lookup.
    expect(await db.dossier.count({ where: { AND: [{ id: dossier.id }, visibleDossiersWhere(sender, ["sender"])] } })).toBe(1);
    expect(await db.dossier.count({ where: { AND: [{ id: dossier.id }, visibleDossiersWhere(sender, ["holder"])] } })).toBe(0);
    // And so does its raw-SQL twin (the queue's).
    const viaSql = async (as: ("owner" | "holder" | "sender")[]) =>
      (
        await db.$queryRaw<
          { id: string }[]
        >`SELECT d.id::text FROM dossier d WHERE d.id = ${dossier.id}::uuid AND ${visibleDossiersSql(sender, as)}`
      ).length;
    expect(await viaSql(["sender"])).toBe(1);
    expect(await viaSql(["holder", "owner"])).toBe(0);
  });

  it("the holding agency sees it as holder and downloads the papers", async () => {
    await signInAs(MINISTRY_OFFICER, PASSWORD);
    expect(await findVisibleDossier(await currentUser(), { code: dossier.code })).toMatchObject({ id: dossier.id, access: "holder" });
    expect((await downloadAll()).map((r) => r.status)).toEqual(paperIds.map(() => 200));
  });

  it("a third agency gets 'not found' for the page data, the papers and form 05", async () => {
    await signInAs(THIRD_OFFICER, PASSWORD);
    const third = await currentUser();
    expect(await getAgencyDossier(third, dossier.code)).toBeNull();
    expect(await findVisibleDossier(third, { id: dossier.id })).toBeNull();
    expect((await downloadAll()).map((r) => r.status)).toEqual(paperIds.map(() => 404));
    expect((await controlSheetPdf(anyRequest(), codeArgs(dossier.code))).status).toBe(404);
    expect(await db.dossier.count({ where: { AND: [{ id: dossier.id }, visibleDossiersWhere(third)] } })).toBe(0);
    expect(await db.$queryRaw`SELECT 1 FROM dossier d WHERE d.id = ${dossier.id}::uuid AND ${visibleDossiersSql(third)}`).toEqual([]);
  });

  it("another citizen gets 'not found' for the page data, the papers and the receipt", async () => {
    await signInAs(OTHER_CITIZEN, PASSWORD);
    const stranger = await currentUser();
    expect(await getOwnDossier(stranger, dossier.code)).toBeNull();
    expect((await listOwnDossiers(stranger)).map((d) => d.code)).not.toContain(dossier.code);
    expect((await downloadAll()).map((r) => r.status)).toEqual(paperIds.map(() => 404));
    expect((await receiptPdf(anyRequest(), codeArgs(dossier.code))).status).toBe(404);
  });

  it("the applicant opens their own dossier, downloads their papers and the receipt", async () => {
    await signInCitizen();
    const owner = await currentUser();
    expect((await getOwnDossier(owner, dossier.code))?.id).toBe(dossier.id);
    expect(await findVisibleDossier(owner, { code: dossier.code })).toMatchObject({ access: "owner" });
    for (const got of await downloadAll()) {
      expect(got.status).toBe(200);
      expect(got.bytes).toEqual(PDF_BYTES);
    }
    const receipt = await receiptPdf(anyRequest(), codeArgs(dossier.code));
    expect(receipt.status).toBe(200);
    expect(receipt.headers.get("Content-Type")).toBe("application/pdf");
  });

  it("nobody signed in gets 'not found' for the papers", async () => {
    request.sessionId = undefined;
    expect((await downloadAll()).map((r) => r.status)).toEqual(paperIds.map(() => 404));
  });
});
