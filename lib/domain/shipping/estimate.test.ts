import { describe, expect, it } from "vitest";
import { EU_MEMBER_STATES } from "@/lib/domain/trade/countries";
import { estimateShippingEur, shippingZone } from "./estimate";

describe("shipping estimate", () => {
  it("picks the zone", () => {
    expect(shippingZone("DE", "DE")).toBe("DOMESTIC");
    expect(shippingZone("DE", "FR")).toBe("REGIONAL");
    expect(shippingZone("JP", "KR")).toBe("REGIONAL");
    expect(shippingZone("JP", "DE")).toBe("INTERNATIONAL");
  });
  it("ships between any two EU member states, and to their close neighbours, at regional rates", () => {
    for (const from of EU_MEMBER_STATES) {
      for (const to of [...EU_MEMBER_STATES, "CH", "GB", "NO"].filter((c) => c !== from)) expect(shippingZone(from, to), `${from}->${to}`).toBe("REGIONAL");
    }
    expect(shippingZone("DE", "TR")).toBe("INTERNATIONAL");
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
