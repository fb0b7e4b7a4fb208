// Signs in each demo role once, through the real form, and saves its session for the specs
// (`test.use({ storageState: authFile(role) })`): one sign-in per role per run instead of one per test.
import fs from "node:fs";
import path from "node:path";
import { expect, test as setup } from "@playwright/test";
import { authFile, DEMO, signIn, type Role } from "./helpers";

for (const role of Object.keys(DEMO) as Role[]) {
  setup(`sign in as ${role}`, async ({ page }) => {
    await signIn(page, DEMO[role]);
    expect((await page.context().cookies()).some((c) => c.name.includes("session-token"))).toBe(true);
    fs.mkdirSync(path.dirname(authFile(role)), { recursive: true });
    await page.context().storageState({ path: authFile(role) });
  });
}
