import { describe, expect, it } from "vitest";
import { LOCALES, type Locale } from "@/lib/domain/markets";
import { checkVersions, parseTerms, pickVersion, placeholdersOf, TermsFormatError, type TermsVersion } from "./terms";

const BODY = "## 1. Parties\n\n{{parties}}\n\n## 2. Withdrawal\n\n{{withdrawal}}\n\n## 3. Returns\n\n{{returnPolicies}}\n";

function allLocales(make: (locale: Locale) => string): Partial<Record<Locale, string>> {
  return Object.fromEntries(LOCALES.map((locale) => [locale, make(locale)]));
}

function version(id: string, effective: string, texts: Partial<Record<Locale, string>> = allLocales((l) => `# ${id} ${l}\n\n${BODY}`)): TermsVersion {
  return { id, jurisdiction: id.startsWith("UK") ? "UK" : "EU", effective, texts };
}

describe("parseTerms", () => {
  it("reads title, preamble, sections, items, sub-headings and placeholders", () => {
    const parsed = parseTerms("# Terms\r\n\r\nIntro line one\nline two\n\n## A\n\n### Sub\n- one\n- two\n\n{{parties}}\n\n## B\n\n{{ withdrawal }}\n{{returnPolicies}}\n");
    expect(parsed.title).toBe("Terms");
    expect(parsed.preamble).toEqual([{ kind: "paragraph", text: "Intro line one\nline two" }]);
    expect(parsed.sections.map((s) => s.heading)).toEqual(["A", "B"]);
    expect(parsed.sections[0]!.blocks).toEqual([
      { kind: "subheading", text: "Sub" },
      { kind: "item", text: "one" },
      { kind: "item", text: "two" },
      { kind: "placeholder", name: "parties" },
    ]);
    expect(parsed.sections[1]!.blocks.map((b) => b.kind)).toEqual(["placeholder", "placeholder"]);
  });

  it("lists every problem at once", () => {
    const attempt = () => parseTerms("no title\n\n## A\n\nSee {{parties}} here.\n\n{{parties}}\n{{parties}}\n{{refunds}}\n");
    expect(attempt).toThrow(TermsFormatError);
    try {
      attempt();
    } catch (error) {
      const problems = (error as TermsFormatError).problems.join("\n");
      expect(problems).toMatch(/line 1: the text must start with a "# " title/);
      expect(problems).toMatch(/line 5: a placeholder must stand alone/);
      expect(problems).toMatch(/unknown placeholder \{\{refunds\}\}/);
      expect(problems).toMatch(/\{\{parties\}\} appears 2 times/);
      expect(problems).toMatch(/\{\{withdrawal\}\} is missing/);
    }
  });

  it("finds the placeholders of a text in order", () => {
    expect(placeholdersOf(`# T\n\n${BODY}`)).toEqual(["parties", "withdrawal", "returnPolicies"]);
  });
});

describe("pickVersion", () => {
  const versions = [version("EU-2026-12-01", "2026-12-01"), version("EU-2027-06-01", "2027-06-01"), version("UK-2026-12-01", "2026-12-01")];

  it("takes the latest version effective on or before the date", () => {
    expect(pickVersion(versions, "EU", "de", "2026-12-01")?.id).toBe("EU-2026-12-01");
    expect(pickVersion(versions, "EU", "de", "2027-05-31")?.id).toBe("EU-2026-12-01");
    expect(pickVersion(versions, "EU", "de", "2027-06-01")?.id).toBe("EU-2027-06-01");
    expect(pickVersion(versions, "EU", "de", "2030-01-01")?.id).toBe("EU-2027-06-01");
    expect(pickVersion(versions, "UK", "en", "2027-07-01")?.id).toBe("UK-2026-12-01");
  });

  it("reads an instant as its UTC day", () => {
    expect(pickVersion(versions, "EU", "en", new Date("2027-05-31T23:59:59.999Z"))?.id).toBe("EU-2026-12-01");
    expect(pickVersion(versions, "EU", "en", new Date("2027-06-01T00:00:00Z"))?.id).toBe("EU-2027-06-01");
  });

  it("finds nothing before the first version or for another jurisdiction", () => {
    expect(pickVersion(versions, "EU", "en", "2026-11-30")).toBeUndefined();
    expect(pickVersion(versions, "US", "en", "2027-01-01")).toBeUndefined();
  });

  it("does not depend on the order of the list", () => {
    expect(pickVersion([...versions].reverse(), "EU", "en", "2027-08-01")?.id).toBe("EU-2027-06-01");
  });

  it("gives the buyer's language, else English marked as a fallback", () => {
    const partial = version("EU-2026-12-01", "2026-12-01", { en: `# English\n\n${BODY}`, ja: `# 日本語\n\n${BODY}` });
    expect(pickVersion([partial], "EU", "ja", "2026-12-02")).toMatchObject({ locale: "ja", requestedLocale: "ja", fallback: false });
    const fallback = pickVersion([partial], "EU", "ar", "2026-12-02");
    expect(fallback).toMatchObject({ locale: "en", requestedLocale: "ar", fallback: true });
    expect(fallback?.source.startsWith("# English\n")).toBe(true);
  });

  it("rejects a date that is not a calendar day", () => {
    expect(() => pickVersion(versions, "EU", "en", "2026-02-30")).toThrow(RangeError);
    expect(() => pickVersion(versions, "EU", "en", new Date("nonsense"))).toThrow(RangeError);
  });
});

describe("checkVersions", () => {
  it("accepts complete, consistent versions", () => {
    expect(() => checkVersions([version("EU-2026-12-01", "2026-12-01"), version("EU-2027-06-01", "2027-06-01")])).not.toThrow();
  });

  it("reports missing locales, differing placeholders, bad dates and duplicates", () => {
    const texts = allLocales((l) => `# T ${l}\n\n${BODY}`);
    delete texts.fr;
    texts.de = `# T\n\n## 1\n\n{{withdrawal}}\n\n{{parties}}\n\n{{returnPolicies}}\n`;
    let problems = "";
    try {
      checkVersions([version("EU-2026-12-01", "2026-12-01", texts), version("EU-x", "2026-12-01"), version("EU-y", "2026-13-01")]);
    } catch (error) {
      problems = (error as TermsFormatError).problems.join("\n");
    }
    expect(problems).toMatch(/EU-2026-12-01: no fr text/);
    expect(problems).toMatch(/EU-2026-12-01\/de: placeholders withdrawal,parties,returnPolicies differ from English's parties,withdrawal,returnPolicies/);
    expect(problems).toMatch(/EU-x: another EU version takes effect on 2026-12-01/);
    expect(problems).toMatch(/EU-y: effective "2026-13-01" is not a YYYY-MM-DD date/);
  });
});
