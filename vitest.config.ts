import path from "node:path";
import { defineConfig } from "vitest/config";

const root = path.dirname(new URL(import.meta.url).pathname);
const alias = {
  "@": root,
  // `server-only` throws outside React's server bundle; in tests the modules run on the server anyway.
  "server-only": path.join(root, "tests/support/empty.ts"),
};

export default defineConfig({
  resolve: { alias },
  test: {
    // Two workers on the two-core machines this runs on; each integration file has a database of its own.
    maxWorkers: 2,
    projects: [
      { resolve: { alias }, test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node" } },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/support/global-db.ts"],
          setupFiles: ["tests/support/setup-db-env.ts", "tests/support/setup-request.ts"],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          // Files run in parallel: each works on its own copy of the seeded database (tests/support/setup-db-env.ts).
          fileParallelism: true,
        },
      },
    ],
  },
});
