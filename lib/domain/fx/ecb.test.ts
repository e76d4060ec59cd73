import { describe, expect, it } from "vitest";
import { money, parseRate } from "@/lib/domain/money";
import { buildFxTable, convertMoney, EcbFormatError, parseEcbXml, type EurRate } from ".";
import { EUROFXREF_DAILY as DAILY } from "./fixtures/eurofxref-daily";
import { EUROFXREF_HIST_90D as HIST } from "./fixtures/eurofxref-hist-90d";

const ecb = (quote: string, rate: string, date: string) => ({ quote, rate, date, source: "ECB" }) as EurRate;

/** Wraps day cubes in the ECB's envelope. */
const envelope = (cubes: string) => `<?xml version="1.0" encoding="UTF-8"?>
<gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01" xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref">
  <gesmes:subject>Reference rates</gesmes:subject>
  <gesmes:Sender><gesmes:name>European Central Bank</gesmes:name></gesmes:Sender>
  <Cube>${cubes}</Cube>
</gesmes:Envelope>`;

function errorOf(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error("expected an error");
}

describe("parseEcbXml, daily document", () => {
  const rates = parseEcbXml(DAILY);

  it("reads every known currency with its date, exact rate text and source", () => {
    expect(rates).toEqual([
      ecb("USD", "1.0824", "2026-11-27"),
      ecb("JPY", "161.23", "2026-11-27"),
      ecb("GBP", "0.85713", "2026-11-27"),
      ecb("CHF", "0.9384", "2026-11-27"),
      ecb("ISK", "150.90", "2026-11-27"),
      ecb("KRW", "1512.44", "2026-11-27"),
      ecb("BRL", "6.1234", "2026-11-27"),
      ecb("INR", "91.2345", "2026-11-27"),
    ]);
  });
  it("skips a currency the store does not know", () => {
    expect(DAILY).toContain("currency='RUB'");
    expect(rates.map((r) => r.quote)).not.toContain("RUB");
  });
  it("feeds a table that converts", () => {
    const table = buildFxTable(rates);
    expect(table.date).toBe("2026-11-27");
    expect(convertMoney(table, money(1999, "EUR"), "JPY").converted).toEqual(money(3223, "JPY"));
    expect(convertMoney(table, money(1000, "EUR"), "ISK").converted).toEqual(money(1509, "ISK"));
  });
  it("accepts double quotes, extra blanks and a single line", () => {
    const xml = `<gesmes:Envelope><Cube><Cube time="2026-11-27"><Cube currency="USD" rate="1.0824" /><Cube  currency="JPY"  rate="161.23"/></Cube></Cube></gesmes:Envelope>`;
    expect(parseEcbXml(xml)).toEqual([ecb("USD", "1.0824", "2026-11-27"), ecb("JPY", "161.23", "2026-11-27")]);
  });
  it("accepts an envelope without the gesmes prefix", () => {
    const xml = `<Envelope><Cube><Cube time='2026-11-27'><Cube currency='USD' rate='1.0824'/></Cube></Cube></Envelope>`;
    expect(parseEcbXml(xml)).toEqual([ecb("USD", "1.0824", "2026-11-27")]);
  });
});

describe("parseEcbXml, multi-day document (eurofxref-hist-90d)", () => {
  const rates = parseEcbXml(HIST);

  it("reads every day, each rate dated by its own day", () => {
    expect(rates).toHaveLength(10);
    expect(rates.filter((r) => r.date === "2026-11-27").map((r) => r.quote)).toEqual(["USD", "JPY", "GBP"]);
    expect(rates.filter((r) => r.date === "2026-11-26").map((r) => r.quote)).toEqual(["USD", "JPY", "GBP"]);
    expect(rates.filter((r) => r.date === "2026-11-25").map((r) => r.quote)).toEqual(["USD", "JPY", "GBP", "CHF"]);
    expect(rates).toContainEqual(ecb("USD", "1.0798", "2026-11-26"));
    expect(rates).toContainEqual(ecb("JPY", "161.05", "2026-11-25"));
    expect(rates).toContainEqual(ecb("CHF", "0.9402", "2026-11-25"));
  });
  it("gives a table with the newest rate of each currency", () => {
    const table = buildFxTable(rates);
    expect(table.date).toBe("2026-11-27");
    expect(table.rates.get("USD")?.rate).toBe("1.0824");
    expect(table.rates.get("JPY")?.rate).toBe("161.23");
    expect(table.rates.get("CHF")).toEqual(ecb("CHF", "0.9402", "2026-11-25"));
    expect(convertMoney(table, money(1000, "CHF"), "USD").rateDate).toBe("2026-11-25");
  });
  it("does not let one day's rates leak into another", () => {
    const xml = envelope(`
      <Cube time='2026-11-27'><Cube currency='USD' rate='1.1'/></Cube>
      <Cube time='2026-11-26'></Cube>
      <Cube time='2026-11-25'><Cube currency='USD' rate='1.3'/><Cube currency='JPY' rate='160'/></Cube>`);
    expect(parseEcbXml(xml)).toEqual([ecb("USD", "1.1", "2026-11-27"), ecb("USD", "1.3", "2026-11-25"), ecb("JPY", "160", "2026-11-25")]);
  });
});

describe("parseEcbXml, malformed documents", () => {
  it.each([
    ["an empty string", ""],
    ["an HTML error page", "<html><body><h1>503 Service Unavailable</h1></body></html>"],
    ["JSON", '{"rates":{"USD":1.0824}}'],
    ["bare cubes", "<Cube><Cube time='2026-11-27'><Cube currency='USD' rate='1.0824'/></Cube></Cube>"],
  ])("refuses %s as not an ECB document", (_, xml) => {
    const error = errorOf(() => parseEcbXml(xml));
    expect(error).toBeInstanceOf(EcbFormatError);
    expect((error as Error).message).toMatch(/Not an ECB reference-rate document/);
  });

  it.each(["1,23", "-1.0824", "1.0824e0", "1e5", "", "1.", ".5", "N/A"])("refuses the rate %j", (bad) => {
    const xml = envelope(`<Cube time='2026-11-27'><Cube currency='USD' rate='1.0824'/><Cube currency='JPY' rate='${bad}'/></Cube>`);
    const error = errorOf(() => parseEcbXml(xml));
    expect(error).toBeInstanceOf(EcbFormatError);
    expect((error as Error).message).toContain("Bad rate for JPY");
  });

  it.each(["0", "0.0000", "000.0"])("refuses the zero rate %j, which no conversion could use", (zero) => {
    const xml = envelope(`<Cube time='2026-11-27'><Cube currency='USD' rate='1.0824'/><Cube currency='JPY' rate='${zero}'/></Cube>`);
    expect(() => parseEcbXml(xml)).toThrow(EcbFormatError);
  });

  it("every rate it returns is one parseRate accepts", () => {
    for (const r of [...parseEcbXml(DAILY), ...parseEcbXml(HIST)]) expect(() => parseRate("EUR", r.quote, r.rate)).not.toThrow();
  });

  it("refuses a bad rate even for a currency it would skip", () => {
    const xml = envelope(`<Cube time='2026-11-27'><Cube currency='USD' rate='1.0824'/><Cube currency='RUB' rate='98,76'/></Cube>`);
    expect(() => parseEcbXml(xml)).toThrow(EcbFormatError);
  });

  it.each(["27/11/2026", "2026-11-27T16:00", "20261127", "2026-1-27"])("refuses the date %j", (bad) => {
    const xml = envelope(`<Cube time='${bad}'><Cube currency='USD' rate='1.0824'/></Cube>`);
    expect(() => parseEcbXml(xml)).toThrow(/Bad date in ECB document/);
  });

  it("refuses an envelope holding no rates", () => {
    expect(() => parseEcbXml(envelope(""))).toThrow(EcbFormatError);
    expect(() => parseEcbXml(envelope("<Cube time='2026-11-27'></Cube>"))).toThrow(/holds no rates/);
  });

  it("refuses an envelope whose only rates are for unknown currencies", () => {
    expect(() => parseEcbXml(envelope("<Cube time='2026-11-27'><Cube currency='RUB' rate='98.7650'/></Cube>"))).toThrow(/holds no rates/);
  });

  it("refuses a document cut off before its day closes", () => {
    const cut = DAILY.slice(0, DAILY.indexOf("<Cube currency='KRW'"));
    expect(() => parseEcbXml(cut)).toThrow(EcbFormatError);
  });

  it("EcbFormatError is a named Error", () => {
    const error = errorOf(() => parseEcbXml(""));
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).name).toBe("EcbFormatError");
  });
});
