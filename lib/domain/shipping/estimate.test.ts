import { describe, expect, it } from "vitest";
import { estimateShippingEur, shippingZone } from "./estimate";

describe("shipping estimate", () => {
  it("picks the zone", () => {
    expect(shippingZone("DE", "DE")).toBe("DOMESTIC");
    expect(shippingZone("DE", "FR")).toBe("REGIONAL");
    expect(shippingZone("JP", "KR")).toBe("REGIONAL");
    expect(shippingZone("JP", "DE")).toBe("INTERNATIONAL");
  });
  it("charges a base plus each started 500 g", () => {
    expect(estimateShippingEur("JP", "DE", 1)).toEqual({ amountMinor: 1490 + 450, currency: "EUR" });
    expect(estimateShippingEur("JP", "DE", 500)).toEqual({ amountMinor: 1490 + 450, currency: "EUR" });
    expect(estimateShippingEur("JP", "DE", 501)).toEqual({ amountMinor: 1490 + 900, currency: "EUR" });
    expect(estimateShippingEur("DE", "DE", 1200).amountMinor).toBe(490 + 300);
  });
  it("ships digital parcels for free and refuses nonsense weights", () => {
    expect(estimateShippingEur("US", "JP", 0).amountMinor).toBe(0);
    expect(() => estimateShippingEur("US", "JP", -1)).toThrow(RangeError);
    expect(() => estimateShippingEur("US", "JP", 1.5)).toThrow(RangeError);
  });
});
