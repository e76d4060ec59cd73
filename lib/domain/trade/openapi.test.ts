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
    expect(Object.keys(post.responses as Node)).toEqual(["200", "400", "422"]);
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

  it("documents money as integer minor units", () => {
    const money = doc.components.schemas.MoneyInput!;
    expect((money.properties as Record<string, Node>).amountMinor!.type).toBe("integer");
    expect((money.properties as Record<string, Node>).amountMinor!.minimum).toBe(0);
  });
});
