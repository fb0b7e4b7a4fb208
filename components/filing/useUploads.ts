// The filing form's papers: the files stored so far per field, and each field's upload in progress or its
// failure, and the picker of papers from the citizen's document store. A failed file says why; everything else
// on the form stays as it was.
import { useState } from "react";
import type { FormField } from "@/lib/forms/definition";
import type { UploadedFile } from "./FieldInput";
import type { PaperStore } from "./paper-store";
import { chooseStoredPaper, listStoredPapers, tooBig, uploadFile, type Upload } from "./upload";

export function useUploads(
  serviceCode: string,
  maxFileBytes: number,
  initialFiles: Record<string, UploadedFile>,
  /** Called with the stored file's id, which becomes the field's answer. */
  onStored: (fieldId: string, fileId: string) => void,
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

  return { files, uploads, onFile, store };
}
