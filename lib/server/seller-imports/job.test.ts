import { describe, expect, it } from "vitest";
import { catalogueImportResult } from "./job";

describe("catalogueImportResult", () => {
  it("reads a stored result back", () => {
    const stored = { imported: 3, unchanged: 1, failed: [{ line: 4, field: "price", code: "INVALID_PRICE" }] };
    expect(catalogueImportResult(stored)).toEqual(stored);
  });

  it("is null for a job without a result yet, and drops refused rows it cannot show", () => {
    expect(catalogueImportResult({})).toBeNull();
    expect(catalogueImportResult(null)).toBeNull();
    expect(catalogueImportResult({ imported: 1, unchanged: 0, failed: [{ line: 2, code: "NOT_A_CODE" }, { line: "3", code: "SKU_TAKEN" }, { line: 5, code: "SKU_TAKEN" }] })).toEqual({
      imported: 1,
      unchanged: 0,
      failed: [{ line: 5, field: "", code: "SKU_TAKEN" }],
    });
  });
});
