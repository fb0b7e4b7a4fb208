// Points the app's database client at the test database before any test module imports it.
import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
// The tests pay through the simulated bank (VNPay's protocol, on this site).
process.env.PAYMENT_GATEWAY = "simulator";
