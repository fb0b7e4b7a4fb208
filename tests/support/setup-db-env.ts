// Points the app's database client at the test database before any test module imports it.
import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
