// Administrative units as JSON for the address pickers: ?cha=<code> lists a unit's children.
import { NextResponse } from "next/server";
import { adminUnitChildren } from "@/lib/agencies/admin-units";

export async function GET(request: Request) {
  const parent = new URL(request.url).searchParams.get("cha");
  if (parent !== null && !/^\d{2,5}$/.test(parent))
    return NextResponse.json({ message: "Mã đơn vị hành chính không hợp lệ." }, { status: 400 });
  const units = await adminUnitChildren(parent);
  return NextResponse.json(units, { headers: { "Cache-Control": "public, max-age=86400" } });
}
