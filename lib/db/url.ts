// Where the database is. DATABASE_URL names a PostgreSQL server; without it the portal uses the
// embedded PGlite server that `npm run demo` (or any db script) starts on EMBEDDED_DB_PORT.
const EMBEDDED_DEFAULT_PORT = 5433;

export function embeddedPort(): number {
  const raw = process.env.EMBEDDED_DB_PORT;
  const port = raw ? Number(raw) : EMBEDDED_DEFAULT_PORT;
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new Error(`EMBEDDED_DB_PORT is not a port: ${raw}`);
  return port;
}

export function embeddedUrl(port = embeddedPort()): string {
  return `postgres://postgres@127.0.0.1:${port}/postgres`;
}

export function databaseUrl(): string {
  return process.env.DATABASE_URL || embeddedUrl();
}
