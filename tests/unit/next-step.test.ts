// The citizen's "next step" on each dossier (lib/dossiers/next-step.ts), over every status of the state machine.
import { describe, expect, it } from "vitest";
import { dossierHref, nextStep, sectionForStatus, type NextStepDossier } from "@/lib/dossiers/next-step";
import { STATUS, type Status } from "@/lib/dossiers/status";

const DUE = new Date("2026-12-24T10:00:00Z");
const base: NextStepDossier = {
  code: "000.00.31.H29-261207-0001",
  status: STATUS.NEW,
  dueAt: DUE,
  onlineLevel: 3,
  feeAmount: 0,
  paidAmount: 0,
  ratedAt: null,
  resultCount: 0,
};
const at = (section: string) => `/ho-so-cua-toi/${base.code}#${section}`;

describe("nextStep: a free dossier at level 3, for its owner, in every status", () => {
  const expected: Record<Status, [string, string]> = {
    [STATUS.NEW]: ["wait", at("bien-nhan")],
    [STATUS.RECEIVED]: ["wait", at("bien-nhan")],
    [STATUS.REFUSED]: ["closed", at("tien-do")],
    [STATUS.PROCESSING]: ["wait", at("bien-nhan")],
    [STATUS.SUPPLEMENT_REQUESTED]: ["supplement", at("bo-sung")],
    [STATUS.FEES_REQUESTED]: ["payAtCounter", at("thanh-toan")],
    [STATUS.WITHDRAWN]: ["closed", at("tien-do")],
    [STATUS.STOPPED]: ["closed", at("tien-do")],
    [STATUS.DONE]: ["collect", at("ket-qua")],
    [STATUS.RETURNED]: ["rate", at("danh-gia")],
  };
  it.each(Object.entries(expected))("status %s → %j", (status, [code, href]) => {
    const step = nextStep({ ...base, status: Number(status) });
    expect(step.code).toBe(code);
    expect(step.href).toBe(href);
  });

  it("waits until the due date in force, or says none is set yet", () => {
    expect(nextStep({ ...base, status: STATUS.PROCESSING }).until).toBe(DUE);
    expect(nextStep({ ...base, status: STATUS.NEW, dueAt: null }).until).toBeNull();
  });
});

describe("nextStep: fees, results and ratings", () => {
  const level4 = { ...base, onlineLevel: 4, feeAmount: 50_000 };

  it("asks for an unpaid level-4 fee to be paid online in every payable status, and not once it is paid", () => {
    for (const status of [STATUS.NEW, STATUS.RECEIVED, STATUS.PROCESSING, STATUS.FEES_REQUESTED]) {
      expect(nextStep({ ...level4, status })).toEqual({ code: "pay", href: at("thanh-toan") });
    }
    expect(nextStep({ ...level4, status: STATUS.PROCESSING, paidAmount: 50_000 }).code).toBe("wait");
    // Paid in full but the status still says fees were asked (a callback on its way): the counter/page explains.
    expect(nextStep({ ...level4, status: STATUS.FEES_REQUESTED, paidAmount: 50_000 }).code).toBe("payAtCounter");
  });

  it("puts a supplementation request before a fee still owed", () => {
    expect(nextStep({ ...level4, status: STATUS.SUPPLEMENT_REQUESTED }).code).toBe("supplement");
  });

  it("offers the result's download at level 4 when a result paper is attached, else the counter", () => {
    expect(nextStep({ ...level4, status: STATUS.DONE, paidAmount: 50_000, resultCount: 1 })).toEqual({
      code: "download",
      href: at("ket-qua"),
    });
    expect(nextStep({ ...level4, status: STATUS.DONE, paidAmount: 50_000 }).code).toBe("collect");
    expect(nextStep({ ...base, status: STATUS.DONE, resultCount: 1 }).code).toBe("collect");
  });

  it("asks for a rating once returned, then offers the download, then nothing", () => {
    const returned = { ...level4, status: STATUS.RETURNED, paidAmount: 50_000, resultCount: 1 };
    expect(nextStep(returned).code).toBe("rate");
    expect(nextStep({ ...returned, ratedAt: DUE })).toEqual({ code: "download", href: at("ket-qua") });
    expect(nextStep({ ...returned, ratedAt: DUE, resultCount: 0 }).code).toBe("closed");
  });
});

describe("nextStep: a dossier filed on the citizen's behalf (read-only)", () => {
  it("leaves paying, supplying and rating to the filer, and keeps the rest", () => {
    expect(nextStep({ ...base, status: STATUS.SUPPLEMENT_REQUESTED }, true)).toEqual({
      code: "representativeActs",
      href: `/ho-so-cua-toi/${base.code}`,
    });
    expect(nextStep({ ...base, status: STATUS.FEES_REQUESTED }, true).code).toBe("representativeActs");
    expect(nextStep({ ...base, status: STATUS.RETURNED }, true).code).toBe("representativeActs");
    expect(nextStep({ ...base, status: STATUS.PROCESSING }, true).code).toBe("wait");
    expect(nextStep({ ...base, status: STATUS.DONE, onlineLevel: 4, resultCount: 1 }, true).code).toBe("download");
  });
});

describe("links", () => {
  it("land a status change's notice on the section about it", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(sectionForStatus)).toEqual([
      "bien-nhan",
      "bien-nhan",
      "tien-do",
      "tien-do",
      "bo-sung",
      "thanh-toan",
      "tien-do",
      "tien-do",
      "ket-qua",
      "ket-qua",
    ]);
  });
  it("escape the code", () => {
    expect(dossierHref("A B", "ket-qua")).toBe("/ho-so-cua-toi/A%20B#ket-qua");
    expect(dossierHref(base.code)).toBe(`/ho-so-cua-toi/${base.code}`);
  });
});
