// Where attachment bytes live, behind one interface: a local folder (the default, for the demo and one node)
// or an S3-compatible object store (every node of a cluster reads what any node wrote). The choice and its
// settings come from the environment (fileStorageConfig; docs/storage.md). Both stores refuse keys that are not
// the app's own shape (isStorageKey) and answer a missing object with FileNotFoundError, so callers map it once.
import { createHash, randomUUID } from "node:crypto";
import type { Dirent } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import {
  DeleteObjectCommand,
  GetObjectCommand,
  paginateListObjectsV2,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from "@aws-sdk/client-s3";
import { z } from "zod";

export interface StoredObject {
  key: string;
  lastModified: Date;
}

export interface FileStorage {
  /** Stores the bytes under the key, replacing what was there; readers never see a half-written object. */
  put(key: string, bytes: Uint8Array): Promise<void>;
  /** The bytes under the key; FileNotFoundError when there are none. */
  get(key: string): Promise<Buffer>;
  /** Removes the key's bytes; removing a missing key is not an error. */
  remove(key: string): Promise<void>;
  /** Every stored key (under the prefix, if given), in no promised order. Objects that are not app keys are skipped. */
  list(prefix?: string): AsyncIterable<StoredObject>;
}

/** The bytes a row names are not in the store (never written, removed, or lost). Code "ENOENT" for either store. */
export class FileNotFoundError extends Error {
  readonly code = "ENOENT";
  constructor(readonly key: string) {
    super(`stored file not found: ${key}`);
    this.name = "FileNotFoundError";
  }
}

function isFileNotFound(err: unknown): err is FileNotFoundError {
  return err instanceof FileNotFoundError;
}

/** A key the app makes or accepts: `/`-separated segments of letters, digits, `.`, `_`, `-`, each starting with a letter or digit. */
const KEY = /^[A-Za-z0-9][A-Za-z0-9._-]*(?:\/[A-Za-z0-9][A-Za-z0-9._-]*)*$/;
const MAX_KEY_LENGTH = 512;

/** No absolute paths, `..`, `.`, empty segments, backslashes, or characters an object store would treat specially. */
export function isStorageKey(key: unknown): key is string {
  return typeof key === "string" && key.length <= MAX_KEY_LENGTH && KEY.test(key);
}

/** A listing prefix: empty, or a key's beginning (a folder such as `2026/12/`, or part of a name). */
function isStoragePrefix(prefix: string): boolean {
  return prefix === "" || (prefix.length <= MAX_KEY_LENGTH && isStorageKey(prefix.endsWith("/") ? prefix.slice(0, -1) : prefix));
}

function checkedKey(key: string): string {
  if (!isStorageKey(key)) throw new Error(`not a storage key: ${JSON.stringify(key).slice(0, 80)}`);
  return key;
}

function checkedPrefix(prefix: string | undefined): string {
  const p = prefix ?? "";
  if (!isStoragePrefix(p)) throw new Error(`not a storage key prefix: ${JSON.stringify(p).slice(0, 80)}`);
  return p;
}

// ---------------------------------------------------------------------------------------------------------
// Settings

const Env = z
  .object({
    FILE_STORAGE: z.enum(["local", "s3"], { error: "FILE_STORAGE must be local or s3" }).default("local"),
    FILE_STORAGE_DIR: z.string().optional(),
    S3_ENDPOINT: z.url({ protocol: /^https?$/, error: "S3_ENDPOINT must be an http(s) URL" }).optional(),
    S3_REGION: z.string().min(1).default("us-east-1"),
    S3_BUCKET: z.string().optional(),
    S3_ACCESS_KEY_ID: z.string().optional(),
    S3_SECRET_ACCESS_KEY: z.string().optional(),
    S3_FORCE_PATH_STYLE: z
      .enum(["true", "false"], { error: "S3_FORCE_PATH_STYLE must be true or false" })
      .default("false")
      .transform((v) => v === "true"),
    FILE_SWEEP_GRACE_HOURS: z.coerce
      .number({ error: "FILE_SWEEP_GRACE_HOURS must be a whole number of hours, 1 or more" })
      .int({ error: "FILE_SWEEP_GRACE_HOURS must be a whole number of hours, 1 or more" })
      .min(1, { error: "FILE_SWEEP_GRACE_HOURS must be a whole number of hours, 1 or more" })
      .default(24),
  })
  .superRefine((e, ctx) => {
    if (e.FILE_STORAGE !== "s3") return;
    for (const name of ["S3_BUCKET", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"] as const)
      if (!e[name]) ctx.addIssue({ code: "custom", path: [name], message: `${name} is required when FILE_STORAGE=s3` });
  });

interface CommonConfig {
  /** How old an unreferenced object must be before the sweep removes it (lib/files/sweep.ts). */
  sweepGraceHours: number;
}

interface LocalStorageConfig extends CommonConfig {
  kind: "local";
  dir: string;
}

interface S3StorageConfig extends CommonConfig {
  kind: "s3";
  /** Unset for AWS itself; the URL of MinIO, Ceph, a provider's S3 endpoint, or the tests' s3rver. */
  endpoint?: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  forcePathStyle: boolean;
}

export type FileStorageConfig = LocalStorageConfig | S3StorageConfig;

type EnvVars = Readonly<Record<string, string | undefined>>;

/** Empty settings count as unset (a `FOO=` line in an env file). */
function present(env: EnvVars): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined && e[1].trim() !== ""));
}

/** Why these settings cannot make a file store (empty when they can): for the start-up check. */
export function fileStorageSettingProblems(env: EnvVars = process.env): string[] {
  const parsed = Env.safeParse(present(env));
  return parsed.success ? [] : parsed.error.issues.map((i) => i.message);
}

/** The file store's settings, validated; throws with every problem named when they are unusable. */
export function fileStorageConfig(env: EnvVars = process.env): FileStorageConfig {
  const parsed = Env.safeParse(present(env));
  if (!parsed.success) throw new Error(`Invalid file storage settings: ${parsed.error.issues.map((i) => i.message).join("; ")}`);
  const e = parsed.data;
  if (e.FILE_STORAGE === "local")
    return {
      kind: "local",
      dir: e.FILE_STORAGE_DIR ?? path.join(process.cwd(), ".data", "files"),
      sweepGraceHours: e.FILE_SWEEP_GRACE_HOURS,
    };
  return {
    kind: "s3",
    ...(e.S3_ENDPOINT ? { endpoint: e.S3_ENDPOINT } : {}),
    region: e.S3_REGION,
    bucket: e.S3_BUCKET!,
    accessKeyId: e.S3_ACCESS_KEY_ID!,
    secretAccessKey: e.S3_SECRET_ACCESS_KEY!,
    forcePathStyle: e.S3_FORCE_PATH_STYLE,
    sweepGraceHours: e.FILE_SWEEP_GRACE_HOURS,
  };
}

export function createFileStorage(config: FileStorageConfig): FileStorage {
  return config.kind === "s3" ? s3Storage(config) : localFolderStorage(config.dir);
}

// ---------------------------------------------------------------------------------------------------------
// A local folder

const TMP_SUFFIX = ".tmp";

function localFolderStorage(root: string): FileStorage {
  const base = path.resolve(root);
  const full = (key: string) => {
    const p = path.resolve(base, checkedKey(key));
    // isStorageKey already rules out `..`; this is the second lock on the same door.
    if (!p.startsWith(base + path.sep)) throw new Error(`storage key escapes the folder: ${key}`);
    return p;
  };
  const missing = (key: string) => (err: unknown) => {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR" || code === "EISDIR") throw new FileNotFoundError(key);
    throw err;
  };

  async function* walk(dir: string, rel: string, prefix: string): AsyncGenerator<StoredObject> {
    let entries: Dirent[];
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ENOENT") return;
      throw err;
    }
    for (const entry of entries) {
      const key = rel ? `${rel}/${entry.name}` : entry.name;
      // Temporary files of a write in progress start with a dot, so they are never a key.
      if (!isStorageKey(key)) continue;
      if (entry.isDirectory()) {
        // Only folders that can hold keys under the prefix.
        if (prefix.startsWith(`${key}/`) || `${key}/`.startsWith(prefix)) yield* walk(path.join(dir, entry.name), key, prefix);
      } else if (entry.isFile() && key.startsWith(prefix)) {
        try {
          const stat = await fs.stat(path.join(dir, entry.name));
          yield { key, lastModified: stat.mtime };
        } catch (err) {
          // Removed between the listing and the look: it is not there to report.
          if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
        }
      }
    }
  }

  return {
    async put(key, bytes) {
      const target = full(key);
      await fs.mkdir(path.dirname(target), { recursive: true });
      // Write then rename: a crash never leaves a half-written file under the final name. The temporary name
      // starts with a dot so that a listing (and so the sweep) never takes it for a key.
      const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${randomUUID()}${TMP_SUFFIX}`);
      try {
        await fs.writeFile(tmp, bytes, { flag: "wx" });
        await fs.rename(tmp, target);
      } catch (err) {
        await fs.rm(tmp, { force: true });
        throw err;
      }
    },
    async get(key) {
      return fs.readFile(full(key)).catch(missing(key));
    },
    async remove(key) {
      await fs.rm(full(key), { force: true });
    },
    async *list(prefix) {
      yield* walk(base, "", checkedPrefix(prefix));
    },
  };
}

// ---------------------------------------------------------------------------------------------------------
// An S3-compatible object store

function isMissingObject(err: unknown): boolean {
  if (err instanceof S3ServiceException) return err.name === "NoSuchKey" || err.name === "NotFound" || err.$metadata.httpStatusCode === 404;
  return false;
}

function s3Storage(config: S3StorageConfig): FileStorage {
  const client = new S3Client({
    region: config.region,
    ...(config.endpoint ? { endpoint: config.endpoint } : {}),
    forcePathStyle: config.forcePathStyle,
    credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
    // Other S3-compatible stores do not all take the newer default checksums (CRC32 trailers); AWS does.
    ...(config.endpoint ? { requestChecksumCalculation: "WHEN_REQUIRED", responseChecksumValidation: "WHEN_REQUIRED" } : {}),
    requestHandler: { connectionTimeout: 5_000, requestTimeout: 60_000 },
    maxAttempts: 3,
  });
  const Bucket = config.bucket;

  return {
    async put(key, bytes) {
      // A PUT is atomic: readers see the old object or the new one, never part of it.
      await client.send(new PutObjectCommand({ Bucket, Key: checkedKey(key), Body: bytes, ContentLength: bytes.byteLength }));
    },
    async get(key) {
      try {
        const r = await client.send(new GetObjectCommand({ Bucket, Key: checkedKey(key) }));
        if (!r.Body) throw new FileNotFoundError(key);
        return Buffer.from(await r.Body.transformToByteArray());
      } catch (err) {
        if (isMissingObject(err)) throw new FileNotFoundError(key);
        throw err;
      }
    },
    async remove(key) {
      // S3 answers a DELETE of a missing key with success, as the folder's `rm -f` does.
      await client.send(new DeleteObjectCommand({ Bucket, Key: checkedKey(key) }));
    },
    async *list(prefix) {
      const Prefix = checkedPrefix(prefix);
      for await (const page of paginateListObjectsV2({ client, pageSize: 1000 }, { Bucket, ...(Prefix ? { Prefix } : {}) })) {
        for (const o of page.Contents ?? [])
          if (isStorageKey(o.Key))
            // No date means "just now": the sweep then leaves it alone for a grace period.
            yield { key: o.Key, lastModified: o.LastModified ?? new Date() };
      }
    },
  };
}

// ---------------------------------------------------------------------------------------------------------

let storage: FileStorage | undefined;

/** This process's store, made from the environment on first use. */
export function fileStorage(): FileStorage {
  storage ??= createFileStorage(fileStorageConfig());
  return storage;
}

/**
 * The bytes a row names, or null when the store has none (the row outlived its file): callers answer that as
 * "not found" (a 404), never as a failure of their own. Any other error (the store unreachable) is thrown.
 */
export async function storedBytes(key: string, storage: FileStorage = fileStorage()): Promise<Buffer | null> {
  try {
    return await storage.get(key);
  } catch (err) {
    if (!isFileNotFound(err)) throw err;
    // The key only (a random name), so the operator can look for it; nothing about its owner.
    console.warn(`[files] a row names ${key}, which is not in the file store`);
    return null;
  }
}

/** A new key, spread over month folders. */
export function newStorageKey(extension: string, now = new Date()): string {
  const month = now.toISOString().slice(0, 7).replace("-", "/");
  return `${month}/${randomUUID()}.${extension}`;
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}
