// The filing form's papers: the files stored so far per field, and each field's upload in progress or its
// failure, and the picker of papers from the citizen's document store. A failed file says why; everything else
// on the form stays as it was (a refused replacement leaves the paper the field had). A paper can be removed
// before submission: the server drops the draft's attachment (and its bytes unless shared), and the field's
// answer is cleared, so the autosaved draft no longer names it. Replacing is uploading again: the server
// swaps the field's file in one transaction.
import { useState } from "react";
import type { FormField } from "@/lib/forms/definition";
import type { UploadedFile } from "./FieldInput";
import type { PaperStore } from "./paper-store";
import { chooseStoredPaper, listStoredPapers, removeDraftPaper, tooBig, uploadFile } from "./upload";
import type { Upload } from "./types";

export function useUploads(
  serviceCode: string,
  maxFileBytes: number,
  initialFiles: Record<string, UploadedFile>,
  /** Called with the stored file's id, which becomes the field's answer; with null when the paper was removed. */
  onStored: (fieldId: string, fileId: string | null) => void,
) {
  const [files, setFiles] = useState(initialFiles);
  const [uploads, setUploads] = useState<Record<string, Upload>>({});

  const onFile = async (field: FormField, file: File) => {
    const refused = tooBig(file, maxFileBytes);
    if (refused) {
      setUploads((u) => ({ ...u, [field.id]: { error: refused } }));
      return;
    }
    setUploads((u) => ({ ...u, [field.id]: { progress: 0 } }));
    const url = `/api/ho-so/tai-lieu?dich-vu=${encodeURIComponent(serviceCode)}&truong=${encodeURIComponent(field.id)}`;
    const r = await uploadFile(url, file, (progress) => setUploads((u) => ({ ...u, [field.id]: { progress } })));
    if (r.ok) {
      setFiles((f) => ({ ...f, [field.id]: r.file }));
      setUploads(({ [field.id]: _done, ...rest }) => rest);
      onStored(field.id, r.file.id);
    } else {
      setUploads((u) => ({ ...u, [field.id]: { error: r.message } }));
    }
  };

  // A paper chosen from the document store answers the field like an upload does (the draft keeps it).
  const store: PaperStore = {
    list: (fieldId, all) => listStoredPapers(serviceCode, fieldId, all),
    async choose(field, paper) {
      setUploads(({ [field.id]: _old, ...rest }) => rest);
      const r = await chooseStoredPaper(serviceCode, field.id, paper);
      if (!r.ok) {
        setUploads((u) => ({ ...u, [field.id]: { error: r.message } }));
        return false;
      }
      setFiles((f) => ({ ...f, [field.id]: r.file }));
      onStored(field.id, r.file.id);
      return true;
    },
  };

  const onRemove = async (field: FormField) => {
    const file = files[field.id];
    if (!file) return;
    const r = await removeDraftPaper(serviceCode, field.id, file.fileName);
    if (!r.ok) {
      setUploads((u) => ({ ...u, [field.id]: { error: r.message } }));
      return;
    }
    setFiles(({ [field.id]: _gone, ...rest }) => rest);
    setUploads((u) => ({ ...u, [field.id]: { removed: file.fileName } }));
    onStored(field.id, null);
  };

  return { files, uploads, onFile, onRemove, store };
}
