// Who owes a second factor, and where they give it. Pure: sessions.ts, the guards and the pages share it.
import type { Role, SecondFactorDue } from "./permissions";

/** Staff roles that may enrol a second factor (TOTP); citizens are never asked. */
const SECOND_FACTOR_ROLES: readonly Role[] = ["OFFICER", "AGENCY_ADMIN", "VPCP_ADMIN"];

/** Roles that must enrol one: they can do nothing until they have, and may replace it but never turn it off. */
export const SECOND_FACTOR_REQUIRED_ROLES: readonly Role[] = ["VPCP_ADMIN"];

export type { SecondFactorDue };

/**
 * What a session still owes: "verify" when the account has a second factor and this session has not given it,
 * "enrol" when the role requires one and the account has none yet.
 */
export function secondFactorDue(role: Role, totpEnabledAt: Date | null, sessionSecondFactorAt: Date | null): SecondFactorDue | undefined {
  if (!SECOND_FACTOR_ROLES.includes(role)) return undefined;
  if (totpEnabledAt) return sessionSecondFactorAt ? undefined : "verify";
  return SECOND_FACTOR_REQUIRED_ROLES.includes(role) ? "enrol" : undefined;
}

const SECOND_FACTOR_VERIFY_PAGE = "/dang-nhap/xac-thuc-hai-buoc";
export const SECOND_FACTOR_MANAGE_PAGE = "/tai-khoan/xac-thuc-hai-buoc";

/** The page where a session gives what it owes, then goes on to `next`. */
export function secondFactorPath(due: SecondFactorDue, next: string): string {
  return `${due === "verify" ? SECOND_FACTOR_VERIFY_PAGE : SECOND_FACTOR_MANAGE_PAGE}?next=${encodeURIComponent(next)}`;
}
