// Where the portal may send its own requests (agencies' push endpoints): address classification from the
// bytes, the literal spellings of loopback the URL parser folds, the allowlist and the production refusals.
import { describe, expect, it } from "vitest";
import {
  addressAllowed,
  classifyAddress,
  outboundPolicy,
  productionOutboundProblems,
  resolveChecked,
  urlRefusal,
  type OutboundPolicy,
} from "@/lib/http/ssrf";
import { productionTrackingProblems, trackingPin, trackingPinMatches } from "@/lib/dossiers/tracking-pin";

const strict: OutboundPolicy = { allow: [], allowHttp: false };
const demo = outboundPolicy({ PUSH_ALLOW_HTTP: "true", PUSH_ALLOW_PRIVATE_HOSTS: "127.0.0.1, 10.20.0.0/16" });

describe("address classification", () => {
  it.each([
    ["8.8.8.8", "public"],
    ["14.225.0.1", "public"],
    ["127.0.0.1", "loopback"],
    ["127.255.255.254", "loopback"],
    ["10.1.2.3", "private"],
    ["172.16.0.1", "private"],
    ["172.31.255.255", "private"],
    ["172.32.0.1", "public"],
    ["192.168.1.1", "private"],
    ["169.254.169.254", "link_local"],
    ["100.64.0.1", "shared"],
    ["100.127.255.255", "shared"],
    ["100.128.0.1", "public"],
    ["0.0.0.0", "unspecified"],
    ["0.1.2.3", "unspecified"],
    ["224.0.0.1", "multicast"],
    ["239.255.255.250", "multicast"],
    ["255.255.255.255", "broadcast"],
    ["240.0.0.1", "reserved"],
    ["192.0.2.10", "documentation"],
    ["::", "unspecified"],
    ["::1", "loopback"],
    ["[::1]", "loopback"],
    ["0:0:0:0:0:0:0:1", "loopback"],
    ["fe80::1", "link_local"],
    ["febf::1", "link_local"],
    ["fc00::1", "unique_local"],
    ["fd12:3456::1", "unique_local"],
    ["ff02::1", "multicast"],
    ["::ffff:127.0.0.1", "ipv4_mapped"],
    ["::ffff:7f00:1", "ipv4_mapped"],
    ["::ffff:8.8.8.8", "ipv4_mapped"],
    ["::127.0.0.1", "ipv4_compatible"],
    ["::7f00:1", "ipv4_compatible"],
    ["64:ff9b::7f00:1", "loopback"],
    ["64:ff9b::169.254.169.254", "link_local"],
    ["64:ff9b::808:808", "public"],
    ["2002:7f00:1::1", "loopback"],
    ["2002:a00:1::1", "private"],
    ["2001::1", "reserved"],
    ["2001:db8::1", "documentation"],
    ["2404:6800:4005:80a::200e", "public"],
    ["100::1", "reserved"],
    ["fe80::1%eth0", "invalid"],
    ["localhost", "invalid"],
    ["2130706433", "invalid"],
    ["0x7f.1", "invalid"],
    ["127.1", "invalid"],
    ["1.2.3.4.5", "invalid"],
    ["1:2:3:4:5:6:7:8:9", "invalid"],
  ])("%s is %s", (address, expected) => {
    expect(classifyAddress(address)).toBe(expected);
  });
});

describe("endpoint URLs", () => {
  it.each([
    "http://2130706433/",
    "http://0x7f.1/",
    "http://0x7f000001/",
    "http://0177.0.0.1/",
    "http://017700000001/",
    "http://127.1/",
    "https://[::1]/",
    "https://[::ffff:127.0.0.1]/",
    "https://[::ffff:7f00:1]/",
    "https://[64:ff9b::a9fe:a9fe]/",
    "https://169.254.169.254/latest/meta-data",
    "https://[fe80::1]/",
    "https://[fd00::1]/",
    "https://10.0.0.1/",
    "https://100.64.1.1/",
    "https://0.0.0.0/",
    "https://0/",
    "https://224.0.0.1/",
    "https://0xa9.0xfe.0xa9.0xfe/",
  ])("refuses the literal %s", (url) => {
    expect(urlRefusal(url, strict)).toBe("blocked_address");
  });

  it("accepts a public https endpoint, a name (resolved later) and, in the demo, the allowlisted receiver", () => {
    expect(urlRefusal("https://qlvb.hanoi.gov.vn/nhan", strict)).toBeNull();
    expect(urlRefusal("https://8.8.8.8/nhan", strict)).toBeNull();
    expect(urlRefusal("http://127.0.0.1:8080/nhan", demo)).toBeNull();
    expect(urlRefusal("http://10.20.3.4/nhan", demo)).toBeNull();
    expect(urlRefusal("http://10.21.3.4/nhan", demo)).toBe("blocked_address");
    expect(urlRefusal("http://127.0.0.2/nhan", demo)).toBe("blocked_address");
  });

  it("requires https unless allowed, and refuses other schemes and credentials", () => {
    expect(urlRefusal("http://qlvb.hanoi.gov.vn/nhan", strict)).toBe("https_required");
    expect(urlRefusal("http://qlvb.hanoi.gov.vn/nhan", demo)).toBeNull();
    expect(urlRefusal("ftp://qlvb.hanoi.gov.vn/", strict)).toBe("invalid_url");
    expect(urlRefusal("file:///etc/passwd", strict)).toBe("invalid_url");
    expect(urlRefusal("https://user:pass@qlvb.hanoi.gov.vn/", strict)).toBe("invalid_url");
    expect(urlRefusal("khong-phai-url", strict)).toBe("invalid_url");
  });

  it("the allowlist matches exact addresses and ranges of its own family only", () => {
    expect(addressAllowed("127.0.0.1", demo)).toBe(true);
    expect(addressAllowed("::ffff:127.0.0.1", demo)).toBe(false);
    expect(addressAllowed("10.20.255.1", demo)).toBe(true);
    expect(addressAllowed("8.8.4.4", strict)).toBe(true);
    expect(addressAllowed("not-an-address", demo)).toBe(false);
  });
});

describe("resolving once and checking every answer", () => {
  const answers =
    (...a: string[]) =>
    async () =>
      a.map((address) => ({ address, family: (address.includes(":") ? 6 : 4) as 4 | 6 }));

  it("refuses a name when any answer is not public, and returns the first checked answer otherwise", async () => {
    await expect(resolveChecked("qlvb.example.vn", { resolve: answers("8.8.8.8", "10.0.0.5"), policy: strict })).rejects.toMatchObject({
      name: "BlockedAddressError",
      address: "10.0.0.5",
      addressClass: "private",
    });
    await expect(resolveChecked("qlvb.example.vn", { resolve: answers("::ffff:169.254.169.254"), policy: strict })).rejects.toMatchObject({
      addressClass: "ipv4_mapped",
    });
    await expect(resolveChecked("qlvb.example.vn", { resolve: answers("8.8.8.8", "2404:6800::1"), policy: strict })).resolves.toEqual({
      address: "8.8.8.8",
      family: 4,
    });
  });

  it("checks a literal address without asking DNS, and fails on a resolver that never answers", async () => {
    let asked = 0;
    const counting = async () => {
      asked++;
      return [];
    };
    await expect(resolveChecked("127.0.0.1", { resolve: counting, policy: strict })).rejects.toMatchObject({ addressClass: "loopback" });
    expect(asked).toBe(0);
    const never = () => new Promise<never>(() => undefined);
    await expect(resolveChecked("slow.example.vn", { resolve: never, policy: strict, timeoutMs: 50 })).rejects.toMatchObject({
      code: "ETIMEOUT",
    });
  });
});

describe("a production start", () => {
  it("refuses plain http, a malformed allowlist and allowlisted loopback or link-local ranges", () => {
    expect(productionOutboundProblems({})).toEqual([]);
    expect(productionOutboundProblems({ PUSH_ALLOW_HTTP: "true" })).toHaveLength(1);
    expect(productionOutboundProblems({ PUSH_ALLOW_PRIVATE_HOSTS: "127.0.0.1" })).toHaveLength(1);
    expect(productionOutboundProblems({ PUSH_ALLOW_PRIVATE_HOSTS: "::1" })).toHaveLength(1);
    expect(productionOutboundProblems({ PUSH_ALLOW_PRIVATE_HOSTS: "160.0.0.0/4" })).toHaveLength(1);
    expect(productionOutboundProblems({ PUSH_ALLOW_PRIVATE_HOSTS: "0.0.0.0/0" })).toHaveLength(1);
    expect(productionOutboundProblems({ PUSH_ALLOW_PRIVATE_HOSTS: "fe80::/64" })).toHaveLength(1);
    expect(productionOutboundProblems({ PUSH_ALLOW_PRIVATE_HOSTS: "10.0.0.0/33" })[0]).toContain("not an address");
    // A government private network may be allowed explicitly.
    expect(productionOutboundProblems({ PUSH_ALLOW_PRIVATE_HOSTS: "10.20.0.0/16, fd00:1::/32" })).toEqual([]);
  });

  it("refuses a short tracking-PIN secret", () => {
    expect(productionTrackingProblems({})).toEqual([]);
    expect(productionTrackingProblems({ TRACKING_PIN_SECRET: "short" })).toHaveLength(1);
    expect(productionTrackingProblems({ TRACKING_PIN_SECRET: "x".repeat(40), TRACKING_PIN_SECRET_PREVIOUS: "old" })).toHaveLength(1);
  });
});

describe("tracking PINs", () => {
  const env = { TRACKING_PIN_SECRET: "a".repeat(40) };
  const code = "000.00.00.H29-261127-0001";

  it("are six digits, differ between neighbouring codes and secrets, and the previous secret stays accepted", () => {
    const pin = trackingPin(code, env);
    expect(pin).toMatch(/^\d{6}$/);
    expect(trackingPin("000.00.00.H29-261127-0002", env)).not.toBe(pin);
    expect(trackingPinMatches(code, pin, env)).toBe(true);
    expect(trackingPinMatches(code, String((Number(pin) + 1) % 1e6).padStart(6, "0"), env)).toBe(false);
    const rotated = { TRACKING_PIN_SECRET: "b".repeat(40), TRACKING_PIN_SECRET_PREVIOUS: env.TRACKING_PIN_SECRET };
    expect(trackingPin(code, rotated)).not.toBe(pin);
    expect(trackingPinMatches(code, pin, rotated)).toBe(true);
    expect(trackingPinMatches(code, pin, { TRACKING_PIN_SECRET: "b".repeat(40) })).toBe(false);
  });
});
