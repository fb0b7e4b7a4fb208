// Integration tests call domain functions outside a Next request: this stands in for the request
// (client address, user agent) and for the signed-in session, which each test sets in `request`.
import { vi } from "vitest";
import { request } from "./request";

process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = "true";

vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-forwarded-for": request.ip, "user-agent": "vitest" }),
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false }),
}));

vi.mock("next-auth", async (importOriginal) => {
  const actual = await importOriginal<typeof import("next-auth")>();
  return { ...actual, getServerSession: async () => (request.sessionId ? { sessionId: request.sessionId, expires: "" } : null) };
});
