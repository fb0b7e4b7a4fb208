// A paper of the document store as the filing form's picker shows it (pure: client and server).
export interface PaperChoice {
  id: string;
  kind: string;
  fileName: string;
  size: number;
  issuer: string | null;
  validUntil: string | null;
  createdAt: string;
  sameKind: boolean;
}
