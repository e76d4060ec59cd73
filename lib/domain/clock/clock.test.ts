import { describe, expect, it } from "vitest";
import { fixedClock, pricingDate } from "./index";

describe("clock", () => {
  it("a fixed clock always reads the same instant, however often and whatever callers do with it", () => {
    const clock = fixedClock(new Date("2026-07-01T23:59:59.999Z"));
    const first = clock.now();
    first.setUTCFullYear(1999);
    expect(clock.now().toISOString()).toBe("2026-07-01T23:59:59.999Z");
  });

  it("the pricing date is the UTC day, on both sides of midnight", () => {
    expect(pricingDate(fixedClock(new Date("2026-06-30T23:59:59.999Z")))).toBe("2026-06-30");
    expect(pricingDate(fixedClock(new Date("2026-07-01T00:00:00.000Z")))).toBe("2026-07-01");
  });
});
