// The pretend request of an integration test (see setup-request.ts).
import { randomBytes } from "node:crypto";

export const request: { ip: string; sessionId?: string } = { ip: "203.0.113.7" };

/**
 * A fresh address from the IPv6 documentation range, random so that no two tests (in any file sharing
 * the database) share one: a test that locks an address out must not lock out another test.
 */
export function freshIp(): string {
  return `2001:db8::${randomBytes(6).toString("hex").match(/.{4}/g)!.join(":")}`;
}
