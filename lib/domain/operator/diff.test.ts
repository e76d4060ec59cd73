import { describe, expect, it } from "vitest";
import { diffJson } from "./diff";

describe("diffJson", () => {
  it("names each changed field with its old and new value, leaving unchanged ones out", () => {
    expect(diffJson({ commissionBps: 1000, name: "A" }, { commissionBps: 1200, name: "A" })).toEqual([
      { path: "commissionBps", kind: "changed", before: "1000", after: "1200" },
    ]);
  });

  it("lists fields that appear and disappear", () => {
    expect(diffJson({}, { rate: "181.05", source: "MANUAL" })).toEqual([
      { path: "rate", kind: "added", after: '"181.05"' },
      { path: "source", kind: "added", after: '"MANUAL"' },
    ]);
    expect(diffJson({ refundId: "re_1" }, {})).toEqual([{ path: "refundId", kind: "removed", before: '"re_1"' }]);
  });

  it("walks nested objects and arrays by path", () => {
    expect(diffJson({ a: { b: 1, c: [1, 2] } }, { a: { b: 2, c: [1, 3, 4] } })).toEqual([
      { path: "a.b", kind: "changed", before: "1", after: "2" },
      { path: "a.c[1]", kind: "changed", before: "2", after: "3" },
      { path: "a.c[2]", kind: "added", after: "4" },
    ]);
    expect(diffJson({ "odd key": 1 }, { "odd key": 2 })).toEqual([{ path: '["odd key"]', kind: "changed", before: "1", after: "2" }]);
  });

  it("treats null as a value and a type change as a change", () => {
    expect(diffJson({ status: null }, { status: "PAID" })).toEqual([{ path: "status", kind: "changed", before: "null", after: '"PAID"' }]);
    expect(diffJson({ x: { y: 1 } }, { x: "flat" })).toEqual([{ path: "x", kind: "changed", before: '{"y":1}', after: '"flat"' }]);
    expect(diffJson(1, 2)).toEqual([{ path: "·", kind: "changed", before: "1", after: "2" }]);
  });

  it("gives nothing for equal values", () => {
    expect(diffJson({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toEqual([]);
    expect(diffJson({}, {})).toEqual([]);
  });
});
