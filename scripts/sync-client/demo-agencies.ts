// The demo's two pilot one-stop systems (issue 17): Ho Chi Minh City and Đồng Nai, with fixed API keys and endpoint
// signing secrets so that the demo (scripts/demo.ts, prisma/seed/sync-demo.ts) and the reference client agree.
// DEMO ONLY: anyone reading this file holds these keys; never seeded outside `npm run demo`.
export interface SyncDemoAgency {
  identifier: string;
  name: string;
  /** The prefix of the agency system's own dossier codes. */
  prefix: string;
  apiKey: string;
  secret: string;
  /** Procedures whose service at this agency is processed in its own system (intake mode SYNC). */
  procedures: readonly string[];
}

export const SYNC_DEMO_AGENCIES: readonly SyncDemoAgency[] = [
  {
    identifier: "000.00.00.H29",
    name: "Hệ thống một cửa điện tử TP. Hồ Chí Minh (demo)",
    prefix: "HCM",
    apiKey: "dvc_demoSyncHCM0123456789abcdefghijklmnopqrstuv",
    secret: "whsec_demo-sync-hcm-0123456789abcdefghijklmnopq",
    // Xóa đăng ký thường trú: no end-to-end spec files it at HCMC and expects the portal's officer pages.
    procedures: ["1.003197"],
  },
  {
    identifier: "000.00.00.H19",
    name: "Hệ thống một cửa điện tử tỉnh Đồng Nai (demo)",
    prefix: "DNA",
    apiKey: "dvc_demoSyncDNA0123456789abcdefghijklmnopqrstuv",
    secret: "whsec_demo-sync-dna-0123456789abcdefghijklmnopq",
    // Xóa đăng ký thường trú, Khai báo tạm vắng.
    procedures: ["1.003197", "1.003677"],
  },
];
