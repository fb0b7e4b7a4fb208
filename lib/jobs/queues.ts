// The job queues (pg-boss) and their settings. Outbox kinds map onto queues one to one; the outbox row
// (outbox_message) stays the durable log and the dead-letter view, the job is what wakes a worker.
export const QUEUE = {
  email: "email",
  documentPush: "document-push",
  /** Issue 17 (sync-out): portal dossiers pushed to the agency's one-stop system. */
  dossierDeliver: "dossier-deliver",
  sweepFiles: "sweep-files",
  purgeExpired: "purge-expired",
  dead: "outbox-dead",
} as const;

/** The pg-boss schema (its tables live beside the app's, in the same database). */
export const JOBS_SCHEMA = "pgboss";

/** The kinds of outbox message (each has words for the dead-letter view: lib/i18n/vi/integration.ts). */
export type OutboxKind = "email" | "document.push" | "dossier.deliver";

/** Outbox kind → queue. A kind missing here has no handler: its row goes DEAD when it is written. */
export const OUTBOX_QUEUES: Readonly<Record<string, string>> = {
  email: QUEUE.email,
  "document.push": QUEUE.documentPush,
  "dossier.deliver": QUEUE.dossierDeliver,
} satisfies Record<OutboxKind, string>;

export const isOutboxKind = (kind: string): kind is OutboxKind => Object.hasOwn(OUTBOX_QUEUES, kind);

/** Attempts of one outbox message, the first included (so pg-boss retries it MAX_ATTEMPTS - 1 times). */
export const MAX_ATTEMPTS = 8;
/** The first retry's wait; pg-boss doubles it each retry (with jitter). */
export const RETRY_DELAY_SECONDS = 5;
/**
 * How long a handler may run before its job is deemed lost (its worker died) and retried: just above the
 * longest a handler can take (an e-mail: 10 s to connect, 10 s for the greeting, 60 s of socket silence;
 * a push: 15 s in all), so a killed worker's message goes out again within a few minutes, never twice
 * from a live worker.
 */
const EMAIL_EXPIRE_SECONDS = 120;
const PUSH_EXPIRE_SECONDS = 60;

export interface QueueSettings {
  retryLimit?: number;
  retryDelay?: number;
  retryBackoff?: boolean;
  expireInSeconds?: number;
  retentionMinutes?: number;
  deadLetter?: string;
  policy?: "standard" | "short" | "singleton" | "stately";
}

/**
 * The first retry's wait of a dossier delivery (issue 17), doubled each retry like the others: SYNC_RETRY_DELAY_SECONDS
 * (1–300, default RETRY_DELAY_SECONDS) so that the end-to-end test's outage stays short. With the default 5 s an agency
 * system down for a minute gets its dossier at the retry after ≈ 75 s (5 + 10 + 20 + 40 s of waits, up to twice that
 * with pg-boss's jitter).
 */
export function syncRetryDelaySeconds(env: Record<string, string | undefined> = process.env): number {
  const n = Number(env.SYNC_RETRY_DELAY_SECONDS);
  return Number.isInteger(n) && n >= 1 && n <= 300 ? n : RETRY_DELAY_SECONDS;
}

const outboxQueue: QueueSettings = {
  retryLimit: MAX_ATTEMPTS - 1,
  retryDelay: RETRY_DELAY_SECONDS,
  retryBackoff: true,
  deadLetter: QUEUE.dead,
};

/** Every queue with its settings, created by installJobs (lib/jobs/install.ts). The dead-letter queue first. */
export const QUEUES: ReadonlyArray<[string, QueueSettings]> = [
  [QUEUE.dead, { retentionMinutes: 14 * 24 * 60 }],
  [QUEUE.email, { ...outboxQueue, expireInSeconds: EMAIL_EXPIRE_SECONDS }],
  [QUEUE.documentPush, { ...outboxQueue, expireInSeconds: PUSH_EXPIRE_SECONDS }],
  [QUEUE.dossierDeliver, { ...outboxQueue, retryDelay: syncRetryDelaySeconds(), expireInSeconds: PUSH_EXPIRE_SECONDS }],
  // Scheduled work: one run at a time is enough; a missed run is simply the next one.
  [QUEUE.sweepFiles, { policy: "stately", retryLimit: 2, retryDelay: 60, expireInSeconds: 30 * 60 }],
  [QUEUE.purgeExpired, { policy: "stately", retryLimit: 2, retryDelay: 60, expireInSeconds: 30 * 60 }],
];

/** Cron schedules (UTC) of the scheduled queues. */
export const SCHEDULES: ReadonlyArray<[string, string]> = [
  [QUEUE.sweepFiles, "17 * * * *"],
  [QUEUE.purgeExpired, "43 3 * * *"],
];
