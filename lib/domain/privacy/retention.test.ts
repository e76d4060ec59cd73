import { describe, expect, it } from "vitest";
import { retentionEnd, retentionEnded, RETENTION_YEARS } from "./retention";

describe("retention", () => {
  it("keeps a record until the first of January after the tenth full year", () => {
    expect(RETENTION_YEARS).toBe(10);
    expect(retentionEnd(new Date("2026-03-15T10:00:00Z")).toISOString()).toBe("2037-01-01T00:00:00.000Z");
    expect(retentionEnd(new Date("2026-12-31T23:59:59Z")).toISOString()).toBe("2037-01-01T00:00:00.000Z");
    expect(retentionEnd(new Date("2027-01-01T00:00:00Z")).toISOString()).toBe("2038-01-01T00:00:00.000Z");
  });

  it("takes another period when asked", () => {
    expect(retentionEnd(new Date("2026-06-01T00:00:00Z"), 5).toISOString()).toBe("2032-01-01T00:00:00.000Z");
  });

  it("refuses a date that is not one", () => {
    expect(() => retentionEnd(new Date("nope"))).toThrow(RangeError);
  });

  it("ends at the instant and never for a record without an end", () => {
    const until = new Date("2037-01-01T00:00:00Z");
    expect(retentionEnded(until, new Date("2036-12-31T23:59:59.999Z"))).toBe(false);
    expect(retentionEnded(until, until)).toBe(true);
    expect(retentionEnded(null, new Date("2100-01-01T00:00:00Z"))).toBe(false);
  });
});
