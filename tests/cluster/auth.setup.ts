// Signs in the roles the cluster specs use, once, through the balancer's sign-in form; the sessions are rows in
// PostgreSQL, so the saved cookies work on either node.
import fs from "node:fs";
import path from "node:path";
import { expect, test as setup } from "@playwright/test";
import { DEMO, expectAccessible, signIn } from "../e2e/helpers";
import { clusterAuthFile, type ClusterRole } from "./support";

for (const role of ["citizen", "officer", "agencyAdmin"] as ClusterRole[]) {
  setup(`sign in as ${role} through the balancer`, async ({ page }) => {
    await page.goto("/dang-nhap");
    await expectAccessible(page);
    await signIn(page, DEMO[role]);
    expect((await page.context().cookies()).some((c) => c.name.includes("session-token"))).toBe(true);
    fs.mkdirSync(path.dirname(clusterAuthFile(role)), { recursive: true });
    await page.context().storageState({ path: clusterAuthFile(role) });
  });
}
