// Sending one file to the portal's upload endpoint with progress, as the filing form and the supplementation
// form both do. The answer is the stored file, or the reason it was refused (in Vietnamese, from the server).
import { filingText as t } from "@/lib/i18n/vi/filing";
import type { PaperChoice } from "@/lib/papers/choice";
import type { UploadedFile } from "./FieldInput";

/** An upload under way, the reason the last one failed, or the paper just removed (said once, politely). */

export function uploadFile(
  url: string,
  file: File,
  onProgress: (pct: number) => void,
): Promise<{ ok: true; file: UploadedFile } | { ok: false; message: string }> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    xhr.setRequestHeader("x-file-name", encodeURIComponent(file.name));
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(Math.round((e.loaded / e.total) * 100));
    xhr.onload = () => {
      let body: { message?: string } & Partial<UploadedFile> = {};
      try {
        body = JSON.parse(xhr.responseText) as typeof body;
      } catch {
        // a proxy's HTML error page: fall through to the generic message
      }
      if (xhr.status === 201 && body.id)
        resolve({ ok: true, file: { id: body.id, fileName: body.fileName ?? file.name, size: body.size ?? file.size } });
      else resolve({ ok: false, message: body.message ?? t.file.failed(file.name) });
    };
    xhr.onerror = () => resolve({ ok: false, message: t.file.failed(file.name) });
    xhr.send(file);
  });
}

/** Takes the paper off a file field of the citizen's draft (the server drops the stored file too). */
export async function removeDraftPaper(
  serviceCode: string,
  fieldId: string,
  fileName: string,
): Promise<{ ok: true } | { ok: false; message: string }> {
  const q = new URLSearchParams({ "dich-vu": serviceCode, truong: fieldId });
  try {
    const r = await fetch(`/api/ho-so/tai-lieu?${q}`, { method: "DELETE" });
    if (r.ok) return { ok: true };
    const body = (await r.json().catch(() => ({}))) as { message?: string };
    return { ok: false, message: body.message ?? t.file.removeFailed(fileName) };
  } catch {
    return { ok: false, message: t.file.removeFailed(fileName) };
  }
}

/** Said at once, without sending: the server enforces the same limit, but refusing a large body mid-upload
 * reaches the browser as a dropped connection rather than this clear message. */
export function tooBig(file: File, maxFileBytes: number): string | undefined {
  return file.size > maxFileBytes ? t.file.tooBig(file.name, Math.round(maxFileBytes / 1048576)) : undefined;
}

/** The papers of the citizen's document store a file field may take (the same kind, or all with `all`). */
export async function listStoredPapers(serviceCode: string, fieldId: string, all: boolean): Promise<PaperChoice[] | null> {
  const q = new URLSearchParams({ "dich-vu": serviceCode, truong: fieldId, ...(all ? { "tat-ca": "1" } : {}) });
  try {
    const r = await fetch(`/api/kho-giay-to?${q}`, { cache: "no-store" });
    if (!r.ok) return null;
    return ((await r.json()) as { papers: PaperChoice[] }).papers;
  } catch {
    return null;
  }
}

/** Answers a file field with a paper of the store: the server attaches it to the draft, sharing its bytes. */
export async function chooseStoredPaper(
  serviceCode: string,
  fieldId: string,
  paper: PaperChoice,
): Promise<{ ok: true; file: UploadedFile } | { ok: false; message: string }> {
  try {
    const r = await fetch("/api/kho-giay-to", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ serviceCode, fieldId, paperId: paper.id }),
    });
    const body = (await r.json().catch(() => ({}))) as { message?: string } & Partial<UploadedFile>;
    if (r.status === 201 && body.id)
      return { ok: true, file: { id: body.id, fileName: body.fileName ?? paper.fileName, size: body.size ?? paper.size, fromStore: true } };
    return { ok: false, message: body.message ?? t.file.failed(paper.fileName) };
  } catch {
    return { ok: false, message: t.file.failed(paper.fileName) };
  }
}
