import { describe, expect, it } from "vitest";
import { parseAuditFilter, parseDay, parseOrderFilter } from "./filters";

describe("parseOrderFilter", () => {
  it("reads every filter, treating empty fields as none", () => {
    expect(parseOrderFilter({})).toEqual({ ok: true, filter: {} });
    expect(parseOrderFilter({ status: "", destination: " ", number: "" })).toEqual({ ok: true, filter: {} });
    expect(parseOrderFilter({ status: "PAID", destination: "jp", number: " cv-7k3m ", from: "2026-11-01", to: "2026-11-30" })).toEqual({
      ok: true,
      filter: { status: "PAID", destination: "JP", number: "CV-7K3M", from: new Date("2026-11-01T00:00:00Z"), to: new Date("2026-12-01T00:00:00Z") },
    });
  });

  it("refuses what cannot be a filter", () => {
    for (const query of [{ status: "LOST" }, { destination: "JPN" }, { number: "CV 7K3M" }, { from: "2026-02-30" }, { to: "yesterday" }, { from: "2026-12-02", to: "2026-12-01" }, { cursor: "a b" }]) {
      expect(parseOrderFilter(query)).toEqual({ ok: false, code: "INVALID_FILTER" });
    }
  });

  it("a one-day range covers that whole day", () => {
    expect(parseOrderFilter({ from: "2026-12-01", to: "2026-12-01" })).toEqual({ ok: true, filter: { from: new Date("2026-12-01T00:00:00Z"), to: new Date("2026-12-02T00:00:00Z") } });
  });
});

describe("parseAuditFilter", () => {
  it("reads action prefix, actor kind, subject and dates", () => {
    expect(parseAuditFilter({ action: "order.", actor: "system", subjectType: "subOrder", subjectId: "so_1", cursor: "abc_-1" })).toEqual({
      ok: true,
      filter: { action: "order.", actorKind: "system", subjectType: "subOrder", subjectId: "so_1", cursor: "abc_-1" },
    });
  });

  it("refuses an unknown actor kind, a malformed action and control characters", () => {
    for (const query of [{ actor: "robot" }, { action: "order paid" }, { action: ".x" }, { subjectType: "a b" }, { subjectId: "x\u0000" }, { subjectId: "x".repeat(201) }]) {
      expect(parseAuditFilter(query)).toEqual({ ok: false, code: "INVALID_FILTER" });
    }
  });
});

describe("parseDay", () => {
  it("accepts real calendar days only", () => {
    expect(parseDay("2028-02-29")).toEqual(new Date("2028-02-29T00:00:00Z"));
    expect(parseDay("2026-02-29")).toBeNull();
    expect(parseDay("2026-1-01")).toBeNull();
  });
});
