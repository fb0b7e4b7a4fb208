// Prisma CLI configuration. The runtime client connects through lib/db/client.ts (adapter-pg);
// the CLI only needs the URL for commands that talk to a database (migrate deploy where it can run).
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5433/postgres" },
});
