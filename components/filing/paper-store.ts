// What a file field needs to offer papers from the citizen's document store: given by the filing form (from
// useUploads); absent elsewhere (a form's preview, the supplement form), where no picker is shown.
import { createContext } from "react";
import type { FormField } from "@/lib/forms/definition";
import type { PaperChoice } from "@/lib/papers/choice";

export interface PaperStore {
  list(fieldId: string, all: boolean): Promise<PaperChoice[] | null>;
  /** Answers the field with the paper; true when done (a refusal shows as the field's upload error). */
  choose(field: FormField, paper: PaperChoice): Promise<boolean>;
}

export const PaperStoreContext = createContext<PaperStore | null>(null);
