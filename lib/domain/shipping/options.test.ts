import { describe, expect, it } from "vitest";
import { chosenOption, deliveryOptions, DELIVERY_TABLE, isDeliveryService } from "./options";
import { estimateShippingEur } from "./estimate";

describe("delivery options", () => {
  it("offers standard and express per lane, express faster and dearer", () => {
    const options = deliveryOptions("DE", "JP", 1200);
    expect(options.map((o) => o.service)).toEqual(["STANDARD", "EXPRESS"]);
    const [standard, express] = options;
    expect(standard!.zone).toBe("INTERNATIONAL");
    expect(express!.price.amountMinor).toBeGreaterThan(standard!.price.amountMinor);
    expect(express!.days.max).toBeLessThan(standard!.days.max);
    for (const zone of Object.values(DELIVERY_TABLE)) {
      expect(zone.EXPRESS.base).toBeGreaterThan(zone.STANDARD.base);
      expect(zone.EXPRESS.days.max).toBeLessThanOrEqual(zone.STANDARD.days.max);
      expect(zone.STANDARD.days.min).toBeLessThanOrEqual(zone.STANDARD.days.max);
    }
  });

  it("prices each started 500 g, in euro cents", () => {
    expect(deliveryOptions("JP", "JP", 1)[0]!.price).toEqual({ amountMinor: 490 + 100, currency: "EUR" });
    expect(deliveryOptions("JP", "JP", 501)[1]!.price).toEqual({ amountMinor: 990 + 300, currency: "EUR" });
  });

  it("is what the browse pages estimate, for the standard service", () => {
    expect(estimateShippingEur("KE", "DE", 750)).toEqual(deliveryOptions("KE", "DE", 750)[0]!.price);
  });

  it("has nothing for a digital-only parcel and refuses nonsense weights", () => {
    expect(deliveryOptions("US", "JP", 0)).toEqual([]);
    expect(() => deliveryOptions("US", "JP", -5)).toThrow(RangeError);
    expect(() => deliveryOptions("US", "JP", 2.5)).toThrow(RangeError);
  });

  it("takes the buyer's choice when it is offered, else standard", () => {
    const options = deliveryOptions("DE", "FR", 300);
    expect(chosenOption(options, "EXPRESS")!.service).toBe("EXPRESS");
    expect(chosenOption(options, "TELEPORT")!.service).toBe("STANDARD");
    expect(chosenOption(options, undefined)!.service).toBe("STANDARD");
    expect(chosenOption([], "EXPRESS")).toBeNull();
    expect(isDeliveryService("EXPRESS")).toBe(true);
    expect(isDeliveryService("express")).toBe(false);
  });
});
