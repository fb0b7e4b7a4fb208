// Row ids (UUIDs) as they arrive in URLs, forms and filters: checked before any query casts them, so a
// malformed one is "not found" or a field error, never a database error. Pure.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(s: string): boolean {
  return UUID.test(s);
}
