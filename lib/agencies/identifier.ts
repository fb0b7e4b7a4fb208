// QCVN 102:2016/BTTTT agency identifiers (mã định danh), `DDD.CC.BB.XNN`, read right to left:
// level 1 is a letter and two digits (G central bodies, H provinces), then level 2, 3 and 4.

export const AGENCY_IDENTIFIER_RE = /^(\d{3})\.(\d{2})\.(\d{2})\.([A-Z])(\d{2})$/;

export interface AgencyIdentifier {
  /** e.g. "G22" or "H29" */
  level1: string;
  level2: string;
  level3: string;
  level4: string;
  /** "central" for G, "province" for H, "other" for any other letter. */
  branch: "central" | "province" | "other";
}

export function parseAgencyIdentifier(value: string): AgencyIdentifier | null {
  if (value.length > 13) return null;
  const m = AGENCY_IDENTIFIER_RE.exec(value);
  if (!m) return null;
  // Every group is required by the expression, so the defaults never apply.
  const [, l4 = "", l3 = "", l2 = "", letter = "", nn = ""] = m;
  return {
    level1: `${letter}${nn}`,
    level2: l2,
    level3: l3,
    level4: l4,
    branch: letter === "G" ? "central" : letter === "H" ? "province" : "other",
  };
}

export function isAgencyIdentifier(value: string): boolean {
  return parseAgencyIdentifier(value) !== null;
}

/** The top-level body an identifier belongs to: `000.00.18.G12` → `000.00.00.G12`. */
export function topLevelIdentifier(value: string): string | null {
  const id = parseAgencyIdentifier(value);
  return id ? `000.00.00.${id.level1}` : null;
}
