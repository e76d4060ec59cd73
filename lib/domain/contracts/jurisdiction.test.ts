import { describe, expect, it } from "vitest";
import { MARKETS } from "@/lib/domain/markets";
import { EU_MEMBER_STATES } from "@/lib/domain/trade/countries";
import { jurisdictionOf, withdrawalRule } from "./jurisdiction";

describe("jurisdictionOf", () => {
  it("maps every store market", () => {
    const expected: Record<string, string> = {
      US: "US", GB: "UK", DE: "EU", FR: "EU", ES: "EU", IT: "EU", NL: "EU", JP: "ROW", KR: "ROW", CN: "ROW",
      AU: "AU", BR: "ROW", MX: "ROW", IN: "ROW", CA: "ROW", CH: "ROW", AE: "ROW", KW: "ROW", KE: "ROW",
    };
    expect(MARKETS.map((m) => m.country).sort()).toEqual(Object.keys(expected).sort());
    for (const market of MARKETS) expect(jurisdictionOf(market.country), market.country).toBe(expected[market.country]);
  });

  it("puts every EU member state in the EU, and neighbours outside it", () => {
    for (const state of EU_MEMBER_STATES) expect(jurisdictionOf(state)).toBe("EU");
    for (const country of ["NO", "IS", "LI", "CH", "TR", "UA"]) expect(jurisdictionOf(country)).toBe("ROW");
  });

  it("accepts lower case and spaces", () => {
    expect(jurisdictionOf(" gb ")).toBe("UK");
    expect(jurisdictionOf("de")).toBe("EU");
  });
});

describe("withdrawalRule", () => {
  it("gives 14 days from delivery in the EU and the UK, digital content from conclusion and waivable", () => {
    for (const jurisdiction of ["EU", "UK"] as const) {
      expect(withdrawalRule(jurisdiction)).toMatchObject({ days: 14, from: "delivery", digital: { days: 14, from: "conclusion", waivable: true } });
    }
    expect(withdrawalRule("EU")!.law).toBe("Directive 2011/83/EU");
  });

  it("gives no statutory right in the US, AU and the rest of the world", () => {
    for (const jurisdiction of ["US", "AU", "ROW"] as const) expect(withdrawalRule(jurisdiction)).toBeNull();
  });
});
