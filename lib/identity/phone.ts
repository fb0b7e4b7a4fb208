// Vietnamese mobile numbers: 0 or +84, then a 3/5/7/8/9 network prefix and 8 digits.
const MOBILE_RE = /^(0|\+84)(3|5|7|8|9)\d{8}$/;

/** Accepts spaces, dots and dashes as typed; returns the number as 0xxxxxxxxx, or null. */
export function normaliseMobile(input: string): string | null {
  const compact = input.replace(/[\s.\-()]/g, "");
  if (!MOBILE_RE.test(compact)) return null;
  return compact.startsWith("+84") ? `0${compact.slice(3)}` : compact;
}
