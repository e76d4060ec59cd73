import { getExampleNumber } from "libphonenumber-js/max";
import examples from "libphonenumber-js/mobile/examples";
import { describe, expect, it } from "vitest";
import { MARKETS } from "@/lib/domain/markets";
import {
  ADDRESS_COUNTRIES,
  ADDRESS_ERROR_CODES,
  ADDRESS_FIELDS,
  ADDRESS_LABELS,
  addressFormat,
  addressLines,
  parseAddress,
  REGIONS,
  scriptFor,
  type Address,
  type AddressCountry,
  type AddressField,
} from "./index";

/** A mobile number valid in `country`, written in its national format. */
function mobile(country: AddressCountry): string {
  const number = getExampleNumber(country, examples);
  if (!number) throw new Error(`no example number for ${country}`);
  return number.formatNational();
}

interface CountryCase {
  raw: Record<string, string>;
  /** What the parsed address holds (the phone aside). */
  expected: Omit<Address, "country" | "phone">;
  lines: string[];
  /** A postal code the country refuses; absent where it has none. */
  badPostalCode?: string;
  /** A required field to leave out. */
  missing: AddressField;
}

const CASES: Record<AddressCountry, CountryCase> = {
  US: {
    raw: { name: "Jane Doe", line1: "1 Infinite Loop", city: "Cupertino", region: "ca", postalCode: "95014" },
    expected: { name: "Jane Doe", line1: "1 Infinite Loop", city: "Cupertino", region: "CA", postalCode: "95014" },
    lines: ["Jane Doe", "1 Infinite Loop", "Cupertino, CA 95014"],
    badPostalCode: "9501",
    missing: "region",
  },
  GB: {
    raw: { name: "Sam Smith", line1: "10 Downing Street", city: "London", postalCode: "sw1a2aa" },
    expected: { name: "Sam Smith", line1: "10 Downing Street", city: "London", postalCode: "SW1A 2AA" },
    lines: ["Sam Smith", "10 Downing Street", "London", "SW1A 2AA"],
    badPostalCode: "QQ1 1AA",
    missing: "city",
  },
  DE: {
    raw: { name: "Max Mustermann", organization: "Muster GmbH", line1: "Unter den Linden 1", city: "Berlin", postalCode: "10117" },
    expected: { name: "Max Mustermann", organization: "Muster GmbH", line1: "Unter den Linden 1", city: "Berlin", postalCode: "10117" },
    lines: ["Max Mustermann", "Muster GmbH", "Unter den Linden 1", "10117 Berlin"],
    badPostalCode: "1011",
    missing: "postalCode",
  },
  FR: {
    raw: { name: "Marie Curie", organization: "Institut", line1: "11 rue Pierre et Marie Curie", city: "Paris", postalCode: "75 005" },
    expected: { name: "Marie Curie", organization: "Institut", line1: "11 rue Pierre et Marie Curie", city: "Paris", postalCode: "75005" },
    lines: ["Institut", "Marie Curie", "11 rue Pierre et Marie Curie", "75005 Paris"],
    badPostalCode: "7500A",
    missing: "line1",
  },
  ES: {
    raw: { name: "Lucía García", line1: "Calle de Alcalá 1", city: "Madrid", region: "Madrid", postalCode: "28014" },
    expected: { name: "Lucía García", line1: "Calle de Alcalá 1", city: "Madrid", region: "M", postalCode: "28014" },
    lines: ["Lucía García", "Calle de Alcalá 1", "28014 Madrid Madrid"],
    badPostalCode: "2801",
    missing: "region",
  },
  IT: {
    raw: { name: "Giulia Rossi", line1: "Via del Corso 1", city: "Roma", region: "RM", postalCode: "00186" },
    expected: { name: "Giulia Rossi", line1: "Via del Corso 1", city: "Roma", region: "RM", postalCode: "00186" },
    lines: ["Giulia Rossi", "Via del Corso 1", "00186 Roma RM"],
    badPostalCode: "186",
    missing: "city",
  },
  NL: {
    raw: { name: "Jan de Vries", line1: "Damrak 1", city: "Amsterdam", postalCode: "1012lg" },
    expected: { name: "Jan de Vries", line1: "Damrak 1", city: "Amsterdam", postalCode: "1012 LG" },
    lines: ["Jan de Vries", "Damrak 1", "1012 LG Amsterdam"],
    badPostalCode: "1012",
    missing: "postalCode",
  },
  JP: {
    raw: { name: "山田太郎", postalCode: "1540023", region: "東京都", line1: "世田谷区若林1-2-3" },
    expected: { name: "山田太郎", postalCode: "154-0023", region: "13", line1: "世田谷区若林1-2-3" },
    lines: ["〒154-0023", "東京都", "世田谷区若林1-2-3", "山田太郎"],
    badPostalCode: "15400",
    missing: "region",
  },
  KR: {
    raw: { name: "김철수", region: "서울특별시", city: "강남구", dependentLocality: "역삼동", line1: "테헤란로 152", postalCode: "06236" },
    expected: { name: "김철수", region: "11", city: "강남구", dependentLocality: "역삼동", line1: "테헤란로 152", postalCode: "06236" },
    lines: ["서울특별시 강남구 역삼동", "테헤란로 152", "김철수", "06236"],
    badPostalCode: "110-111",
    missing: "city",
  },
  CN: {
    raw: { name: "王伟", postalCode: "100080", region: "北京市", city: "北京市", dependentLocality: "海淀区", line1: "中关村大街1号" },
    expected: { name: "王伟", postalCode: "100080", region: "11", city: "北京市", dependentLocality: "海淀区", line1: "中关村大街1号" },
    lines: ["100080", "北京市北京市海淀区", "中关村大街1号", "王伟"],
    badPostalCode: "10008",
    missing: "region",
  },
  AU: {
    raw: { name: "Olivia Brown", line1: "1 Macquarie St", city: "Sydney", region: "New South Wales", postalCode: "2000" },
    expected: { name: "Olivia Brown", line1: "1 Macquarie St", city: "Sydney", region: "NSW", postalCode: "2000" },
    lines: ["Olivia Brown", "1 Macquarie St", "Sydney NSW 2000"],
    badPostalCode: "20000",
    missing: "city",
  },
  BR: {
    raw: { name: "João Silva", line1: "Av. Paulista, 1000", dependentLocality: "Bela Vista", city: "São Paulo", region: "sp", postalCode: "01310100" },
    expected: { name: "João Silva", line1: "Av. Paulista, 1000", dependentLocality: "Bela Vista", city: "São Paulo", region: "SP", postalCode: "01310-100" },
    lines: ["João Silva", "Av. Paulista, 1000", "Bela Vista", "São Paulo-SP", "01310-100"],
    badPostalCode: "0131-0100",
    missing: "region",
  },
  MX: {
    raw: { name: "Ana López", line1: "Av. Juárez 100", dependentLocality: "Centro", city: "Guadalajara", region: "Jalisco", postalCode: "44100" },
    expected: { name: "Ana López", line1: "Av. Juárez 100", dependentLocality: "Centro", city: "Guadalajara", region: "JAL", postalCode: "44100" },
    lines: ["Ana López", "Av. Juárez 100", "Centro", "44100 Guadalajara, Jal."],
    badPostalCode: "4410",
    missing: "postalCode",
  },
  IN: {
    raw: { name: "Priya Sharma", line1: "12 MG Road", city: "Bengaluru", region: "Karnataka", postalCode: "560 001" },
    expected: { name: "Priya Sharma", line1: "12 MG Road", city: "Bengaluru", region: "KA", postalCode: "560001" },
    lines: ["Priya Sharma", "12 MG Road", "Bengaluru 560001", "Karnataka"],
    badPostalCode: "56001",
    missing: "region",
  },
  CA: {
    raw: { name: "Émile Tremblay", line1: "1 Rue Sherbrooke O", city: "Montréal", region: "QC", postalCode: "h3z2y7" },
    expected: { name: "Émile Tremblay", line1: "1 Rue Sherbrooke O", city: "Montréal", region: "QC", postalCode: "H3Z 2Y7" },
    lines: ["Émile Tremblay", "1 Rue Sherbrooke O", "Montréal QC H3Z 2Y7"],
    badPostalCode: "D3Z 2Y7",
    missing: "postalCode",
  },
  CH: {
    raw: { name: "Anna Muster", line1: "Bahnhofstrasse 1", city: "Zürich", postalCode: "CH-8001" },
    expected: { name: "Anna Muster", line1: "Bahnhofstrasse 1", city: "Zürich", postalCode: "8001" },
    lines: ["Anna Muster", "Bahnhofstrasse 1", "CH-8001 Zürich"],
    badPostalCode: "80010",
    missing: "city",
  },
  AE: {
    raw: { name: "أحمد علي", line1: "شارع الشيخ زايد ١", region: "دبي", postalCode: "ignored" },
    expected: { name: "أحمد علي", line1: "شارع الشيخ زايد ١", region: "DU" },
    lines: ["أحمد علي", "شارع الشيخ زايد ١", "دبي"],
    missing: "region",
  },
  KW: {
    raw: { name: "فاطمة", line1: "شارع الخليج العربي", city: "مدينة الكويت", postalCode: "13009" },
    expected: { name: "فاطمة", line1: "شارع الخليج العربي", city: "مدينة الكويت", postalCode: "13009" },
    lines: ["فاطمة", "شارع الخليج العربي", "13009 مدينة الكويت"],
    badPostalCode: "1300",
    missing: "city",
  },
  KE: {
    raw: { name: "Wanjiru Kamau", line1: "Kenyatta Avenue 1", city: "Nairobi", postalCode: "00100" },
    expected: { name: "Wanjiru Kamau", line1: "Kenyatta Avenue 1", city: "Nairobi", postalCode: "00100" },
    lines: ["Wanjiru Kamau", "Kenyatta Avenue 1", "Nairobi", "00100"],
    badPostalCode: "001",
    missing: "line1",
  },
};

describe("ship-to countries", () => {
  it("are the store's markets", () => {
    expect([...ADDRESS_COUNTRIES]).toEqual(MARKETS.map((market) => market.country));
  });

  it("each has a format whose fields are known, with the name, street and phone required", () => {
    for (const country of ADDRESS_COUNTRIES) {
      const format = addressFormat(country);
      expect(format.fields.every((field) => (ADDRESS_FIELDS as readonly string[]).includes(field)), country).toBe(true);
      expect(new Set(format.fields).size, country).toBe(format.fields.length);
      for (const field of ["name", "line1", "phone"] as const) expect(format.required.has(field), `${country} ${field}`).toBe(true);
      for (const label of Object.values(format.labels)) expect(ADDRESS_LABELS, country).toContain(label);
      // The example shown beside the field is itself a valid postal code.
      if (format.postalCode) expect(format.postalCode.pattern.test(format.postalCode.example), country).toBe(true);
    }
  });

  it("keep region codes unique within a country", () => {
    for (const [country, regions] of Object.entries(REGIONS)) {
      expect(new Set(regions!.map((region) => region.code)).size, country).toBe(regions!.length);
    }
  });

  it("have the region lists the checkout needs", () => {
    expect(REGIONS.US).toHaveLength(62);
    expect(REGIONS.CA).toHaveLength(13);
    expect(REGIONS.AU).toHaveLength(8);
    expect(REGIONS.JP).toHaveLength(47);
    expect(REGIONS.BR).toHaveLength(27);
    expect(REGIONS.MX).toHaveLength(32);
    expect(REGIONS.IN).toHaveLength(36);
    expect(REGIONS.CN).toHaveLength(31);
    expect(REGIONS.JP?.find((region) => region.code === "13")).toEqual({ code: "13", local: "東京都", english: "Tokyo" });
    expect(REGIONS.IN?.map((region) => region.english)).toContain("Ladakh");
  });

  it("take the labels each country uses", () => {
    expect(addressFormat("US").labels).toMatchObject({ region: "state", postalCode: "zip" });
    expect(addressFormat("GB").labels).toMatchObject({ city: "postTown", postalCode: "postcode" });
    expect(addressFormat("JP").labels).toMatchObject({ region: "prefecture", postalCode: "postal" });
    expect(addressFormat("IN").labels).toMatchObject({ region: "state", postalCode: "pin" });
    expect(addressFormat("BR").labels).toMatchObject({ region: "state", postalCode: "cep", dependentLocality: "neighborhood" });
    expect(addressFormat("AE").labels).toMatchObject({ region: "emirate" });
    expect(addressFormat("AE").labels.postalCode).toBeUndefined();
    expect(addressFormat("AU").labels).toMatchObject({ city: "suburb", region: "state", postalCode: "postcode" });
  });

  it("order fields as each country writes them, locally or in Latin script", () => {
    expect(addressFormat("JP").fields).toEqual(["postalCode", "region", "line1", "line2", "organization", "name", "phone"]);
    expect(addressFormat("JP", "latin").fields).toEqual(["name", "organization", "line1", "line2", "region", "postalCode", "phone"]);
    expect(addressFormat("FR").fields.slice(0, 2)).toEqual(["organization", "name"]);
    expect(scriptFor("JP", "ja")).toBe("local");
    expect(scriptFor("JP", "en")).toBe("latin");
    expect(scriptFor("CN", "zh-CN")).toBe("local");
  });
});

describe.each(ADDRESS_COUNTRIES)("an address in %s", (country) => {
  const { raw, expected, lines, badPostalCode, missing } = CASES[country];
  const phone = mobile(country);

  it("is parsed, normalised and printed in the country's order", () => {
    const result = parseAddress(country, { ...raw, phone });
    expect(result).toMatchObject({ ok: true, address: { country, ...expected } });
    if (!result.ok) return;
    expect(result.address.phone).toMatch(/^\+\d{8,15}$/);
    expect(addressLines(result.address)).toEqual(lines);
  });

  if (badPostalCode !== undefined) {
    it("refuses a malformed postal code", () => {
      expect(parseAddress(country, { ...raw, phone, postalCode: badPostalCode })).toEqual({ ok: false, errors: [{ field: "postalCode", code: "INVALID_POSTAL_CODE" }] });
    });
  } else {
    it("has no postal code, and ignores one given", () => {
      const result = parseAddress(country, { ...raw, phone, postalCode: "\u0000" });
      expect(result.ok && "postalCode" in result.address).toBe(false);
      expect(result.ok).toBe(true);
    });
  }

  it(`refuses it without its ${missing}`, () => {
    expect(parseAddress(country, { ...raw, phone, [missing]: "  " })).toEqual({ ok: false, errors: [{ field: missing, code: "REQUIRED" }] });
  });
});

describe("parseAddress", () => {
  const us = { name: "Jane Doe", line1: "1 Infinite Loop", city: "Cupertino", region: "CA", postalCode: "95014", phone: "(408) 996-1010" };

  it("refuses a country the store does not ship to", () => {
    expect(parseAddress("FI", us)).toEqual({ ok: false, errors: [{ field: "country", code: "UNSUPPORTED_COUNTRY" }] });
    expect(parseAddress("", us)).toEqual({ ok: false, errors: [{ field: "country", code: "UNSUPPORTED_COUNTRY" }] });
  });

  it("accepts a lower-case country code", () => {
    expect(parseAddress("us", us).ok).toBe(true);
  });

  it("reports every problem at once, in the order of the form", () => {
    expect(parseAddress("US", { name: "", line1: "x".repeat(121), city: "Cupertino", region: "Ontario", postalCode: "ABCDE", phone: "12" })).toEqual({
      ok: false,
      errors: [
        { field: "name", code: "REQUIRED" },
        { field: "line1", code: "TOO_LONG" },
        { field: "region", code: "INVALID_REGION" },
        { field: "postalCode", code: "INVALID_POSTAL_CODE" },
        { field: "phone", code: "INVALID_PHONE" },
      ],
    });
  });

  it("has a code for every error it can give", () => {
    const result = parseAddress("US", { name: 42, line1: "a\u0000b", phone: "" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    for (const error of result.errors) expect(ADDRESS_ERROR_CODES).toContain(error.code);
    expect(result.errors.slice(0, 2)).toEqual([
      { field: "name", code: "INVALID_VALUE" },
      { field: "line1", code: "INVALID_CHARACTERS" },
    ]);
  });

  it("trims, NFC-normalises and collapses inner whitespace", () => {
    const decomposed = "Jose\u0301\u00a0\u00a0 Garci\u0301a";
    const result = parseAddress("US", { ...us, name: `  ${decomposed} `, line1: "1\tInfinite\n\nLoop", line2: "   " });
    expect(result).toMatchObject({ ok: true, address: { name: "José García", line1: "1 Infinite Loop" } });
    if (result.ok) expect(result.address).not.toHaveProperty("line2");
  });

  it("refuses control characters and bidirectional overrides", () => {
    for (const bad of ["a\u0000b", "a\u001bb", "a\u007fb", "a\u0085b".replace("\u0085", "\u009b"), "evil\u202Etxt.exe", "a\u2066b", "a\u2028b"]) {
      expect(parseAddress("US", { ...us, line1: bad }), JSON.stringify(bad)).toEqual({ ok: false, errors: [{ field: "line1", code: "INVALID_CHARACTERS" }] });
    }
  });

  it("drops invisible marks but keeps the joiners some scripts need", () => {
    const result = parseAddress("US", { ...us, name: "\u200FJane\u200B Doe\uFEFF", line2: "می\u200Cخواهم" });
    expect(result).toMatchObject({ ok: true, address: { name: "Jane Doe", line2: "می\u200Cخواهم" } });
  });

  it("bounds lengths in characters, not bytes or UTF-16 units", () => {
    expect(parseAddress("US", { ...us, name: "😀".repeat(80) }).ok).toBe(true);
    expect(parseAddress("US", { ...us, name: "😀".repeat(81) })).toEqual({ ok: false, errors: [{ field: "name", code: "TOO_LONG" }] });
    expect(parseAddress("US", { ...us, name: "x".repeat(100_000) })).toEqual({ ok: false, errors: [{ field: "name", code: "TOO_LONG" }] });
  });

  it("ignores fields the country does not use", () => {
    const result = parseAddress("GB", { name: "Sam", line1: "1 High St", city: "Leeds", postalCode: "LS1 1AA", region: "\u0000", phone: "020 7925 0918" });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.address).not.toHaveProperty("region");
  });

  it("accepts postal codes written the ways people write them", () => {
    const postal = (country: AddressCountry, postalCode: string, raw: Record<string, string>) => {
      const result = parseAddress(country, { ...raw, postalCode });
      return result.ok ? result.address.postalCode : result.errors;
    };
    expect(postal("US", "95014-1234", us)).toBe("95014-1234");
    expect(postal("US", "950141234", us)).toBe("95014-1234");
    expect(postal("US", "95014 1234", us)).toBe("95014-1234");
    expect(postal("US", "95014-12", us)).toEqual([{ field: "postalCode", code: "INVALID_POSTAL_CODE" }]);
    const gb = { ...CASES.GB.raw, phone: mobile("GB") };
    expect(postal("GB", "ec1y8sy", gb)).toBe("EC1Y 8SY");
    expect(postal("GB", " M1   1AE ", gb)).toBe("M1 1AE");
    expect(postal("GB", "gir0aa", gb)).toBe("GIR 0AA");
    expect(postal("GB", "bfpo61", gb)).toBe("BFPO 61");
    const ca = { ...CASES.CA.raw, phone: mobile("CA") };
    expect(postal("CA", "k1a0b1", ca)).toBe("K1A 0B1");
    expect(postal("CA", "K1A-0B1", ca)).toBe("K1A 0B1");
    const jp = { ...CASES.JP.raw, phone: mobile("JP") };
    expect(postal("JP", "1234567", jp)).toBe("123-4567");
    expect(postal("JP", "〒１２３－４５６７", jp)).toBe("123-4567");
    const br = { ...CASES.BR.raw, phone: mobile("BR") };
    expect(postal("BR", "12345678", br)).toBe("12345-678");
    expect(postal("BR", "01.310-100", br)).toBe("01310-100");
  });

  it("leaves the postal code optional where the country does not require it", () => {
    const result = parseAddress("KE", { ...CASES.KE.raw, postalCode: "", phone: mobile("KE") });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.address).not.toHaveProperty("postalCode");
  });

  it("finds a region by code, ISO code, local or English name, with or without accents", () => {
    const region = (country: AddressCountry, text: string) => {
      const result = parseAddress(country, { ...CASES[country].raw, region: text, phone: mobile(country) });
      return result.ok ? result.address.region : result.errors;
    };
    expect(region("US", "US-NY")).toBe("NY");
    expect(region("US", "new york")).toBe("NY");
    expect(region("JP", "Tokyo")).toBe("13");
    expect(region("BR", "Sao Paulo")).toBe("SP");
    expect(region("MX", "Jal.")).toBe("JAL");
    expect(region("AE", "Abu Dhabi")).toBe("AZ");
    expect(region("CN", "Hong Kong")).toEqual([{ field: "region", code: "INVALID_REGION" }]);
  });

  it("requires the phone a carrier needs", () => {
    expect(parseAddress("US", { ...us, phone: undefined })).toEqual({ ok: false, errors: [{ field: "phone", code: "REQUIRED" }] });
  });
});

describe("addressLines", () => {
  const tokyo: Address = { country: "JP", name: "Taro Yamada", postalCode: "154-0023", region: "13", line1: "1-2-3 Wakabayashi", line2: "Setagaya-ku", phone: "+819012345678" };

  it("prints a Latin-script address in the Latin order, with English region names", () => {
    expect(addressLines(tokyo)).toEqual(["Taro Yamada", "1-2-3 Wakabayashi", "Setagaya-ku, Tokyo", "154-0023"]);
  });

  it("prints the script asked for, and the country when given", () => {
    expect(addressLines(tokyo, { script: "local", countryName: "JAPAN" })).toEqual(["〒154-0023", "東京都", "1-2-3 Wakabayashi", "Setagaya-ku", "Taro Yamada", "JAPAN"]);
  });

  it("leaves no stray punctuation where an optional field is empty", () => {
    const mx: Address = { country: "MX", name: "Ana", line1: "Av. Juárez 100", city: "Guadalajara", postalCode: "44100", phone: "+523312345678" };
    expect(addressLines(mx)).toEqual(["Ana", "Av. Juárez 100", "44100 Guadalajara"]);
  });

  it("prints an organisation where the country puts it", () => {
    const ch: Address = { country: "CH", name: "Anna Muster", organization: "Muster AG", line1: "Bahnhofstrasse 1", city: "Zürich", postalCode: "8001", phone: "+41441234567" };
    expect(addressLines(ch)).toEqual(["Muster AG", "Anna Muster", "Bahnhofstrasse 1", "CH-8001 Zürich"]);
  });
});
