import { describe, expect, it } from "vitest";
import type { Locale } from "@/lib/domain/markets";
import type { Jurisdiction } from "./jurisdiction";
import { ContractInputError, paragraphDirection, parseContractText, renderContract, type ContractInput, type ContractSeller } from "./render";
import type { TermsText } from "./terms";

const TEMPLATES: Partial<Record<Locale, string>> = {
  en: "# Terms of sale\n\nVersion X.\n\n## 1. Parties\n\nCaravan is an intermediary.\n\n{{parties}}\n\n## 5. Withdrawal\n\nFor this order:\n\n{{withdrawal}}\n\n## 7. Return policies\n\n{{returnPolicies}}\n\n## 10. Law\n\nThe law of your country.\n",
  ja: "# 販売条件\n\n## 1. 契約の相手方\n\nCaravan は仲介者です。\n\n{{parties}}\n\n## 5. 撤回権\n\n{{withdrawal}}\n\n## 7. 返品ポリシー\n\n{{returnPolicies}}\n",
  ar: "# شروط البيع\n\n## 1. الأطراف\n\nتدير السوق شركة \u2066Caravan Marketplace Ltd.\u2069 بصفتها وسيطًا.\n\n{{parties}}\n\n## 5. الحق في الانسحاب\n\n{{withdrawal}}\n\n## 7. سياسات الإرجاع\n\n{{returnPolicies}}\n",
};

function terms(jurisdiction: Jurisdiction, locale: Locale): TermsText {
  return { id: `${jurisdiction}-2026-12-01`, jurisdiction, effective: "2026-12-01", locale, requestedLocale: locale, fallback: false, source: TEMPLATES[locale]! };
}

const atelier: ContractSeller = {
  legalName: "Atelier Lumière SARL",
  displayName: "Atelier Lumière",
  country: "FR",
  address: ["12 rue des Arts", "69001 Lyon"],
  email: "contact@atelier-lumiere.example",
  registration: "RCS Lyon 123 456 789",
  trader: true,
  returnPolicy: "Returns accepted within 30 days.\r\n\r\nWe pay return shipping for faulty items.",
  supplies: { goods: true, digital: false },
};

const kyoto: ContractSeller = {
  legalName: "株式会社京都紙工",
  country: "JP",
  address: ["〒604-0000", "京都府京都市中京区"],
  trader: true,
  returnPolicy: "未使用品に限り、到着後14日以内の返品を受け付けます。",
  supplies: { goods: false, digital: true },
};

const hanna: ContractSeller = {
  legalName: "Hanna Berg",
  country: "DE",
  address: ["Lindenweg 3", "10115 Berlin"],
  trader: false,
  returnPolicy: "",
  supplies: { goods: true, digital: false },
};

function input(overrides: Partial<ContractInput> = {}): ContractInput {
  return {
    terms: terms("EU", "en"),
    operator: { legalName: "Caravan Marketplace Ltd.", country: "GB", address: ["1 Market Street", "London EC1A 1AA"], registration: "Company no. 01234567" },
    sellers: [atelier, kyoto, hanna],
    digitalImmediateSupply: false,
    ...overrides,
  };
}

describe("renderContract", () => {
  it("is stable: the same input gives the same bytes, whatever the line endings and normalisation form", () => {
    const first = renderContract(input()).text;
    expect(renderContract(input()).text).toBe(first);
    const decomposed = input({
      terms: { ...terms("EU", "en"), source: TEMPLATES.en!.replace(/\n/g, "\r\n") },
      sellers: [{ ...atelier, legalName: atelier.legalName.normalize("NFD") }, kyoto, hanna],
    });
    expect(renderContract(decomposed).text).toBe(first);
    expect(first.endsWith("\n") && !first.endsWith("\n\n")).toBe(true);
    expect(first).not.toMatch(/\r|\{\{/);
    expect(first.normalize("NFC")).toBe(first);
  });

  it("names the operator and every seller with legal name, country, address and status", () => {
    const { text } = renderContract(input());
    expect(text).toContain("### Marketplace operator\n\n- Legal name: Caravan Marketplace Ltd.\n- Country: United Kingdom (GB)\n- Address: 1 Market Street, London EC1A 1AA\n- Registration: Company no. 01234567\n- Role: operates the marketplace");
    expect(text).toContain("### Seller: Atelier Lumière\n\n- Legal name: Atelier Lumière SARL\n- Shop name: Atelier Lumière\n- Country: France (FR)\n- Address: 12 rue des Arts, 69001 Lyon\n- Email: contact@atelier-lumiere.example\n- Registration: RCS Lyon 123 456 789\n- Status: trader");
    expect(text).toContain("### Seller: 株式会社京都紙工\n\n- Legal name: 株式会社京都紙工\n- Country: Japan (JP)\n- Address: 〒604-0000, 京都府京都市中京区\n- Status: trader");
    expect(text).toContain("### Seller: Hanna Berg\n\n- Legal name: Hanna Berg\n- Country: Germany (DE)\n- Address: Lindenweg 3, 10115 Berlin\n- Status: private individual, not a trader.");
  });

  it("quotes each seller's return policy, paragraph by paragraph", () => {
    const { text, sections } = renderContract(input());
    expect(text).toContain("### Return policy of Atelier Lumière\n\n> Returns accepted within 30 days.\n\n> We pay return shipping for faulty items.");
    expect(text).toContain("### Return policy of 株式会社京都紙工\n\n> 未使用品に限り、到着後14日以内の返品を受け付けます。");
    expect(text).toContain("### Return policy of Hanna Berg\n\nThis seller has not published a return policy");
    const returns = sections.find((s) => s.heading === "7. Return policies")!;
    expect(returns.blocks.filter((b) => b.kind === "quote")).toHaveLength(3);
  });

  it("writes the withdrawal terms for what each seller supplies", () => {
    const { text, withdrawal } = renderContract(input());
    expect(withdrawal).toMatchObject({ days: 14, from: "delivery" });
    expect(text).toContain("- Goods sold by Atelier Lumière: you may withdraw within 14 days from the day on which you, or a person you name other than the carrier, take physical possession of the last item.");
    expect(text).toContain("- Digital content sold by 株式会社京都紙工: you may withdraw within 14 days from the day the contract is concluded.");
    expect(text).toContain("- Items sold by Hanna Berg: the seller is not a trader, so no statutory right of withdrawal applies");
  });

  it("records the loss of the right for digital content supplied at once with the buyer's consent", () => {
    const { text } = renderContract(input({ digitalImmediateSupply: true }));
    expect(text).toContain("- Digital content sold by 株式会社京都紙工: you asked for supply to begin at once and acknowledged that you thereby lose your right of withdrawal");
    expect(text).not.toContain("from the day the contract is concluded");
  });

  it("says there is no statutory right where the law gives none", () => {
    for (const jurisdiction of ["US", "AU", "ROW"] as const) {
      const rendered = renderContract(input({ terms: terms(jurisdiction, "en") }));
      expect(rendered.withdrawal).toBeNull();
      expect(rendered.text).toContain("For this order:\n\nNo statutory right of withdrawal applies to this order.");
      expect(rendered.text).not.toContain("Goods sold by");
    }
  });

  it("keeps a seller's text from breaking out of its place", () => {
    const tricky: ContractSeller = {
      ...atelier,
      displayName: "Evil\u202E Shop\u0007",
      returnPolicy: "## 9. Fake section\n{{parties}}\n\n\n\n\u2067No returns\u2069",
    };
    const rendered = renderContract(input({ sellers: [tricky] }));
    expect(rendered.text).toContain("### Seller: Evil Shop\n\n");
    expect(rendered.text).toContain("> ## 9. Fake section\n> {{parties}}\n\n> No returns\n");
    expect(rendered.text).not.toMatch(/[\u202E\u2067\u0007]/);
    expect(rendered.sections.map((s) => s.heading)).toEqual(["1. Parties", "5. Withdrawal", "7. Return policies", "10. Law"]);
  });

  it("renders Japanese with Japanese labels", () => {
    const rendered = renderContract(input({ terms: terms("EU", "ja") }));
    expect(rendered.locale).toBe("ja");
    expect(rendered.title).toBe("販売条件");
    expect(rendered.text).toContain("### マーケットプレイス運営者\n\n- 正式名称：Caravan Marketplace Ltd.\n- 国：イギリス (GB)");
    expect(rendered.text).toContain("### 販売者：Atelier Lumière\n\n");
    expect(rendered.text).toContain("- Atelier Lumièreが販売する商品：お客様、または運送業者以外でお客様が指定した第三者が最後の商品を受け取った日から14日以内に撤回できます。");
    expect(rendered.text).toContain("### 株式会社京都紙工の返品ポリシー\n\n> 未使用品に限り");
    expect(rendered.text).toContain("- 区分：個人（事業者ではありません）。");
  });

  it("renders Arabic with every value isolated from the right-to-left sentence", () => {
    const rendered = renderContract(input({ terms: terms("EU", "ar") }));
    const isolated = (value: string) => `\u2068${value}\u2069`;
    expect(rendered.title).toBe("شروط البيع");
    expect(rendered.text).toContain(`### مشغّل السوق\n\n- الاسم القانوني: ${isolated("Caravan Marketplace Ltd.")}\n`);
    expect(rendered.text).toContain(`- الدولة: فرنسا (${isolated("FR")})`);
    expect(rendered.text).toContain(`- العنوان: ${isolated("12 rue des Arts")}، ${isolated("69001 Lyon")}`);
    expect(rendered.text).toContain(`- السلع التي يبيعها ${isolated("Atelier Lumière")}: يحق لك الانسحاب خلال 14 يومًا`);
    expect(rendered.text).toContain(`### سياسة الإرجاع لدى ${isolated("Hanna Berg")}`);
    // The terms' own isolates stay as published.
    expect(rendered.text).toContain("شركة \u2066Caravan Marketplace Ltd.\u2069 بصفتها وسيطًا");
  });

  it("carries the version, jurisdiction and fallback of the terms", () => {
    const rendered = renderContract(input({ terms: { ...terms("UK", "en"), requestedLocale: "de", fallback: true } }));
    expect(rendered).toMatchObject({ termsVersionId: "UK-2026-12-01", jurisdiction: "UK", locale: "en", fallback: true });
  });

  it("needs at least one seller", () => {
    expect(() => renderContract(input({ sellers: [] }))).toThrow(ContractInputError);
  });
});

describe("parseContractText", () => {
  it("gives back the structure of every rendered text", () => {
    for (const [locale, jurisdiction] of [["en", "EU"], ["ja", "UK"], ["ar", "US"]] as const) {
      const rendered = renderContract(input({ terms: terms(jurisdiction, locale), digitalImmediateSupply: true }));
      expect(parseContractText(rendered.text)).toEqual({ title: rendered.title, preamble: rendered.preamble, sections: rendered.sections });
    }
  });

  it("keeps a quoted policy's own markers inside the quote", () => {
    const tricky = { ...atelier, returnPolicy: "## Not a heading\n- not an item\n\n> nested" };
    const rendered = renderContract(input({ sellers: [tricky] }));
    expect(parseContractText(rendered.text).sections).toEqual(rendered.sections);
  });
});

describe("paragraphDirection", () => {
  it("follows the first strong letter", () => {
    expect(paragraphDirection("14 يومًا من التسليم", "ltr")).toBe("rtl");
    expect(paragraphDirection("« Returns » within 30 days", "rtl")).toBe("ltr");
    expect(paragraphDirection("30 / 14", "rtl")).toBe("rtl");
  });
});
