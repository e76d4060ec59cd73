import { describe, expect, it } from "vitest";
import { jurisdictionOf, renderContract, type ContractSeller } from "@/lib/domain/contracts";
import type { Locale } from "@/lib/domain/markets";
import { ContractPdfError, contractPdf, type ContractPdfInput } from "./pdf";
import { sha256Hex, termsInForce } from "./terms";
import { pdfLines, pdfText } from "./test-support";

const operator = { legalName: "Caravan Marketplace Ltd.", country: "GB", address: ["1 Market Street", "London EC1A 1AA"], registration: "Company no. 01234567" };

const sellers: ContractSeller[] = [
  {
    legalName: "Atelier Lumière SARL",
    displayName: "Atelier Lumière",
    country: "FR",
    address: ["12 rue des Arts", "69001 Lyon"],
    trader: true,
    returnPolicy: "Retours acceptés sous 30 jours.",
    supplies: { goods: true, digital: false },
  },
  {
    legalName: "株式会社京都紙工",
    country: "JP",
    address: ["〒604-0000", "京都府京都市中京区"],
    trader: true,
    returnPolicy: "未使用品に限り、到着後14日以内の返品を受け付けます。",
    supplies: { goods: true, digital: true },
  },
];

function pdfInput(locale: Locale, country: string, buyerName: string): ContractPdfInput {
  const terms = termsInForce(jurisdictionOf(country), locale, "2026-12-03");
  const contract = renderContract({ terms, operator, sellers, digitalImmediateSupply: true });
  return {
    locale,
    orderNumber: "CV-7K3M-9QX2",
    placedAt: "2026-12-03T14:05:09.000Z",
    buyerName,
    parties: { operator: operator.legalName, sellers: sellers.map((s) => ({ name: s.displayName ?? s.legalName, country: s.country })) },
    contract: { text: contract.text, locale: contract.locale },
    evidence: {
      termsVersionId: contract.termsVersionId,
      textSha256: sha256Hex(contract.text),
      acceptedAt: "2026-12-03T14:05:08.412Z",
      locale,
      consents: { terms: true, digitalImmediateSupply: true, marketing: null },
      recordId: "acc_01JEXAMPLE7K3M",
      signingKeyId: "ed25519-2026-12",
    },
  };
}

/** Chinese and Japanese have no spaces between words; a wrapped line adds one. */
const compact = (text: string) => text.replace(/\s+/g, "");

describe("contractPdf", () => {
  it("German (EU): order number, buyer and the withdrawal right are in the text", { timeout: 60_000 }, async () => {
    const input = pdfInput("de", "DE", "Jürgen Weiß");
    const pdf = await contractPdf(input);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const text = await pdfText(pdf);
    expect(text).toContain("Bestellnummer: CV-7K3M-9QX2");
    expect(text).toContain("Käufer: Jürgen Weiß");
    expect(text).toContain("Sie haben das Recht, einen Vertrag mit einem Verkäufer, der Unternehmer ist, binnen 14 Tagen ohne Angabe von Gründen zu widerrufen");
    expect(text).toContain("Verkaufsbedingungen: Europäische Union");
    expect(text).toContain(`SHA-256 des Bedingungstextes: ${input.evidence.textSha256}`);
    expect(text).toContain("Zugestimmt am: 2026-12-03T14:05:08.412Z");
    expect(text).toContain("Datensatz-ID: acc_01JEXAMPLE7K3M");
    expect(text).toContain("Retours acceptés sous 30 jours.");
  });

  it("Arabic: right to left, extracted in logical order, with the order number isolated", { timeout: 60_000 }, async () => {
    const pdf = await contractPdf(pdfInput("ar", "AE", "فاطمة الزهراء"));
    const lines = await pdfLines(pdf);
    const text = lines.join(" ");
    expect(lines[0]).toBe("نسختك من العقد");
    expect(text).toContain("رقم الطلب: CV-7K3M-9QX2");
    expect(text).toContain("هذه نسختك، على وسيط دائم، من العقد الذي أبرمته بالطلب CV-7K3M-9QX2. يُرجى الاحتفاظ بها.");
    expect(text).toContain("المشتري: فاطمة الزهراء");
    expect(text).toContain("مشغّل السوق (وسيط): Caravan Marketplace Ltd.");
    expect(text).toContain("البائع: Atelier Lumière (فرنسا)");
    expect(text).toContain("شروط البيع: الدول الأخرى");
    expect(text).toContain("ما لم يمنحك قانون بلدك حقًا في الانسحاب");
    expect(text).toContain("وقت القبول: 2026-12-03T14:05:08.412Z");
    // A Latin policy quoted in an Arabic copy reads left to right.
    expect(text).toContain("Retours acceptés sous 30 jours.");
  });

  it("Japanese: present, and small thanks to font subsetting", { timeout: 60_000 }, async () => {
    const pdf = await contractPdf(pdfInput("ja", "JP", "山田 太郎"));
    expect(pdf.byteLength).toBeLessThan(1_000_000);
    const text = await pdfText(pdf);
    expect(text).toContain("注文番号：CV-7K3M-9QX2");
    expect(text).toContain("購入者：山田 太郎");
    expect(compact(text)).toContain(compact("お客様の国の法律が撤回権を認めていない限り、商品を返品できるかどうかは販売者の返品ポリシー（第7項）によります。"));
    expect(compact(text)).toContain(compact("未使用品に限り、到着後14日以内の返品を受け付けます。"));
    // Line breaks inside Japanese add no hyphen.
    expect(text).not.toMatch(/[\u3040-\u30FF\u4E00-\u9FFF]-\s/u);
  });

  it("Chinese: set in the Simplified Chinese font", { timeout: 60_000 }, async () => {
    const text = await pdfText(await contractPdf(pdfInput("zh-CN", "CN", "张伟")));
    expect(text).toContain("买家：张伟");
    expect(compact(text)).toContain(compact("除非您所在国家或地区的法律赋予您撤回权，能否退货由卖家的退货政策（第7条）决定。"));
  });

  it("refuses a text that is not the one the evidence names", async () => {
    const input = pdfInput("en", "GB", "Ann Smith");
    await expect(contractPdf({ ...input, contract: { ...input.contract, text: `${input.contract.text}Extra.\n` } })).rejects.toThrow(ContractPdfError);
  });

  it("takes a fraction of a second once the fonts are loaded", { timeout: 60_000 }, async () => {
    const timings: Record<string, number> = {};
    for (const [locale, country, buyer] of [["de", "DE", "Jürgen Weiß"], ["ar", "AE", "فاطمة الزهراء"], ["ja", "JP", "山田 太郎"]] as const) {
      const input = pdfInput(locale, country, buyer);
      await contractPdf(input);
      const start = performance.now();
      const pdf = await contractPdf(input);
      timings[locale] = Math.round(performance.now() - start);
      timings[`${locale} KB`] = Math.round(pdf.byteLength / 1024);
    }
    console.info("contract PDF (ms, warm; size in KB):", JSON.stringify(timings));
    for (const locale of ["de", "ar", "ja"]) expect(timings[locale]).toBeLessThan(5_000);
  });
});
