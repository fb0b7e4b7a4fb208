// The structured log: JSON lines, the request id carried in, personal data redacted wherever it sits.
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "@/lib/ops/log";
import { currentRequestId, runWithRequestId } from "@/lib/ops/request-context";

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(...String(chunk).split("\n").filter(Boolean));
      done();
    },
  });
  return { logger: createLogger(stream, "debug"), lines, parsed: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe("log", () => {
  it("writes one JSON object per line with level and message", () => {
    const { logger, parsed } = capture();
    logger.info({ queue: "email", count: 3 }, "sent");
    const [line] = parsed();
    expect(line).toMatchObject({ level: "info", msg: "sent", queue: "email", count: 3 });
    expect(typeof line!.time).toBe("string");
  });

  it("masks e-mail addresses, CCCD and phone numbers inside an error's message and stack", () => {
    const { logger, lines } = capture();
    const err = new Error(
      'Invalid `prisma.appUser.create()`: email "congdan@dichvucong.example", cccd "079190012345", phone "+84 912 345 678"',
    );
    logger.error({ err }, "registration failed");
    logger.error({ err: { name: "SMTPError", message: "550 recipient a.b@mail.example refused" } }, "send failed");
    const text = lines.join("\n");
    for (const secret of ["congdan@dichvucong.example", "079190012345", "912 345 678", "a.b@mail.example"])
      expect(text).not.toContain(secret);
    const [first, second] = lines.map((l) => JSON.parse(l) as { err: { type?: string; message: string } });
    expect(first!.err.type).toBe("Error");
    expect(first!.err.message).toContain('email "[email]", cccd "[number]", phone "[number]"');
    expect(second!.err.message).toBe("550 recipient [email] refused");
  });

  it("prints [Redacted] for e-mail, CCCD, phone, password and credentials, at the top and nested", () => {
    const { logger, lines } = capture();
    logger.warn(
      {
        email: "congdan@dichvucong.example",
        cccd: "079190012345",
        user: { phone: "0912345678", idNumber: "079190012345", email: "a@b.example" },
        req: { headers: { authorization: "Bearer abc", cookie: "s=1" } },
        password: "CongDan@2026",
        token: "t0k3n",
      },
      "refused",
    );
    const text = lines.join("\n");
    for (const secret of [
      "congdan@dichvucong.example",
      "079190012345",
      "0912345678",
      "a@b.example",
      "Bearer abc",
      "s=1",
      "CongDan@2026",
      "t0k3n",
    ])
      expect(text).not.toContain(secret);
    const line = JSON.parse(lines[0]!) as {
      email: string;
      cccd: string;
      user: Record<string, string>;
      req: { headers: Record<string, string> };
    };
    expect(line.email).toBe("[Redacted]");
    expect(line.cccd).toBe("[Redacted]");
    expect(line.user).toEqual({ phone: "[Redacted]", idNumber: "[Redacted]", email: "[Redacted]" });
    expect(line.req.headers).toEqual({ authorization: "[Redacted]", cookie: "[Redacted]" });
  });

  it("carries the request id of the request it runs in, across awaits", async () => {
    const { logger, parsed } = capture();
    logger.info("outside");
    await runWithRequestId("req-12345678", async () => {
      await new Promise((r) => setTimeout(r, 1));
      expect(currentRequestId()).toBe("req-12345678");
      logger.info("inside");
    });
    expect(currentRequestId()).toBeUndefined();
    const [outside, inside] = parsed();
    expect(outside!.requestId).toBeUndefined();
    expect(inside!.requestId).toBe("req-12345678");
  });

  it("shares one request store through globalThis", () => {
    const store = (globalThis as Record<symbol, unknown>)[Symbol.for("portal.ops.requestContext")];
    expect(store).toBeDefined();
  });
});
