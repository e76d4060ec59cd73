import { describe, expect, it } from "vitest";
import { landedCostOpenApiDocument } from "./openapi";

type Node = Record<string, unknown>;

function refsIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(refsIn);
  if (value === null || typeof value !== "object") return [];
  const node = value as Node;
  const own = typeof node.$ref === "string" ? [node.$ref] : [];
  return [...own, ...Object.values(node).flatMap(refsIn)];
}

describe("OpenAPI document", () => {
  const doc = landedCostOpenApiDocument() as Node & { paths: Node; components: { schemas: Record<string, Node> } };

  it("is an OpenAPI 3.1 document for POST /api/v1/landed-cost", () => {
    expect(doc.openapi).toBe("3.1.0");
    const post = (doc.paths["/api/v1/landed-cost"] as Node).post as Node;
    expect(Object.keys(post.responses as Node)).toEqual(["200", "400", "413", "415", "422", "429"]);
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
  });

  it("resolves every $ref to a component schema", () => {
    const refs = refsIn(doc);
    expect(refs.length).toBeGreaterThan(5);
    for (const ref of refs) {
      expect(ref.startsWith("#/components/schemas/")).toBe(true);
      expect(doc.components.schemas[ref.replace("#/components/schemas/", "")], ref).toBeDefined();
    }
  });

  it("describes the request's required fields and the 400 issue shape with field paths", () => {
    const request = doc.components.schemas.LandedCostRequest!;
    expect(request.required).toEqual(["destination", "parcels"]);
    const issues = ((doc.components.schemas.ValidationError!.properties as Node).issues as Node).items as Node;
    expect(Object.keys(issues.properties as Node)).toEqual(["path", "code", "params"]);
    expect(JSON.stringify(issues)).toContain("INVALID_HS_CODE");
  });

  it("documents the refusals before parsing, with their codes, and the rate-limit headers", () => {
    const responses = ((doc.paths["/api/v1/landed-cost"] as Node).post as Node).responses as Record<string, Node>;
    const codeOf = (status: string) => {
      const ref = (((responses[status]!.content as Node)["application/json"] as Node).schema as Node).$ref as string;
      return ((doc.components.schemas[ref.split("/").pop()!]!.properties as Node).error as Node).const;
    };
    expect([codeOf("413"), codeOf("415"), codeOf("429")]).toEqual(["PAYLOAD_TOO_LARGE", "UNSUPPORTED_MEDIA_TYPE", "RATE_LIMITED"]);
    for (const status of Object.keys(responses)) expect(Object.keys(responses[status]!.headers as Node)).toEqual(expect.arrayContaining(["RateLimit", "RateLimit-Policy"]));
    expect(Object.keys(responses["429"]!.headers as Node)).toContain("Retry-After");
  });

  it("lists the new issue codes and the supported date range", () => {
    const issues = JSON.stringify(doc.components.schemas.ValidationError);
    expect(issues).toContain("INVALID_CHARACTER");
    expect(issues).toContain("DATE_OUT_OF_RANGE");
    expect(JSON.stringify(doc.components.schemas.QuoteRejected)).toContain("AMOUNT_TOO_LARGE");
    expect(JSON.stringify(doc.components.schemas.LandedCostRequest)).toContain("2000-01-01 to 2100-12-31");
  });

  it("documents money as integer minor units", () => {
    const money = doc.components.schemas.MoneyInput!;
    expect((money.properties as Record<string, Node>).amountMinor!.type).toBe("integer");
    expect((money.properties as Record<string, Node>).amountMinor!.minimum).toBe(0);
  });
});
