import { describe, expect, it } from "vitest";
import { buildFxTable } from "@/lib/domain/fx";
import { priceView } from "./pricing";

const fx = buildFxTable([
  { quote: "JPY", rate: "181.05", date: "2026-11-27", source: "ECB" },
  { quote: "KWD", rate: "0.35590", date: "2026-11-27", source: "MANUAL" },
]);

describe("priceView", () => {
  it("converts into the buyer's currency and keeps the original", () => {
    const view = priceView(fx, 2500, "EUR", "JPY", "2026-11-28");
    expect(view.display).toEqual({ amountMinor: 4526, currency: "JPY" });
    expect(view.original).toEqual({ amountMinor: 2500, currency: "EUR" });
    expect(view).toMatchObject({ converted: true, rateDate: "2026-11-27", sources: ["ECB"], stale: false });
  });

  it("rounds to a chargeable amount (KWD in tens of fils)", () => {
    const view = priceView(fx, 2500, "EUR", "KWD", "2026-11-28");
    expect(view.display.amountMinor % 10).toBe(0);
    expect(view.display.amountMinor).toBe(8900); // 25 EUR x 0.3559 = 8.8975 KWD -> 8.900
  });

  it("marks conversions with old rates as indicative", () => {
    expect(priceView(fx, 2500, "EUR", "JPY", "2026-12-04").stale).toBe(false);
    expect(priceView(fx, 2500, "EUR", "JPY", "2026-12-05").stale).toBe(true);
  });

  it("shows the original when the buyer pays in the seller's currency or no rate exists", () => {
    expect(priceView(fx, 2500, "EUR", "EUR").converted).toBe(false);
    const noRate = priceView(fx, 2500, "EUR", "USD");
    expect(noRate).toMatchObject({ converted: false, display: { amountMinor: 2500, currency: "EUR" } });
  });
});
