// The server actions the filing form is given by its page (they live beside the page, in app/).
export type SaveDraft = (
  serviceCode: string,
  answers: Record<string, unknown>,
  step: number,
) => Promise<{ ok: true; savedAt: string } | { ok: false; message: string }>;

export type Submit = (
  serviceCode: string,
  idempotencyKey: string,
  answers: Record<string, unknown>,
) => Promise<{ ok: true; code: string } | { ok: false; message: string; fieldErrors: Record<string, string> }>;
