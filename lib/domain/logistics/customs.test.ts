import { describe, expect, it } from "vitest";
import { invertRate, money, parseRate } from "@/lib/domain/money";
import { customsDeclaration, describeItem, type CustomsInput } from "./customs";
import { CN22_LIMIT_SDR, SDR_RATE } from "./sdr";

const jpyToEur = invertRate(parseRate("EUR", "JPY", "160"));
const base = (goods: number[], currency = "JPY"): CustomsInput => ({
  sender: { name: "Ujigawa Chaho K.K.", address: ["1-2 Uji", "Kyoto 611-0021"], country: "JP" },
  addressee: { lines: ["Erika Muster", "Hauptstr. 1", "10115 Berlin"], country: "DE", phone: null },
  currency,
  lines: goods.map((g, i) => ({
    titleEn: `Tea ${i}`, titleSeller: `お茶 ${i}`, hsCode: "090210", originCountry: "JP", quantity: 2, orderedQuantity: 2, goodsMinor: g, unitWeightGrams: 120,
  })),
  grossWeightGrams: 600,
  toEur: jpyToEur,
});

describe("customs declaration", () => {
  it("states a dated SDR rate and the UPU limit of 300 SDR", () => {
    expect(CN22_LIMIT_SDR).toBe(300);
    expect(SDR_RATE.eurPerSdr).toMatch(/^\d+\.\d+$/);
    expect(SDR_RATE.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("is a CN22 up to 300 SDR, with each item's weight, value and origin and the parcel's gross weight", () => {
    // 56,000 JPY = 350.00 EUR = 298.70 SDR at 1.17176 EUR per SDR.
    const form = customsDeclaration(base([30_000, 26_000]));
    expect(form.form).toBe("CN22");
    expect(form.valueSdr).toBe("298.70");
    expect(form.category).toBe("SALE_OF_GOODS");
    expect(form.totalValue).toEqual(money(56_000, "JPY"));
    expect(form.items[0]).toEqual({ description: "Tea 0 / お茶 0", hsCode: "090210", quantity: 2, netWeightGrams: 240, value: money(30_000, "JPY"), originCountry: "JP" });
    expect(form.totalNetWeightGrams).toBe(480);
    expect(form.grossWeightGrams).toBe(600);
  });

  it("is a CN23 above 300 SDR", () => {
    // 57,000 JPY = 356.25 EUR = 304.03 SDR.
    const form = customsDeclaration(base([31_000, 26_000]));
    expect(form.form).toBe("CN23");
    expect(form.valueSdr).toBe("304.03");
  });

  it("decides at the limit itself: 351.52 EUR is within, 351.53 EUR above", () => {
    const eur = (minor: number) => customsDeclaration({ ...base([minor], "EUR"), toEur: parseRate("EUR", "EUR", "1") }).form;
    expect(eur(35_152)).toBe("CN22");
    expect(eur(35_153)).toBe("CN23");
  });

  it("values a partial parcel by its share of the line", () => {
    const input = base([10_001]);
    const form = customsDeclaration({ ...input, lines: [{ ...input.lines[0]!, quantity: 1, orderedQuantity: 2 }] });
    expect(form.items[0]!.value).toEqual(money(5_001, "JPY"));
    expect(form.items[0]!.netWeightGrams).toBe(120);
    // The second parcel of the line takes the rest: the parcels add up to the line.
    const rest = customsDeclaration({ ...input, lines: [{ ...input.lines[0]!, quantity: 1, orderedQuantity: 2, shippedBefore: 1 }] });
    expect(rest.items[0]!.value).toEqual(money(5_000, "JPY"));
  });

  it("describes an item in English and in the seller's language when it differs", () => {
    expect(describeItem("Chef's knife", "Kochmesser")).toBe("Chef's knife / Kochmesser");
    expect(describeItem("Chef's knife", "Chef's knife")).toBe("Chef's knife");
    expect(describeItem("Chef's knife", null)).toBe("Chef's knife");
  });
});
