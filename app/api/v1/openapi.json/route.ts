// The API's OpenAPI description, generated from its zod schemas.
import { openApiDocument } from "@/lib/documents/openapi";
import { publicBaseUrl } from "@/lib/notify/notify";

export function GET() {
  return Response.json(openApiDocument(publicBaseUrl()), { headers: { "Cache-Control": "public, max-age=300" } });
}
