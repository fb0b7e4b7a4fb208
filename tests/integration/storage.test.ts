// File storage (lib/files/storage.ts) and the orphan sweep (lib/files/sweep.ts), on both stores: the same
// contract for the local folder and for S3 (a local s3rver, scripts/lib/local-s3.ts); the sweep removes old bytes
// no committed row names and keeps the rest; and a dossier filed with the app on S3 downloads back from it.
import { randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as downloadPaper } from "@/app/api/tai-lieu/[id]/route";
import { sessionActor, viaSession } from "@/lib/auth/session-actor";
import { db } from "@/lib/db/client";
import {
  createFileStorage,
  type FileStorage,
  fileStorage,
  fileStorageConfig,
  FileNotFoundError,
  isStorageKey,
  newStorageKey,
  sha256Hex,
  type StoredObject,
} from "@/lib/files/storage";
import { sweepOrphanFiles } from "@/lib/files/sweep";
import { submitDossier } from "@/lib/filing/submit";
import { readStoredPaper } from "@/lib/papers/queries";
import { levelFourServiceWithPapers, PDF_BYTES, signInCitizen, uploadPaper, validAnswers } from "../support/filing";
import { type LocalS3, startLocalS3 } from "../../scripts/lib/local-s3";

const BUCKET = "portal-files";
let s3: LocalS3;
let localRoot: string;
const savedEnv = { ...process.env };

beforeAll(async () => {
  s3 = await startLocalS3([BUCKET, "contract", "sweep"]);
  localRoot = await fs.mkdtemp(path.join(os.tmpdir(), "portal-files-"));
  // The app's own store (fileStorage()) in this file is the S3 one, made on first use from these settings.
  Object.assign(process.env, s3.env);
});

afterAll(async () => {
  for (const name of Object.keys(s3?.env ?? {})) {
    if (savedEnv[name] === undefined) delete process.env[name];
    else process.env[name] = savedEnv[name];
  }
  await s3?.stop();
  if (localRoot) await fs.rm(localRoot, { recursive: true, force: true });
});

/** A store of the kind, on a folder or bucket of its own (so listings and counts are this test's alone). */
function storeOf(kind: "local" | "s3", name: string): FileStorage {
  if (kind === "local") return createFileStorage({ kind: "local", dir: path.join(localRoot, name), sweepGraceHours: 24 });
  const config = fileStorageConfig(s3.env);
  if (config.kind !== "s3") throw new Error("the local S3 settings must choose s3");
  return createFileStorage({ ...config, bucket: name });
}

async function listAll(storage: FileStorage, prefix?: string): Promise<StoredObject[]> {
  const out: StoredObject[] = [];
  for await (const o of storage.list(prefix)) out.push(o);
  return out.sort((a, b) => a.key.localeCompare(b.key));
}

async function exists(storage: FileStorage, key: string): Promise<boolean> {
  return storage.get(key).then(
    () => true,
    (err: unknown) => {
      if (err instanceof FileNotFoundError) return false;
      throw err;
    },
  );
}

const BAD_KEYS = [
  "",
  "../escape.pdf",
  "2026/../../escape.pdf",
  "/etc/passwd",
  "2026//12/a.pdf",
  "2026/./a.pdf",
  ".hidden.pdf",
  "2026/12/.a.pdf.1234.tmp",
  "2026\\12\\a.pdf",
  "C:\\escape.pdf",
  "2026/12/a b.pdf",
  "2026/12/a.pdf/",
  "2026/12/a.pdf?x=1",
  "%2e%2e/escape.pdf",
  "2026/12/\u0000.pdf",
  `${"a".repeat(600)}.pdf`,
];

describe("storage keys", () => {
  it("accepts the keys the app makes and refuses paths that could escape or confuse a store", () => {
    expect(isStorageKey(newStorageKey("pdf"))).toBe(true);
    // Document attachments: the message id, an index and a random tail (lib/documents/attachments.ts).
    expect(isStorageKey(`2026/12/${randomUUID()}-000-1a2b3c4d.docx`)).toBe(true);
    for (const key of BAD_KEYS) expect(isStorageKey(key), key).toBe(false);
    expect(isStorageKey(undefined)).toBe(false);
  });
});

describe.each(["local", "s3"] as const)("the %s store", (kind) => {
  let storage: FileStorage;
  beforeAll(() => {
    storage = storeOf(kind, "contract");
  });

  it("gives back exactly the bytes put, and the latest bytes after an overwrite", async () => {
    const key = newStorageKey("bin");
    const bytes = new Uint8Array([...Array(256).keys(), ...randomBytes(4096)]);
    await storage.put(key, bytes);
    const back = await storage.get(key);
    expect(Buffer.isBuffer(back)).toBe(true);
    expect(sha256Hex(back)).toBe(sha256Hex(bytes));
    await storage.put(key, new Uint8Array([7, 8, 9]));
    expect([...(await storage.get(key))]).toEqual([7, 8, 9]);
    // Empty files are files too.
    const empty = newStorageKey("txt");
    await storage.put(empty, new Uint8Array());
    expect((await storage.get(empty)).byteLength).toBe(0);
  });

  it("answers a missing key with FileNotFoundError (code ENOENT), also after a removal", async () => {
    const key = newStorageKey("pdf");
    const missing = await storage.get(key).catch((err: unknown) => err);
    expect(missing).toBeInstanceOf(FileNotFoundError);
    expect(missing).toMatchObject({ code: "ENOENT", key });
    await storage.put(key, PDF_BYTES);
    await storage.remove(key);
    await expect(storage.get(key)).rejects.toBeInstanceOf(FileNotFoundError);
    // Removing what is not there is not an error.
    await expect(storage.remove(key)).resolves.toBeUndefined();
  });

  it("lists every key with its last-modified time, under a prefix when asked", async () => {
    const store = storeOf(kind, kind === "local" ? "listing" : "contract");
    const before = Date.now();
    const tag = randomUUID();
    const keys = [`2025/11/${tag}-a.pdf`, `2025/12/${tag}-b.pdf`, `2025/12/${tag}-c.png`];
    for (const k of keys) await store.put(k, PDF_BYTES);
    const listed = (await listAll(store)).filter((o) => o.key.includes(tag));
    expect(listed.map((o) => o.key)).toEqual(keys);
    for (const o of listed) {
      expect(o.lastModified).toBeInstanceOf(Date);
      // S3 keeps whole seconds.
      expect(o.lastModified.getTime()).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
      expect(o.lastModified.getTime()).toBeLessThanOrEqual(Date.now() + 1000);
    }
    expect((await listAll(store, "2025/12/")).filter((o) => o.key.includes(tag)).map((o) => o.key)).toEqual(keys.slice(1));
    expect((await listAll(store, `2025/12/${tag}-c`)).map((o) => o.key)).toEqual([keys[2]]);
    expect(await listAll(store, "2024/")).toEqual([]);
    await expect(listAll(store, "../")).rejects.toThrow(/not a storage key prefix/);
  });

  it("refuses bad keys on every operation, and writes nothing outside the store", async () => {
    for (const key of BAD_KEYS) {
      await expect(storage.put(key, PDF_BYTES), key).rejects.toThrow(/not a storage key/);
      await expect(storage.get(key), key).rejects.toThrow(/not a storage key/);
      await expect(storage.get(key), key).rejects.not.toBeInstanceOf(FileNotFoundError);
      await expect(storage.remove(key), key).rejects.toThrow(/not a storage key/);
    }
    if (kind === "local") await expect(fs.stat(path.join(localRoot, "escape.pdf"))).rejects.toMatchObject({ code: "ENOENT" });
  });

  if (kind === "local")
    it("never lists a write in progress (its temporary file starts with a dot)", async () => {
      const store = storeOf("local", "in-progress");
      await store.put("2026/12/done.pdf", PDF_BYTES);
      await fs.writeFile(path.join(localRoot, "in-progress", "2026/12/.half.pdf.1234.tmp"), "half");
      expect((await listAll(store)).map((o) => o.key)).toEqual(["2026/12/done.pdf"]);
    });
});

describe.each(["local", "s3"] as const)("the orphan sweep on the %s store", (kind) => {
  const HOUR = 3_600_000;
  let storage: FileStorage;
  const key: Record<string, string> = {};
  /** The boundary: objects written before it are "old" to a sweep whose clock reads boundary + 24 h. */
  let boundary: Date;

  beforeAll(async () => {
    storage = storeOf(kind, "sweep");
    const citizen = await db.user.findUniqueOrThrow({ where: { email: "congdan@dichvucong.example" }, select: { id: true } });
    const agency = await db.agency.findFirstOrThrow({ select: { id: true } });
    for (const name of ["attached", "paper", "document", "paperDeletedLongAgo", "paperDeletedLately", "orphan1", "orphan2", "orphan3"])
      key[name] = newStorageKey("pdf");
    for (const k of Object.values(key)) await storage.put(k, PDF_BYTES);
    // S3 keeps last-modified times in whole seconds: the boundary is the next whole second, and the young
    // files are written after it.
    boundary = new Date(Math.ceil((Date.now() + 1) / 1000) * 1000);
    await new Promise((r) => setTimeout(r, boundary.getTime() - Date.now() + 20));
    key.youngOrphan = newStorageKey("pdf");
    key.youngAttached = newStorageKey("pdf");
    await storage.put(key.youngOrphan, PDF_BYTES);
    await storage.put(key.youngAttached, PDF_BYTES);

    const file = { contentType: "application/pdf", size: PDF_BYTES.byteLength, sha256: sha256Hex(PDF_BYTES) };
    for (const k of [key.attached!, key.youngAttached])
      await db.attachment.create({ data: { ownerId: citizen.id, purpose: "submission", fileName: "a.pdf", ...file, storageKey: k } });
    const paper = { ownerUserId: citizen.id, kind: "Giấy tờ thử", kindKey: "giay to thu", source: "upload", fileName: "p.pdf", ...file };
    await db.storedPaper.create({ data: { ...paper, storageKey: key.paper! } });
    // Deleted two days before the sweep's clock: its bytes are no one's. Deleted an hour before: kept for now.
    await db.storedPaper.create({
      data: { ...paper, storageKey: key.paperDeletedLongAgo!, deletedAt: new Date(boundary.getTime() - 24 * HOUR) },
    });
    await db.storedPaper.create({
      data: { ...paper, storageKey: key.paperDeletedLately!, deletedAt: new Date(boundary.getTime() + 23 * HOUR) },
    });
    const messageId = randomUUID();
    await db.document.create({
      data: {
        messageId,
        senderAgencyId: agency.id,
        documentKey: `storage-test,${messageId}`,
        // Numbers are unique per agency, type and year: one no seeded or other test document takes.
        number: 1_000_000 + Math.floor(Math.random() * 1_000_000_000),
        notation: "BC-THU",
        typeCode: "BC",
        typeName: "Báo cáo",
        year: 2026,
        promulgationPlace: "Hà Nội",
        promulgationDate: new Date("2026-12-01"),
        subject: "Văn bản thử kho tệp",
        signerPosition: "CHÁNH VĂN PHÒNG",
        signerName: "Nguyễn Văn Thử",
        sha256: "0".repeat(64),
        attachments: { create: { name: "d.pdf", ...file, storageKey: key.document! } },
      },
    });
  });

  it("keeps everything younger than the grace period, referenced or not", async () => {
    const r = await sweepOrphanFiles({ storage, now: new Date(boundary.getTime() + HOUR), graceHours: 24 });
    expect(r).toEqual({ scanned: 10, removed: 0 });
    for (const [name, k] of Object.entries(key)) expect(await exists(storage, k), name).toBe(true);
  });

  it("removes old bytes no committed row names, keeps referenced and young ones, in batches of one query each", async () => {
    const query = vi.spyOn(db, "$queryRaw");
    const r = await sweepOrphanFiles({ storage, now: new Date(boundary.getTime() + 24 * HOUR), graceHours: 24, batchSize: 3 });
    // 8 old objects in batches of 3: 3 queries; the 2 young ones are not even asked about.
    expect(query).toHaveBeenCalledTimes(3);
    query.mockRestore();
    expect(r).toEqual({ scanned: 10, removed: 4 });
    const gone = ["orphan1", "orphan2", "orphan3", "paperDeletedLongAgo"];
    for (const [name, k] of Object.entries(key)) expect(await exists(storage, k), name).toBe(!gone.includes(name));
  });

  it("removes the young orphan and the lately deleted paper's bytes once they too are past the grace", async () => {
    const r = await sweepOrphanFiles({ storage, now: new Date(boundary.getTime() + 48 * HOUR) });
    expect(r).toEqual({ scanned: 6, removed: 2 });
    expect(await exists(storage, key.youngOrphan!)).toBe(false);
    expect(await exists(storage, key.paperDeletedLately!)).toBe(false);
    for (const name of ["attached", "youngAttached", "paper", "document"]) expect(await exists(storage, key[name]!), name).toBe(true);
  });

  it("refuses a grace shorter than an hour", async () => {
    await expect(sweepOrphanFiles({ storage, graceHours: 0.5 })).rejects.toThrow(/at least 1 hour/);
  });
});

describe("a dossier filed on S3", () => {
  it("stores its paper in the bucket and downloads it back through the app; a lost object is a 404, not a 500", async () => {
    await signInCitizen();
    const service = await levelFourServiceWithPapers();
    const answers: Record<string, unknown> = validAnswers(service.form);
    const bytes = new Uint8Array([...PDF_BYTES, ...randomBytes(32)]);
    for (const f of service.form.steps.flatMap((st) => st.fields).filter((f) => f.type === "file"))
      answers[f.id] = (await uploadPaper({ serviceCode: service.code, fieldId: f.id, fileName: `${f.id}.pdf`, bytes })).id;
    const filed = await viaSession(submitDossier, { serviceCode: service.code, idempotencyKey: randomUUID(), answers });
    if (!filed.ok) throw new Error(`${filed.message} ${JSON.stringify(filed.fieldErrors)}`);
    const papers = await db.attachment.findMany({ where: { dossierId: filed.data.dossierId }, select: { id: true, storageKey: true } });
    expect(papers.length).toBeGreaterThan(0);

    // The bytes are in the bucket itself (read with a client of its own), not in a local folder.
    const bucket = storeOf("s3", BUCKET);
    for (const p of papers) expect(sha256Hex(await bucket.get(p.storageKey))).toBe(sha256Hex(bytes));
    expect(fileStorageConfig().kind).toBe("s3");

    const download = (id: string) => downloadPaper(new Request("http://localhost/"), { params: Promise.resolve({ id }) });
    const res = await download(papers[0]!.id);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("application/pdf");
    expect(sha256Hex(new Uint8Array(await res.arrayBuffer()))).toBe(sha256Hex(bytes));

    // The object lost behind the row's back: the download answers "not found".
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    await fileStorage().remove(papers[0]!.storageKey);
    const lost = await download(papers[0]!.id);
    expect(lost.status).toBe(404);
    // The citizen's stored copy of the paper shares the bytes: its download is "not found" too.
    const kept = await db.storedPaper.findFirstOrThrow({ where: { storageKey: papers[0]!.storageKey }, select: { id: true } });
    expect(await readStoredPaper(await sessionActor(), kept.id)).toBeNull();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining(papers[0]!.storageKey));
    warn.mockRestore();
  });
});
