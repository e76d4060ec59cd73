import { describe, expect, it } from "vitest";
import { firstParam } from "./search-params";

describe("firstParam", () => {
  it("reads one value, the first of repeated ones, and nothing when absent", () => {
    expect(firstParam("tea")).toBe("tea");
    expect(firstParam(["tea", "coffee"])).toBe("tea");
    expect(firstParam([])).toBeUndefined();
    expect(firstParam(undefined)).toBeUndefined();
  });
});
