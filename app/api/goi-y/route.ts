// Suggestions for the search box as the citizen types: ?q=<what is typed> → up to 8 procedures, best first,
// ranked as the catalog search ranks them (synonyms, variants after the base procedure, typos).
import { NextResponse } from "next/server";
import { cachedListCatalog } from "@/lib/catalog/cached";
import { cleanQuery } from "@/lib/catalog/fold";

const MAX = 8;

export async function GET(request: Request) {
  const q = cleanQuery(new URL(request.url).searchParams.get("q"));
  if (q.length < 2) return NextResponse.json([], { headers: { "Cache-Control": "public, max-age=300" } });
  const found = await cachedListCatalog({ q });
  const items = found.items.slice(0, MAX).map((i) => ({ code: i.code, name: i.name }));
  return NextResponse.json(items, { headers: { "Cache-Control": "public, max-age=60" } });
}
