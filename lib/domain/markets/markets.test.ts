import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decimalsOf, isCurrencyCode } from "@/lib/domain/money";
import {
  DEFAULT_LOCALE,
  defaultMarketFor,
  directionOf,
  textDirection,
  localizedText,
  findMarket,
  isLocale,
  LOCALES,
  MARKETS,
  negotiateLocale,
  negotiateMarket,
  parseAcceptLanguage,
  type Locale,
} from ".";

describe("locales", () => {
  it("default to English", () => {
    expect(DEFAULT_LOCALE).toBe("en");
    expect(LOCALES).toContain(DEFAULT_LOCALE);
  });
  it("isLocale accepts exactly the supported tags", () => {
    for (const locale of LOCALES) expect(isLocale(locale)).toBe(true);
    for (const other of ["EN", "zh", "pt", "zh-cn", "en-US", "", undefined, null, 1]) expect(isLocale(other), String(other)).toBe(false);
  });
  it("Arabic is written right to left, everything else left to right", () => {
    expect(directionOf("ar")).toBe("rtl");
    for (const locale of LOCALES.filter((l) => l !== "ar")) expect(directionOf(locale), locale).toBe("ltr");
  });

  it("picks a text stored per locale: the buyer's language, the seller's, English, else nothing", () => {
    const text = { ja: "緑茶", de: "Grüntee", en: "Green tea" };
    expect(localizedText(text, "ja", "de")).toBe("緑茶");
    expect(localizedText(text, "fr", "de")).toBe("Grüntee");
    expect(localizedText({ en: "Green tea" }, "fr", "de")).toBe("Green tea");
    for (const nothing of [{}, null, "text", { fr: 3 }]) expect(localizedText(nothing, "fr", "de")).toBe("");
  });

  it("knows the direction of listing languages beyond the UI's", () => {
    for (const tag of ["ar", "ar-MA", "he", "fa-IR", "ur"]) expect(textDirection(tag), tag).toBe("rtl");
    for (const tag of ["en", "ja", "zh-CN", "pt-BR", "arn", "hr"]) expect(textDirection(tag), tag).toBe("ltr");
  });
});

describe("parseAcceptLanguage", () => {
  it("orders ranges by q, keeping header order among equals", () => {
    expect(parseAcceptLanguage("fr;q=0.5, de, en;q=0.8, ja;q=0.5")).toEqual([
      { tag: "de", q: 1 },
      { tag: "en", q: 0.8 },
      { tag: "fr", q: 0.5 },
      { tag: "ja", q: 0.5 },
    ]);
  });
  it("drops q=0, unreadable q values and malformed tags", () => {
    expect(parseAcceptLanguage("en;q=0, de;q=0.000, fr;q=abc, es;q=, *;q=0.1, 12, ja-JP")).toEqual([{ tag: "ja-JP", q: 1 }]);
  });
  it("returns nothing for a missing header", () => {
    expect(parseAcceptLanguage(null)).toEqual([]);
    expect(parseAcceptLanguage(undefined)).toEqual([]);
    expect(parseAcceptLanguage("")).toEqual([]);
  });
  it("is always sorted by descending q with every q above zero", () => {
    fc.assert(
      fc.property(fc.string(), (header) => {
        const ranges = parseAcceptLanguage(header);
        for (const [i, r] of ranges.entries()) {
          expect(r.q).toBeGreaterThan(0);
          if (i > 0) expect(r.q).toBeLessThanOrEqual(ranges[i - 1]!.q);
        }
      }),
    );
  });
});

describe("negotiateLocale", () => {
  it.each<[string | null | undefined, Locale]>([
    ["de-DE,de;q=0.9,en;q=0.8", "de"],
    ["pt", "pt-BR"],
    ["pt-PT", "pt-BR"],
    ["pt-br", "pt-BR"],
    ["zh-TW", "zh-CN"],
    ["zh-Hant-HK", "zh-CN"],
    ["zh", "zh-CN"],
    ["ZH-cn", "zh-CN"],
    ["ar-EG", "ar"],
    ["fr-CA", "fr"],
    ["en-GB", "en"],
    ["JA", "ja"],
    ["es-MX,es;q=0.9", "es"],
  ])("%j -> %s", (header, locale) => {
    expect(negotiateLocale(header)).toBe(locale);
  });
  it("orders by q, not by position", () => {
    expect(negotiateLocale("en;q=0.1, ja;q=0.9")).toBe("ja");
    expect(negotiateLocale("fr;q=0.7, de;q=0.8, es;q=0.75")).toBe("de");
    expect(negotiateLocale("fr;q=0.5, de;q=0.5")).toBe("fr");
  });
  it("ignores ranges with q=0", () => {
    expect(negotiateLocale("ja;q=0, de")).toBe("de");
    expect(negotiateLocale("de;q=0")).toBe("en");
  });
  it("skips unsupported languages for the next supported one", () => {
    expect(negotiateLocale("nl-NL, sv;q=0.9, fr;q=0.5")).toBe("fr");
    expect(negotiateLocale("ko, ja;q=0.1")).toBe("ja");
  });
  it.each([null, undefined, "", "*", "garbage!!", ";;;,,,", "q=1", "xx-YY-ZZ", "12-34", "nl"])("falls back to English for %j", (header) => {
    expect(negotiateLocale(header)).toBe("en");
  });
  it("always returns a supported locale", () => {
    fc.assert(
      fc.property(fc.string(), (header) => {
        expect(isLocale(negotiateLocale(header))).toBe(true);
      }),
    );
  });
});

describe("markets", () => {
  it("include the store's core ship-to countries", () => {
    const countries = MARKETS.map((m) => m.country);
    for (const code of ["US", "GB", "DE", "FR", "ES", "JP", "CN", "AU", "BR", "IN", "CA", "CH", "AE", "KW", "KR"]) {
      expect(countries, code).toContain(code);
    }
  });
  it("list each country once, as an upper-case ISO 3166 alpha-2 code", () => {
    const countries = MARKETS.map((m) => m.country);
    expect(new Set(countries).size).toBe(countries.length);
    for (const country of countries) expect(country).toMatch(/^[A-Z]{2}$/);
  });
  it("use known currencies and supported locales", () => {
    for (const market of MARKETS) {
      expect(isCurrencyCode(market.currency), market.country).toBe(true);
      expect(isLocale(market.defaultLocale), market.country).toBe(true);
    }
  });
  it("carry the right currencies and exponents", () => {
    expect(findMarket("KW")?.currency).toBe("KWD");
    expect(decimalsOf(findMarket("KW")!.currency)).toBe(3);
    expect(findMarket("JP")?.currency).toBe("JPY");
    expect(decimalsOf(findMarket("JP")!.currency)).toBe(0);
    expect(findMarket("KR")?.currency).toBe("KRW");
    expect(decimalsOf(findMarket("KR")!.currency)).toBe(0);
    expect(findMarket("US")?.currency).toBe("USD");
    expect(findMarket("GB")?.currency).toBe("GBP");
    expect(findMarket("CH")?.currency).toBe("CHF");
    expect(findMarket("AE")?.currency).toBe("AED");
    for (const country of ["DE", "FR", "ES"]) expect(findMarket(country)?.currency, country).toBe("EUR");
  });
  it("put the US first", () => {
    expect(MARKETS[0]?.country).toBe("US");
  });
});

describe("findMarket", () => {
  it("is case-insensitive", () => {
    for (const code of ["gb", "Gb", "gB", "GB"]) expect(findMarket(code)?.country).toBe("GB");
    expect(findMarket("kw")?.currency).toBe("KWD");
  });
  it("finds nothing for unknown or missing countries", () => {
    for (const code of ["ZZ", "XX", "", "GBR", "G", null, undefined]) expect(findMarket(code)).toBeUndefined();
  });
});

describe("defaultMarketFor", () => {
  it.each<[Locale, string]>([
    ["en", "US"],
    ["de", "DE"],
    ["fr", "FR"],
    ["es", "ES"],
    ["ja", "JP"],
    ["zh-CN", "CN"],
    ["ar", "AE"],
    ["pt-BR", "BR"],
  ])("%s -> %s", (locale, country) => {
    expect(defaultMarketFor(locale).country).toBe(country);
  });
  it("is a market whose own default language is that locale", () => {
    for (const locale of LOCALES) expect(defaultMarketFor(locale).defaultLocale).toBe(locale);
  });
});

describe("negotiateMarket", () => {
  it("takes the region of a matching language", () => {
    expect(negotiateMarket("en", "en-GB,en;q=0.9").country).toBe("GB");
    expect(negotiateMarket("en", "en-gb").country).toBe("GB");
    expect(negotiateMarket("en", "en-AU").country).toBe("AU");
    expect(negotiateMarket("de", "de-CH,de;q=0.9").country).toBe("CH");
    expect(negotiateMarket("ar", "ar-KW").country).toBe("KW");
    expect(negotiateMarket("es", "es-MX").country).toBe("MX");
    expect(negotiateMarket("zh-CN", "zh-Hans-CN").country).toBe("CN");
  });
  it("falls back to the locale's default market without a region", () => {
    expect(negotiateMarket("ja", "ja").country).toBe("JP");
    expect(negotiateMarket("de", "de").country).toBe("DE");
    expect(negotiateMarket("en", null).country).toBe("US");
    expect(negotiateMarket("ar", undefined).country).toBe("AE");
    expect(negotiateMarket("pt-BR", "").country).toBe("BR");
  });
  it("falls back to the locale's default market for a region that is not a market", () => {
    expect(negotiateMarket("en", "en-ZZ").country).toBe("US");
    expect(negotiateMarket("en", "en-NZ").country).toBe("US");
    expect(negotiateMarket("zh-CN", "zh-TW").country).toBe("CN");
    expect(negotiateMarket("pt-BR", "pt-PT").country).toBe("BR");
    expect(negotiateMarket("fr", "fr-BE").country).toBe("FR");
  });
  it("ignores regions given for another language", () => {
    expect(negotiateMarket("de", "en-GB, de;q=0.9").country).toBe("DE");
    expect(negotiateMarket("ja", "en-US, ja;q=0.5").country).toBe("JP");
  });
  it("goes through the header by q until a region is a market", () => {
    expect(negotiateMarket("en", "en-NZ, en-CA;q=0.8, en-GB;q=0.9").country).toBe("GB");
    expect(negotiateMarket("en", "en-GB;q=0, en-AU").country).toBe("AU");
    expect(negotiateMarket("en", "en-ZZ;q=0.9, en-IN;q=0.5").country).toBe("IN");
  });
  it("always returns one of the markets", () => {
    fc.assert(
      fc.property(fc.constantFrom(...LOCALES), fc.string(), (locale, header) => {
        expect(MARKETS).toContain(negotiateMarket(locale, header));
      }),
    );
  });
});
