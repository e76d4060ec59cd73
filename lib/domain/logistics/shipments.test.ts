import { describe, expect, it } from "vitest";
import { parseManualUpdate, parseQuantity, parseWeight, planParcel, remainingOf, type ShippableLine } from "./shipments";

const lines: ShippableLine[] = [
  { id: "a", kind: "PHYSICAL", quantity: 3, withdrawnQuantity: 1, shipped: 1 },
  { id: "b", kind: "PHYSICAL", quantity: 1, withdrawnQuantity: 0, shipped: 0 },
  { id: "d", kind: "DIGITAL", quantity: 1, withdrawnQuantity: 0, shipped: 0 },
];

describe("parcel planning", () => {
  it("what remains: ordered less withdrawn less shipped; nothing for a digital line", () => {
    expect(lines.map(remainingOf)).toEqual([1, 1, 0]);
  });

  it("plans the asked lines and leaves out zeros", () => {
    expect(planParcel(lines, new Map([["a", 1], ["b", 0]]))).toEqual({ ok: true, lines: [{ orderLineId: "a", quantity: 1 }] });
  });

  it("refuses more than remains, digital or unknown lines, negative or fractional quantities, and an empty parcel", () => {
    expect(planParcel(lines, new Map([["a", 2]]))).toEqual({ ok: false, code: "QUANTITY_TOO_HIGH" });
    expect(planParcel(lines, new Map([["d", 1]]))).toEqual({ ok: false, code: "NOT_SHIPPABLE" });
    expect(planParcel(lines, new Map([["x", 1]]))).toEqual({ ok: false, code: "NOT_SHIPPABLE" });
    expect(planParcel(lines, new Map([["a", -1]]))).toEqual({ ok: false, code: "INVALID_QUANTITY" });
    expect(planParcel(lines, new Map([["a", 0.5]]))).toEqual({ ok: false, code: "INVALID_QUANTITY" });
    expect(planParcel(lines, new Map([["a", 0]]))).toEqual({ ok: false, code: "NO_ITEMS" });
    expect(planParcel(lines, new Map())).toEqual({ ok: false, code: "NO_ITEMS" });
  });

  it("reads weights and quantities as typed", () => {
    expect(parseWeight(" 850 ")).toBe(850);
    expect(parseWeight("0")).toBeNull();
    expect(parseWeight("30001")).toBeNull();
    expect(parseWeight("1.5")).toBeNull();
    expect(parseQuantity("")).toBe(0);
    expect(parseQuantity("2")).toBe(2);
    expect(parseQuantity("-1")).toBeNull();
    expect(parseQuantity("x")).toBeNull();
  });
});

describe("manual tracking updates", () => {
  const now = new Date("2026-12-01T12:00:00Z");
  it("reads a status, a UTC time, a place and the carrier's words", () => {
    expect(parseManualUpdate({ kind: "IN_TRANSIT", at: "2026-12-01T09:30", location: " Frankfurt ", note: "Processed at hub" }, now)).toEqual({
      ok: true, kind: "IN_TRANSIT", at: new Date("2026-12-01T09:30:00Z"), location: "Frankfurt", note: "Processed at hub",
    });
    expect(parseManualUpdate({ kind: "DELIVERED", at: "2026-12-01T18:00+09:00", location: "", note: undefined }, now)).toMatchObject({ ok: true, at: new Date("2026-12-01T09:00:00Z"), location: null, note: null });
  });

  it("refuses an unknown status, a malformed or future time and over-long text", () => {
    expect(parseManualUpdate({ kind: "LOST", at: "2026-12-01T09:30", location: "", note: "" }, now)).toEqual({ ok: false, code: "INVALID_STATUS" });
    expect(parseManualUpdate({ kind: "IN_TRANSIT", at: "yesterday", location: "", note: "" }, now)).toEqual({ ok: false, code: "INVALID_TIME" });
    expect(parseManualUpdate({ kind: "IN_TRANSIT", at: "2026-13-40T09:30", location: "", note: "" }, now)).toEqual({ ok: false, code: "INVALID_TIME" });
    expect(parseManualUpdate({ kind: "IN_TRANSIT", at: "2026-12-01T12:05", location: "", note: "" }, now)).toEqual({ ok: false, code: "TIME_IN_FUTURE" });
    expect(parseManualUpdate({ kind: "IN_TRANSIT", at: "2026-12-01T09:30", location: "", note: "x".repeat(501) }, now)).toEqual({ ok: false, code: "TEXT_TOO_LONG" });
  });
});
