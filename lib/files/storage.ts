// Where attachment bytes live, behind an interface so an object store can replace the local folder.
// FILE_STORAGE_DIR chooses the folder (default .data/files).
import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";

export interface FileStorage {
  put(key: string, bytes: Uint8Array): Promise<void>;
  get(key: string): Promise<Buffer>;
  remove(key: string): Promise<void>;
}

function localFolderStorage(root: string): FileStorage {
  const full = (key: string) => {
    const p = path.resolve(root, key);
    if (!p.startsWith(path.resolve(root) + path.sep)) throw new Error(`storage key escapes the folder: ${key}`);
    return p;
  };
  return {
    async put(key, bytes) {
      const target = full(key);
      await fs.mkdir(path.dirname(target), { recursive: true });
      // Write then rename: a crash never leaves a half-written file under the final name.
      const tmp = `${target}.${randomUUID()}.tmp`;
      await fs.writeFile(tmp, bytes, { flag: "wx" });
      await fs.rename(tmp, target);
    },
    get: (key) => fs.readFile(full(key)),
    async remove(key) {
      await fs.rm(full(key), { force: true });
    },
  };
}

let storage: FileStorage | undefined;

export function fileStorage(): FileStorage {
  storage ??= localFolderStorage(process.env.FILE_STORAGE_DIR || path.join(process.cwd(), ".data", "files"));
  return storage;
}

/** A new key, spread over month folders. */
export function newStorageKey(extension: string, now = new Date()): string {
  const month = now.toISOString().slice(0, 7).replace("-", "/");
  return `${month}/${randomUUID()}.${extension}`;
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}
