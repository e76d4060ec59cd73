import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { JURISDICTIONS, renderContract, TermsFormatError } from "@/lib/domain/contracts";
import { LOCALES } from "@/lib/domain/markets";
import { loadTermsTree, sha256Hex, TERMS_ROOT, termsInForce, TermsNotFoundError, termsVersion, termsVersions } from "./terms";

/**
 * The SHA-256 of every published file. A published version never changes: new wording is
 * a new version folder (with a later effective date), whose files are added here.
 */
const PUBLISHED: Record<string, string> = {
    "AU/2026-12-01/ar.md": "904123e3459e6420a7573f06b5fb4689265ab2c051f9edeb8fd610238122517c",
    "AU/2026-12-01/de.md": "335f65de992bad55d6cf8d07bb425065b2b68bd26b4c15eb3928c99256cacdee",
    "AU/2026-12-01/en.md": "52678132ff92671464c2009d90fc7ee237605d8179f88deb89060e12e80ba082",
    "AU/2026-12-01/es.md": "211116209455c64669a0501057e054f4fd9f57f694691ff93eb997f473f755a3",
    "AU/2026-12-01/fr.md": "c6ae3ac88d43244eb07c3f868352efb9730ec9496fb87f19adb90a260e0dcdd1",
    "AU/2026-12-01/ja.md": "18fd5f2c6226709b8998b815d9fa9113cd0c405bb68a154337a38282f6d74f8b",
    "AU/2026-12-01/pt-BR.md": "9e46f1903c88db646121d43f62fb54449415925bb0fef856adf8b5eef2b0d190",
    "AU/2026-12-01/version.json": "3e90800bf3add950a8c37830a49121472216965e1681bb00b420dc270858e0f5",
    "AU/2026-12-01/zh-CN.md": "ca3ff0dba388fd157057720493600b18d2b9ea7f15d983fe0217eff21179ccbd",
    "EU/2026-12-01/ar.md": "09a1c4721edb374762610988a8036fc42d4311ac125bbc0ca62df6ebafe6294a",
    "EU/2026-12-01/de.md": "d8d7c8cb086ee68fd375e717a4cfb1ab472cf19507118c628fb9741da3909582",
    "EU/2026-12-01/en.md": "912b57942e2f5797256ffb052838f11de72a6efbd73cdc1eec12c5447c55973f",
    "EU/2026-12-01/es.md": "1156338237952b11418bb63ccd3fa626a840348955c9ee2b2b72577b294b58da",
    "EU/2026-12-01/fr.md": "d3808d9c8fd9c606cc3c0751ff069ade6cf137d93d76cd8530041cb3b5bb65ce",
    "EU/2026-12-01/ja.md": "f55c8ebd5fed9d6f211f035f799c176027c6022907055bebfad5354fab3236a5",
    "EU/2026-12-01/pt-BR.md": "e0c904b6ea6fedf710d1c39338b0a18bbc89d899ac7e5f47c0c928410abfb616",
    "EU/2026-12-01/version.json": "3796bcec2be7b7d3f1185e865ff29209aafc19b44011d7f9509b2e619e08b8e3",
    "EU/2026-12-01/zh-CN.md": "90840f2495063419151e9da7bd80f91e8b18bf2ab41bd1d432f3c52698aa64e7",
    "ROW/2026-12-01/ar.md": "fc29e485bb3b99bce86eb814c17fa2d993d402dfe4c5bc8f77f900817d339c44",
    "ROW/2026-12-01/de.md": "57af91f6f223c279f45cb282d2879695bccb5c5706077e83f55fc598b2a4bf24",
    "ROW/2026-12-01/en.md": "41eb74ee9beb392848069256aadb68ebe9f33f3cf0b5f60cdad0871e984426e5",
    "ROW/2026-12-01/es.md": "98204fc9b535d30df0b99614d058cc0b0c8910fa3d7b1e4e8df9d0a0f08a875d",
    "ROW/2026-12-01/fr.md": "e86abe1d20899ac315c58274deda424bd7f462437c32ecb6ec9cde17977ee867",
    "ROW/2026-12-01/ja.md": "a1083f5438a0f139f72d856483f8e14e8a9e3a64f679b45afce92742e05e2c8a",
    "ROW/2026-12-01/pt-BR.md": "d350fc60e03e7aa1c757aafc9252a6cc0800f24056732802085a2282d63fcd1c",
    "ROW/2026-12-01/version.json": "cb3a61a10e254cf9d800782573888e9c62ae134b88f96d16df1c4b3e7e4317b3",
    "ROW/2026-12-01/zh-CN.md": "502a89af6cdc498f9ad5cc4afb023e8a61c58cd3bc7dbac5391d796a4538be85",
    "UK/2026-12-01/ar.md": "9b266a0e79d4471a95ccdbcef618480d90aab3fad51a8231dcbb1f3392b5567a",
    "UK/2026-12-01/de.md": "c6b6593faaeb52090c3b49f848f6d0a14ad20b5cfffd072bbcd09beed47a5aec",
    "UK/2026-12-01/en.md": "43cc42df33cf8ae3753f9fc3f500b482d3195cc5740b321f66bd67a05abe391c",
    "UK/2026-12-01/es.md": "9f5601d12d7a7214448e190cdeb27b6576c911373b95864d230c23fcb5464a12",
    "UK/2026-12-01/fr.md": "844edb46c346acf85f29fd22e50b87c6b6ffc3f81c82a6ae3090fb4a7bbfad7b",
    "UK/2026-12-01/ja.md": "2a4eef578041d59bb486aea78b91ebf736749673270b6e60ee2d11975ad0178e",
    "UK/2026-12-01/pt-BR.md": "b1c872814f570c277790075c6682402170ad2a1ca0277ff7c174856dd84b7bcb",
    "UK/2026-12-01/version.json": "b4fdcf81fb821ad7b829fb82bc9b080c04c83c9c5fc378412f5bba3a94e4b30d",
    "UK/2026-12-01/zh-CN.md": "9908ffe4aa5db42c3ebd4244636fab52190e9ee37c1187bbb25e29aac2153ad9",
    "US/2026-12-01/ar.md": "2600bbbfc449b43f3b7df00e672474417fbdf016ac8fad728c0cce2d84887d9e",
    "US/2026-12-01/de.md": "1e577620b84a6baa0a3ba9087d112bf2aa29a834d02ba598ba44731ad7afcb16",
    "US/2026-12-01/en.md": "19ebf60a99ba779e9eaa2387b78f7380fac6d2b2cef0597f885197b0dce7525c",
    "US/2026-12-01/es.md": "9c2d71e2df675ce6d3acafc876b01dfe4061e71dbbafcea251e904f7d92b1b90",
    "US/2026-12-01/fr.md": "b159ee85184eeffd5a33ab01598a6aae86b6a3aeb330683d0c1d796bd2667509",
    "US/2026-12-01/ja.md": "a45a9e4407a8a210d75bb2d6e2d8c5bdf61c37774745951247a25f8a721edff9",
    "US/2026-12-01/pt-BR.md": "4a6f37998a7ae450361c5d859bf84686bae9be8e2aab5bb259cc2af3df0aad9d",
    "US/2026-12-01/version.json": "7b44e96ce88ce3036fb7bc8ab68231a00ef2471987a2c6c502468ee39d7624af",
    "US/2026-12-01/zh-CN.md": "a828158cdf7f6f337aa3e48bd74fcfe039f19277b6e40d083f02ddcd2d52b6db",
};

function filesUnder(root: string): string[] {
  return fs
    .readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .sort();
}

describe("published terms", () => {
  it("are exactly the pinned files, byte for byte", () => {
    const files = filesUnder(TERMS_ROOT);
    expect(files).toEqual(Object.keys(PUBLISHED).sort());
    for (const file of files) {
      expect(sha256Hex(fs.readFileSync(path.join(TERMS_ROOT, file), "utf8")), `${file} changed: publish new wording as a new version folder`).toBe(PUBLISHED[file]);
    }
  });

  it("load: one version per jurisdiction, every locale", () => {
    expect(termsVersions()).toEqual(JURISDICTIONS.map((j) => ({ id: `${j}-2026-12-01`, jurisdiction: j, effective: "2026-12-01" })).sort((a, b) => a.jurisdiction.localeCompare(b.jurisdiction)));
    for (const jurisdiction of JURISDICTIONS) {
      for (const locale of LOCALES) {
        const text = termsInForce(jurisdiction, locale, "2026-12-01");
        expect(text).toMatchObject({ id: `${jurisdiction}-2026-12-01`, locale, fallback: false });
        expect(text.source).toBe(fs.readFileSync(path.join(TERMS_ROOT, jurisdiction, "2026-12-01", `${locale}.md`), "utf8"));
      }
    }
  });

  it("give a version's text by id, and refuse unknown ids and dates before the first version", () => {
    expect(termsVersion("UK-2026-12-01", "ja").source).toMatch(/^# 販売条件：英国\n/);
    expect(() => termsVersion("UK-2020-01-01", "en")).toThrow(TermsNotFoundError);
    expect(() => termsInForce("EU", "en", "2026-11-30")).toThrow(/no EU terms in force on 2026-11-30/);
  });

  it("are not changed by what a caller does with a returned text", () => {
    const text = termsInForce("EU", "de", "2027-01-01");
    (text as { source: string }).source = "changed";
    expect(termsInForce("EU", "de", "2027-01-01").source).toMatch(/^# Verkaufsbedingungen: Europäische Union\n/);
  });

  it("state the withdrawal terms of each jurisdiction", () => {
    expect(termsInForce("EU", "en").source).toContain("Directive 2011/83/EU, Art. 9");
    expect(termsInForce("EU", "de").source).toContain("binnen 14 Tagen ohne Angabe von Gründen zu widerrufen");
    expect(termsInForce("UK", "en").source).toContain("Consumer Contracts (Information, Cancellation and Additional Charges) Regulations 2013");
    expect(termsInForce("AU", "en").source).toContain("consumer guarantees of the Australian Consumer Law apply");
    expect(termsInForce("US", "en").source).toContain("The law gives no general right to withdraw from an online purchase");
    expect(termsInForce("ROW", "en").source).toContain("set by the seller's return policy");
  });

  it("render into a contract in Japanese and Arabic", () => {
    const sellers = [
      { legalName: "株式会社京都紙工", country: "JP", address: ["〒604-0000", "京都府京都市中京区"], trader: true, returnPolicy: "到着後14日以内の返品を受け付けます。", supplies: { goods: true, digital: false } },
    ];
    const operator = { legalName: "Caravan Marketplace Ltd.", country: "GB", address: ["1 Market Street", "London EC1A 1AA"] };
    const ja = renderContract({ terms: termsInForce("EU", "ja", "2026-12-05"), operator, sellers, digitalImmediateSupply: null });
    expect(ja.title).toBe("販売条件：欧州連合");
    expect(ja.text).toContain("- 株式会社京都紙工が販売する商品：お客様、または運送業者以外でお客様が指定した第三者が最後の商品を受け取った日から14日以内に撤回できます。");
    expect(ja.text).toContain("> 到着後14日以内の返品を受け付けます。");
    const ar = renderContract({ terms: termsInForce("ROW", "ar", "2026-12-05"), operator, sellers, digitalImmediateSupply: null });
    expect(ar.title).toBe("شروط البيع: الدول الأخرى");
    expect(ar.text).toContain("لا ينطبق على هذا الطلب أي حق قانوني في الانسحاب.");
    expect(ar.text).toContain("- الاسم القانوني: \u2068株式会社京都紙工\u2069");
    expect(sha256Hex(ar.text)).toBe(sha256Hex(renderContract({ terms: termsInForce("ROW", "ar", "2026-12-05"), operator, sellers, digitalImmediateSupply: null }).text));
  });
});

describe("sha256Hex", () => {
  it("hashes the UTF-8 bytes", () => {
    expect(sha256Hex("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(sha256Hex("é")).toBe(sha256Hex("\u00e9"));
    expect(sha256Hex("日本")).toBe("cf2abf0c5be326cb922a70f8163f91079c4d9aa8655c60ead89ad545c9de2e92");
  });
});

describe("loadTermsTree", () => {
  const made: string[] = [];
  afterEach(() => {
    for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  /** A copy of the published tree to break. */
  function copy(): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "terms-"));
    made.push(dir);
    fs.cpSync(TERMS_ROOT, dir, { recursive: true });
    return dir;
  }

  function problemsOf(root: string): string {
    try {
      loadTermsTree(root);
    } catch (error) {
      expect(error).toBeInstanceOf(TermsFormatError);
      return (error as TermsFormatError).message;
    }
    throw new Error("the tree loaded");
  }

  it("loads a copy of the published tree, and a later version beside it", () => {
    const root = copy();
    fs.cpSync(path.join(root, "EU", "2026-12-01"), path.join(root, "EU", "2027-06-01"), { recursive: true });
    fs.writeFileSync(path.join(root, "EU", "2027-06-01", "version.json"), '{ "id": "EU-2027-06-01", "effective": "2027-06-01" }\n');
    const versions = loadTermsTree(root);
    expect(versions.filter((v) => v.jurisdiction === "EU").map((v) => v.id)).toEqual(["EU-2026-12-01", "EU-2027-06-01"]);
  });

  it("refuses a stray file and an unknown jurisdiction", () => {
    const root = copy();
    fs.writeFileSync(path.join(root, "US", "2026-12-01", "it.md"), "# Termini\n");
    fs.mkdirSync(path.join(root, "NZ"));
    const message = problemsOf(root);
    expect(message).toMatch(/NZ: not a jurisdiction folder/);
    expect(message).toMatch(/US\/2026-12-01\/it\.md: unexpected file/);
  });

  it("refuses a missing locale", () => {
    const root = copy();
    fs.rmSync(path.join(root, "US", "2026-12-01", "fr.md"));
    expect(problemsOf(root)).toMatch(/US-2026-12-01: no fr text/);
  });

  it("refuses differing placeholders, unnormalised text and a bad version.json", () => {
    const root = copy();
    const de = path.join(root, "AU", "2026-12-01", "de.md");
    fs.writeFileSync(de, fs.readFileSync(de, "utf8").replace("{{returnPolicies}}\n", ""));
    const fr = path.join(root, "UK", "2026-12-01", "fr.md");
    fs.writeFileSync(fr, fs.readFileSync(fr, "utf8").replace(/\n/g, "\r\n"));
    fs.writeFileSync(path.join(root, "ROW", "2026-12-01", "version.json"), '{ "id": "ROW-2026-12-01" }');
    const message = problemsOf(root);
    expect(message).toMatch(/UK\/2026-12-01\/fr\.md: not normalised/);
    expect(message).toMatch(/ROW\/2026-12-01\/version\.json: expected/);
    const afterFix = copy();
    fs.writeFileSync(path.join(afterFix, "AU", "2026-12-01", "de.md"), fs.readFileSync(de, "utf8"));
    expect(problemsOf(afterFix)).toMatch(/AU-2026-12-01\/de: placeholder \{\{returnPolicies\}\} is missing.*AU-2026-12-01\/de: placeholders parties,withdrawal differ from English's parties,withdrawal,returnPolicies/s);
  });

  it("refuses a folder that does not exist", () => {
    expect(() => loadTermsTree(path.join(os.tmpdir(), "no-such-terms-folder"))).toThrow(/no terms folder/);
  });
});
