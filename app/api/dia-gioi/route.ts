// Administrative units as JSON for the address pickers: ?cha=<code> lists a unit's children on the map in force
// (province → commune); &ban-do=3-cap lists them on the three-level map in force until 30 June 2025.
import { NextResponse } from "next/server";
import { adminUnitChildren } from "@/lib/agencies/admin-units";

export async function GET(request: Request) {
  const params = new URL(request.url).searchParams;
  const parent = params.get("cha");
  const map = params.get("ban-do");
  if (parent !== null && !/^\d{2,5}$/.test(parent))
    return NextResponse.json({ message: "Mã đơn vị hành chính không hợp lệ." }, { status: 400 });
  if (map !== null && map !== "3-cap" && map !== "2-cap")
    return NextResponse.json({ message: "Bản đồ hành chính không hợp lệ: dùng 2-cap hoặc 3-cap." }, { status: 400 });
  const units = await adminUnitChildren(parent, map === "3-cap" ? "THREE_LEVEL" : "TWO_LEVEL");
  return NextResponse.json(units, { headers: { "Cache-Control": "public, max-age=86400" } });
}
