// How long sessions last: the idle and absolute timeouts, settable by environment (pure: read by the
// sessions, the next-auth cookie and the server's start-up check).
import type { Role } from "./permissions";

/**
 * The timeouts, settable by environment. Defaults follow NIST SP 800-63B (2017) reauthentication: 12 hours
 * at most, and 30 minutes without activity for citizens (AAL2); staff (officers, agency and VPCP
 * administrators) see other people's dossiers from shared offices, so 15 minutes (AAL3's figure).
 */
const SETTINGS = {
  SESSION_IDLE_MINUTES: { fallback: 30, max: 24 * 60 },
  SESSION_STAFF_IDLE_MINUTES: { fallback: 15, max: 24 * 60 },
  SESSION_ABSOLUTE_HOURS: { fallback: 12, max: 30 * 24 },
} as const;
type Setting = keyof typeof SETTINGS;

function readSetting(name: Setting, env: Readonly<Record<string, string | undefined>> = process.env): number | null {
  const raw = env[name]?.trim();
  if (!raw) return SETTINGS[name].fallback;
  const n = Number(raw);
  return Number.isFinite(n) && n > 0 && n <= SETTINGS[name].max ? n : null;
}

function setting(name: Setting): number {
  return readSetting(name) ?? SETTINGS[name].fallback;
}

/** Settings that are set but cannot be read (a server refuses to start with them: lib/startup.ts). */
export function sessionSettingProblems(env: Readonly<Record<string, string | undefined>> = process.env): string[] {
  return (Object.keys(SETTINGS) as Setting[])
    .filter((name) => readSetting(name, env) === null)
    .map((name) => `${name} must be a number above 0 and at most ${SETTINGS[name].max}`);
}

/** How long a session lives after sign-in, in seconds (the cookie's lifetime too). */
export function absoluteTimeoutSeconds(): number {
  return Math.round(setting("SESSION_ABSOLUTE_HOURS") * 3600);
}

/** How long a session of this role lives without a request, in milliseconds. */
export function idleTimeoutMs(role: Role): number {
  return setting(role === "CITIZEN" ? "SESSION_IDLE_MINUTES" : "SESSION_STAFF_IDLE_MINUTES") * 60_000;
}
