// Dossier codes in the national format `<receiving agency identifier>-<yymmdd>-<4-digit daily sequence>`,
// e.g. `000.00.01.H29-260310-0420`.
const DOSSIER_CODE_RE = /^(\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2})-(\d{6})-(\d{4,})$/;

/** `localDate` is the receiving day in Asia/Ho_Chi_Minh, yyyy-mm-dd. */
export function formatDossierCode(agencyIdentifier: string, localDate: string, sequence: number): string {
  const yymmdd = localDate.slice(2, 4) + localDate.slice(5, 7) + localDate.slice(8, 10);
  return `${agencyIdentifier}-${yymmdd}-${String(sequence).padStart(4, "0")}`;
}

export function isDossierCode(value: string): boolean {
  return DOSSIER_CODE_RE.test(value);
}
