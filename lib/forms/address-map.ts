// Which map an address was written on. Since 1 July 2025 an address is province → commune (the two-level map,
// `district` empty); an address with a district was written on the three-level map before, and keeps naming
// its units there: the same code can be a different unit on the two maps, so a unit is looked up by a key that
// says its map. Pure: client and server.
import type { AddressValue } from "./answers";

/** The key of a unit on the three-level map (before 1 July 2025); a unit of the current map's key is its code. */
const THREE_LEVEL = "3:";

export type UnitMap = "THREE_LEVEL" | "TWO_LEVEL";

/** True when the address was written with a district, on the three-level map. */
export function isThreeLevel(a: Pick<AddressValue, "district">): boolean {
  return a.district.trim() !== "";
}

export function unitKey(map: UnitMap, code: string): string {
  return map === "THREE_LEVEL" ? `${THREE_LEVEL}${code}` : code;
}

export function parseUnitKey(key: string): { map: UnitMap; code: string } {
  return key.startsWith(THREE_LEVEL) ? { map: "THREE_LEVEL", code: key.slice(THREE_LEVEL.length) } : { map: "TWO_LEVEL", code: key };
}

/** The keys of an address's units, smallest first: ward (commune), district when it has one, province. */
export function addressUnitKeys(a: AddressValue): string[] {
  if (isThreeLevel(a)) return [a.ward, a.district, a.province].map((c) => unitKey("THREE_LEVEL", c));
  return [a.ward, a.province];
}
