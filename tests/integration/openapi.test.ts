import { describe, expect, it } from "vitest";
import { z } from "zod";
import { GET } from "@/app/api/v1/openapi.json/route";
import { EdDocument } from "@/lib/documents/schema";

describe("the API's OpenAPI description", () => {
  it("lists every endpoint and carries the schemas the API validates with", async () => {
    const res = GET();
    expect(res.status).toBe(200);
    const doc = (await res.json()) as {
      openapi: string;
      paths: Record<string, Record<string, unknown>>;
      components: { schemas: Record<string, unknown> };
      webhooks: Record<string, { post: { requestBody: { content: Record<string, { schema: { $ref: string } }> } } }>;
    };
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.fromEntries(Object.entries(doc.paths).map(([p, m]) => [p, Object.keys(m)]))).toEqual({
      "/van-ban": ["post"],
      "/van-ban/den": ["get"],
      "/van-ban/den/{recipientId}/xac-nhan": ["post"],
      "/van-ban/den/{recipientId}/trang-thai": ["post"],
      "/van-ban/di/trang-thai": ["get"],
      // Issue 17, sync-out.
      "/ho-so/moi": ["get"],
      "/ho-so/{code}/giay-to/{id}": ["get"],
      "/ho-so/{code}/tiep-nhan": ["post"],
      // Issue 17: the dossier sync API, inbound half.
      "/ho-so": ["post"],
      "/ho-so/{code}": ["get"],
      "/ho-so/{code}/trang-thai": ["post"],
      "/ho-so/doi-soat": ["post"],
    });
    expect(doc.components.schemas.EdDocument).toEqual(
      JSON.parse(JSON.stringify(z.toJSONSchema(EdDocument, { io: "input", unrepresentable: "any" }))),
    );
    const status = (doc.components.schemas.StatusInput as { properties: { status: { enum: string[] } } }).properties.status.enum;
    expect([...status].sort()).toEqual(["02", "03", "04", "05", "06", "13", "15", "16"]);
    // Pushes to agencies' endpoints are described as webhooks with their body schemas.
    const hooks = doc.webhooks;
    expect(Object.keys(hooks)).toEqual(["van-ban", "trang-thai", "ho-so"]);
    expect(hooks["ho-so"]!.post.requestBody.content["application/json"]!.schema.$ref).toBe("#/components/schemas/DossierFiledPush");
    expect(hooks["van-ban"]!.post.requestBody.content["application/json"]!.schema.$ref).toBe("#/components/schemas/PushDocumentBody");
    expect(doc.components.schemas).toHaveProperty("PushStatusBody");

    // Every refusal is described as RFC 9457 problem details, with the Problem schema and its stable code.
    const problem = doc.components.schemas.Problem as { properties: Record<string, unknown>; required: string[] };
    expect(Object.keys(problem.properties).sort()).toEqual([
      "code",
      "detail",
      "errors",
      "instance",
      "messages",
      "reference",
      "status",
      "title",
      "type",
    ]);
    expect([...problem.required].sort()).toEqual(["code", "detail", "messages", "status", "title", "type"]);
    const responses = Object.values(doc.paths).flatMap((methods) =>
      Object.values(
        methods as Record<string, { responses: Record<string, { content?: Record<string, { schema: { $ref: string } }> }> }>,
      ).flatMap((op) => Object.entries(op.responses)),
    );
    const refusals = responses.filter(([status]) => Number(status) >= 400);
    expect(refusals.length).toBeGreaterThanOrEqual(15);
    for (const [, r] of refusals) {
      expect(Object.keys(r.content ?? {})).toEqual(["application/problem+json"]);
      expect(r.content!["application/problem+json"]!.schema.$ref).toBe("#/components/schemas/Problem");
    }
    // Answers are generated from their zod schemas too.
    const sendAnswer = doc.paths["/van-ban"]!.post as {
      responses: Record<string, { content: Record<string, { schema: { $ref: string } }> }>;
    };
    expect(sendAnswer.responses["201"]!.content["application/json"]!.schema.$ref).toBe("#/components/schemas/SendAnswer");
    expect((doc.components.schemas.SendAnswer as { required: string[] }).required.sort()).toEqual(["documentKey", "duplicate", "sha256"]);
  });
});
