/**
 * The rule data keeps its promises: every EU state has rates, periods of one rule never
 * overlap, every territory has a catch-all band, every row names its source.
 */
import { describe, expect, it } from "vitest";
import { MARKETS } from "@/lib/domain/markets";
import { allRules } from "./catalog";
import { EU_MEMBER_STATES } from "./countries";
import { dutyRowFor, vatPercentFor, vatRowFor } from "./lookup";
import { isPercent } from "./percent";
import {
  DUTY_RATES,
  EU_VAT_RATES,
  IMPORT_TERRITORIES,
  OTHER_VAT_RATES,
  RESTRICTION_REASONS,
  RESTRICTIONS,
  TRADE_MARKETS,
  findImportTerritory,
  inEffect,
  type RuleMeta,
} from "./rules";

const SAMPLE_DATES = ["2025-08-01", "2026-06-30", "2026-07-01", "2028-07-01"];

function overlaps(a: RuleMeta, b: RuleMeta): boolean {
  const aEnd = a.validTo ?? "9999-12-31";
  const bEnd = b.validTo ?? "9999-12-31";
  return a.validFrom < bEnd && b.validFrom < aEnd;
}

describe("EU VAT table", () => {
  it("covers all 27 member states on every sample date", () => {
    for (const date of SAMPLE_DATES) {
      for (const state of EU_MEMBER_STATES) expect(vatRowFor(state, date), `${state} ${date}`).toBeDefined();
    }
    expect(new Set(EU_VAT_RATES.map((r) => r.country)).size).toBe(27);
  });

  it("has a reduced book and e-book rate wherever the state has one", () => {
    const standardOnly = EU_VAT_RATES.filter((r) => r.book === undefined).map((r) => r.country);
    expect(standardOnly).toEqual(["DK"]);
    const row = vatRowFor("DE", "2026-07-01")!;
    expect([vatPercentFor(row, "standard"), vatPercentFor(row, "book"), vatPercentFor(row, "ebook")]).toEqual(["19", "7", "7"]);
  });
});

describe("rule periods", () => {
  it("never overlap for one rule id", () => {
    const rows = [...EU_VAT_RATES, ...OTHER_VAT_RATES, ...DUTY_RATES];
    for (const row of rows) {
      const clashes = rows.filter((other) => other !== row && other.id === row.id && overlaps(row, other));
      expect(clashes, row.id).toEqual([]);
    }
  });

  it("end where the next version starts (no gaps) for VAT rows", () => {
    const byId = new Map<string, RuleMeta[]>();
    for (const row of [...EU_VAT_RATES, ...OTHER_VAT_RATES]) byId.set(row.id, [...(byId.get(row.id) ?? []), row]);
    for (const [id, rows] of byId) {
      const sorted = [...rows].sort((a, b) => a.validFrom.localeCompare(b.validFrom));
      sorted.slice(1).forEach((row, i) => expect(sorted[i]!.validTo, id).toBe(row.validFrom));
      expect(sorted[sorted.length - 1]!.validTo, id).toBeUndefined();
    }
  });
});

describe("markets and regimes", () => {
  it("every destination has a territory, VAT rows and a duty default", () => {
    for (const market of TRADE_MARKETS) {
      const territory = findImportTerritory(market.territory);
      expect(territory, market.country).toBeDefined();
      expect(vatRowFor(market.country, "2026-07-01"), market.country).toBeDefined();
      expect(dutyRowFor(market.territory, "999999", "2026-07-01"), market.country).toBeDefined();
    }
  });

  it("every territory ends with a catch-all band covering every date after its first", () => {
    for (const territory of IMPORT_TERRITORIES) {
      const start = territory.bands.reduce((min, band) => (band.validFrom < min ? band.validFrom : min), "9999");
      for (const date of [start, ...SAMPLE_DATES.filter((d) => d >= start)]) {
        const catchAll = territory.bands.filter((b) => !b.upTo && !b.origins && inEffect(b, date));
        expect(catchAll.length, `${territory.territory} ${date}`).toBeGreaterThan(0);
      }
    }
  });

  // The product page quotes in the store market's currency and the API defaults to the
  // destination's: both must be the same money.
  it("quote each store market in the currency the store shows it", () => {
    for (const market of MARKETS) expect(TRADE_MARKETS.find((m) => m.country === market.country)?.currency, market.country).toBe(market.currency);
  });

  it("EU and UK default to DDP; Japan and Kuwait to DAP", () => {
    const incoterm = (country: string) => TRADE_MARKETS.find((m) => m.country === country)?.defaultIncoterm;
    expect([incoterm("FR"), incoterm("GB"), incoterm("AU"), incoterm("US"), incoterm("JP"), incoterm("KW")]).toEqual(["DDP", "DDP", "DDP", "DDP", "DAP", "DAP"]);
  });
});

describe("duty table", () => {
  it("flags every row as an estimate and uses valid percent rates", () => {
    for (const row of DUTY_RATES) {
      expect(row.estimate).toBe(true);
      expect(isPercent(row.rate), row.id).toBe(true);
    }
  });

  it("prefers the subheading, then the heading, the chapter, the default", () => {
    expect(dutyRowFor("EU", "09021000", "2026-07-01")?.id).toBe("duty.EU.090210");
    expect(dutyRowFor("EU", "090230", "2026-07-01")?.id).toBe("duty.EU.0902");
    expect(dutyRowFor("EU", "611020", "2026-07-01")?.id).toBe("duty.EU.61");
    expect(dutyRowFor("EU", "950300", "2026-07-01")?.id).toBe("duty.EU.default");
  });
});

describe("restrictions", () => {
  it("include Australia's seeds for sowing (HS 1209)", () => {
    expect(RESTRICTIONS.find((r) => r.destination === "AU" && r.hsPrefixes?.includes("1209"))?.level).toBe("RESTRICTED");
  });

  // The reason list is what every locale must translate: a reason no rule gives any more
  // would keep dead messages alive.
  it("give every listed reason, and each reason is listed once", () => {
    expect(new Set(RESTRICTIONS.map((r) => r.reason))).toEqual(new Set(RESTRICTION_REASONS));
    expect(new Set(RESTRICTION_REASONS).size).toBe(RESTRICTION_REASONS.length);
  });
});

describe("catalog", () => {
  it("names a source for every rule version", () => {
    for (const rule of allRules()) expect(rule.source.length, `${rule.id}@${rule.version}`).toBeGreaterThan(10);
  });

  it("keys rules by id and version", () => {
    const keys = allRules().map((r) => `${r.id}@${r.version}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
