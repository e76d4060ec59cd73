import { describe, expect, it } from "vitest";
import { acknowledgedQuantity, boundedQuantity, groupBySeller, lineChanges, MAX_QUANTITY, parseQuantity, type LineState } from "./index";

const jpy = (amountMinor: number) => ({ amountMinor, currency: "JPY" as const });
const eur = (amountMinor: number) => ({ amountMinor, currency: "EUR" as const });

const line = (over: Partial<LineState> = {}): LineState => ({
  quantity: 2,
  seen: { price: jpy(2800), display: eur(1750) },
  current: { price: jpy(2800), display: eur(1750), stock: 10 },
  ...over,
});

describe("cart quantities", () => {
  it("accepts whole numbers from 1 to the maximum and refuses anything else", () => {
    expect(parseQuantity("1")).toBe(1);
    expect(parseQuantity(" 7 ")).toBe(7);
    expect(parseQuantity(MAX_QUANTITY)).toBe(MAX_QUANTITY);
    for (const bad of ["0", "-1", "1.5", "1e2", "100", "", "abc", null, undefined, {}, "０"]) expect(parseQuantity(bad), String(bad)).toBeNull();
  });

  it("bounds a line by stock and the maximum", () => {
    expect(boundedQuantity(5, 3)).toBe(3);
    expect(boundedQuantity(5, 0)).toBe(0);
    expect(boundedQuantity(500, 10_000)).toBe(MAX_QUANTITY);
    expect(boundedQuantity(2, 10)).toBe(2);
  });
});

describe("changes since a line was added", () => {
  it("reports nothing when nothing changed", () => {
    expect(lineChanges(line())).toEqual([]);
  });

  it("tells a seller's price change from an exchange-rate change", () => {
    expect(lineChanges(line({ current: { price: jpy(3000), display: eur(1875), stock: 10 } }))).toEqual([
      { kind: "PRICE_CHANGED", from: jpy(2800), to: jpy(3000) },
    ]);
    expect(lineChanges(line({ current: { price: jpy(2800), display: eur(1760), stock: 10 } }))).toEqual([
      { kind: "DISPLAY_PRICE_CHANGED", from: eur(1750), to: eur(1760) },
    ]);
  });

  it("reports less stock than the line holds, and none at all", () => {
    expect(lineChanges(line({ current: { price: jpy(2800), display: eur(1750), stock: 1 } }))).toEqual([{ kind: "STOCK_REDUCED", available: 1 }]);
    expect(lineChanges(line({ current: { price: jpy(2800), display: eur(1750), stock: 0 } }))).toEqual([{ kind: "SOLD_OUT" }]);
    expect(lineChanges(line({ current: null }))).toEqual([{ kind: "UNAVAILABLE" }]);
  });

  it("acknowledging keeps what stock allows, and drops what cannot be had", () => {
    expect(acknowledgedQuantity(line({ current: { price: jpy(2800), display: eur(1750), stock: 1 } }))).toBe(1);
    expect(acknowledgedQuantity(line({ current: { price: jpy(2800), display: eur(1750), stock: 0 } }))).toBe(0);
    expect(acknowledgedQuantity(line({ current: null }))).toBe(0);
    expect(acknowledgedQuantity(line())).toBe(2);
  });
});

describe("parcels", () => {
  it("groups lines by seller in the order sellers first appear", () => {
    const parcels = groupBySeller([
      { sellerId: "jp", sku: "a" },
      { sellerId: "de", sku: "b" },
      { sellerId: "jp", sku: "c" },
    ]);
    expect(parcels.map((p) => [p.sellerId, p.lines.map((l) => l.sku)])).toEqual([
      ["jp", ["a", "c"]],
      ["de", ["b"]],
    ]);
  });
});
