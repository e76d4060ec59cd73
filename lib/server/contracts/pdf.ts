/**
 * The buyer's durable copy of the contract as a PDF: the order, the buyer, the parties,
 * the full terms text exactly as accepted, and the acceptance evidence. Rendered with
 * @react-pdf/renderer on the server, no browser; fonts come from npm packages and are
 * embedded as subsets (only the glyphs used), so a Japanese copy stays small.
 *
 * Fonts: Noto Sans for Latin, Greek and Cyrillic; Noto Naskh Arabic (Noto Sans Arabic
 * misplaces dots in this renderer); Noto Sans JP and SC for Chinese and Japanese, the
 * buyer's language first so shared ideographs take its glyph forms. Each character
 * falls back along that list.
 *
 * Right-to-left: every Arabic line is laid out with `direction: 'rtl'` and aligned
 * right; order numbers, identifiers and instants inside Arabic text are isolated
 * left-to-right (U+2066 ... U+2069), other values by their first strong character
 * (U+2068 ... U+2069), so the bidirectional algorithm does not reorder them. A quoted
 * seller's policy reads in its own direction.
 */
import "server-only";
import { createRequire } from "node:module";
import path from "node:path";
import { createElement, type ReactElement, type ReactNode } from "react";
import { Document, Font, Page, renderToBuffer, StyleSheet, Text, View, type Styles } from "@react-pdf/renderer";
import { createTranslator } from "use-intl/core";
import { countryName, languageName } from "@/lib/display-names";
import { breakableParts, paragraphDirection, parseContractText, type ContractBlock } from "@/lib/domain/contracts";
import { directionOf, isLocale, type Locale } from "@/lib/domain/markets";
import { CATALOGUES } from "@/lib/server/i18n/catalogues";
import { sha256Hex } from "./terms";

/** What the evidence record holds about the acceptance, as the PDF prints it. */
export interface AcceptanceEvidence {
  /** "EU-2026-12-01" */
  termsVersionId: string;
  /** Hex SHA-256 of the UTF-8 bytes of the contract text; must match `contract.text`. */
  textSha256: string;
  /** ISO 8601 instant, printed as given (UTC). */
  acceptedAt: string;
  /** The locale the terms were shown in. */
  locale: string;
  /**
   * What the buyer agreed to, as recorded: `terms`, `digitalImmediateSupply` have
   * translated labels; other keys print as they are. Only `true` entries are consents
   * given; `false` and `null` are left out.
   */
  consents: Readonly<Record<string, boolean | null>>;
  /** The evidence record's id ("acc_..."). */
  recordId: string;
  /** Id of the key that signed the record. */
  signingKeyId: string;
}

export interface ContractPdfInput {
  /** The buyer's language: the PDF's own headings and labels. */
  locale: Locale;
  /** e.g. "CV-7K3M-9QX2" */
  orderNumber: string;
  /** ISO instant the order was placed; printed as a UTC calendar date. */
  placedAt: string;
  buyerName: string;
  parties: {
    operator: string;
    sellers: readonly { name: string; /** ISO 3166-1 alpha-2 */ country: string }[];
  };
  /**
   * The contract exactly as accepted: `RenderedContract.text` and `.locale` at checkout,
   * or the text the evidence record kept. Its SHA-256 must equal `evidence.textSha256`.
   */
  contract: { text: string; locale: Locale };
  evidence: AcceptanceEvidence;
}

/** The contract text is not the one the evidence names. */
export class ContractPdfError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ContractPdfError";
  }
}

const LRI = "\u2066";
const FSI = "\u2068";
const PDI = "\u2069";

/** Resolves font files from the app's own node_modules (not from a bundle's location). */
const requireFromApp = createRequire(path.join(process.cwd(), "package.json"));

function packageDir(name: string, entry = "package.json"): string {
  return path.dirname(requireFromApp.resolve(`${name}/${entry}`));
}

const FAMILIES = { latin: "NotoSans", arabic: "NotoNaskhArabic", japanese: "NotoSansJP", chinese: "NotoSansSC" } as const;

let fontsRegistered = false;

/** Registers the PDF fonts once per process (also for the seller's packing slip). */
export function registerFonts(): void {
  if (fontsRegistered) return;
  const sans = packageDir("@expo-google-fonts/noto-sans");
  const jp = packageDir("@expo-google-fonts/noto-sans-jp");
  const sc = packageDir("@expo-google-fonts/noto-sans-sc");
  // The package exports only its JavaScript entry; the fonts sit beside dist/.
  const naskh = path.join(path.dirname(requireFromApp.resolve("@embedpdf/fonts-arabic")), "..", "fonts");
  Font.register({
    family: FAMILIES.latin,
    fonts: [
      { src: path.join(sans, "400Regular", "NotoSans_400Regular.ttf"), fontWeight: 400 },
      { src: path.join(sans, "700Bold", "NotoSans_700Bold.ttf"), fontWeight: 700 },
    ],
  });
  Font.register({
    family: FAMILIES.arabic,
    fonts: [
      { src: path.join(naskh, "NotoNaskhArabic-Regular.ttf"), fontWeight: 400 },
      { src: path.join(naskh, "NotoNaskhArabic-Bold.ttf"), fontWeight: 700 },
    ],
  });
  Font.register({
    family: FAMILIES.japanese,
    fonts: [
      { src: path.join(jp, "400Regular", "NotoSansJP_400Regular.ttf"), fontWeight: 400 },
      { src: path.join(jp, "700Bold", "NotoSansJP_700Bold.ttf"), fontWeight: 700 },
    ],
  });
  Font.register({
    family: FAMILIES.chinese,
    fonts: [
      { src: path.join(sc, "400Regular", "NotoSansSC_400Regular.ttf"), fontWeight: 400 },
      { src: path.join(sc, "700Bold", "NotoSansSC_700Bold.ttf"), fontWeight: 700 },
    ],
  });
  // No hyphenation (its rules are English); Chinese and Japanese break between characters.
  Font.registerHyphenationCallback(breakableParts);
  fontsRegistered = true;
}

/** The font fallback list for a document in `locale`. */
export function fontFamilies(locale: Locale): string[] {
  const cjk = locale === "zh-CN" ? [FAMILIES.chinese, FAMILIES.japanese] : [FAMILIES.japanese, FAMILIES.chinese];
  return [FAMILIES.latin, FAMILIES.arabic, ...cjk];
}

/** Points. The footer is placed from the top: placed from the bottom it landed off the page. */
const A4_HEIGHT = 841.89;

/**
 * Every style with its own font size sets its line height too: a relative line height
 * is turned into points of the page's font size and inherited as such.
 */
const styles = StyleSheet.create({
  page: { paddingTop: 48, paddingBottom: 64, paddingHorizontal: 52, fontSize: 9.5, lineHeight: 1.45, color: "#18181b" },
  heading: { fontSize: 17, lineHeight: 1.3, fontWeight: 700, marginBottom: 6 },
  intro: { marginBottom: 12, color: "#3f3f46" },
  facts: { marginBottom: 12, paddingVertical: 8, borderTopWidth: 1, borderBottomWidth: 1, borderColor: "#d4d4d8" },
  label: { fontSize: 8, lineHeight: 1.45, fontWeight: 700, color: "#52525b", marginTop: 4 },
  termsLabel: { fontSize: 8, lineHeight: 1.45, fontWeight: 700, color: "#52525b", marginTop: 6, marginBottom: 2 },
  note: { fontSize: 8.5, lineHeight: 1.45, color: "#92400e", marginBottom: 6 },
  title: { fontSize: 14, lineHeight: 1.3, fontWeight: 700, marginBottom: 8 },
  sectionHeading: { fontSize: 11, lineHeight: 1.35, fontWeight: 700, marginTop: 10, marginBottom: 4 },
  subheading: { fontSize: 10, lineHeight: 1.4, fontWeight: 700, marginTop: 6, marginBottom: 2 },
  paragraph: { marginBottom: 5 },
  item: { marginBottom: 2 },
  quote: { marginBottom: 5, paddingVertical: 2, paddingHorizontal: 8, color: "#3f3f46", backgroundColor: "#f4f4f5" },
  evidence: { marginTop: 16, padding: 10, borderWidth: 1, borderColor: "#a1a1aa", borderRadius: 4 },
  evidenceHeading: { fontSize: 11, lineHeight: 1.35, fontWeight: 700, marginBottom: 4 },
  evidenceIntro: { fontSize: 8.5, lineHeight: 1.45, color: "#3f3f46", marginBottom: 6 },
  evidenceRow: { fontSize: 8.5, lineHeight: 1.45, marginBottom: 2 },
  footer: { position: "absolute", top: A4_HEIGHT - 40, left: 52, right: 52, fontSize: 7.5, lineHeight: 1.4, color: "#71717a", textAlign: "center" },
});

type Direction = "ltr" | "rtl";
type PdfStyle = Styles[string];

/** The line breaker's "never break here" penalty (Knuth and Plass infinity). */
const NO_HYPHEN = 10_000;

const h = createElement;

/** Chinese and Japanese characters (see `breakableParts`). */
const WIDE = /[\u2E80-\u2FFF\u3000-\u30FF\u3190-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]/u;

/**
 * The text as laid out. The line breaker marks the breaks inside Chinese and Japanese as
 * hyphenation points; with those made unusable (`NO_HYPHEN`) it fills lines greedily
 * between characters, unless a space gives it another choice, so in text with Chinese
 * or Japanese characters spaces do not break (a line would end early at "Caravan").
 */
function layoutText(text: string): string {
  return WIDE.test(text) ? text.replace(/ /g, "\u00A0") : text;
}

function line(text: string, direction: Direction, style: PdfStyle, key?: string | number): ReactElement {
  const align: PdfStyle = { direction, textAlign: direction === "rtl" ? "right" : "left" };
  return h(Text, { key, style: [style, align], hyphenationPenalty: NO_HYPHEN }, layoutText(text));
}

function textsFor(locale: Locale) {
  const t = createTranslator({ locale, messages: CATALOGUES[locale], namespace: "contract", timeZone: "UTC" });
  const rtl = directionOf(locale) === "rtl";
  return {
    t,
    direction: directionOf(locale),
    /** An identifier, number or instant: left-to-right inside right-to-left text. */
    token: (value: string) => (rtl ? `${LRI}${value}${PDI}` : value),
    /** A name or other text in any script. */
    value: (value: string) => (rtl ? `${FSI}${value}${PDI}` : value),
  };
}

type Texts = ReturnType<typeof textsFor>;

const CONSENT_KEYS: Record<string, "consentTerms" | "consentDigitalImmediateSupply"> = {
  terms: "consentTerms",
  digitalImmediateSupply: "consentDigitalImmediateSupply",
};

function placedDate(placedAt: string, locale: Locale): string {
  const date = new Date(placedAt);
  if (Number.isNaN(date.getTime())) throw new ContractPdfError(`placedAt is not an instant: ${placedAt}`);
  return new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" }).format(date);
}

function row(tx: Texts, label: Parameters<Texts["t"]>[0], value: string, style: PdfStyle, key?: string): ReactElement {
  return line(tx.t("labelValue", { label: tx.t(label), value }), tx.direction, style, key);
}

function header(input: ContractPdfInput, tx: Texts): ReactNode[] {
  const { locale } = input;
  const sellers = input.parties.sellers.map((seller, index) =>
    line(tx.t("labelValue", { label: tx.t("seller"), value: `${tx.value(seller.name)} (${countryName(seller.country, locale)})` }), tx.direction, styles.item, `seller-${index}`),
  );
  return [
    line(tx.t("heading"), tx.direction, styles.heading, "heading"),
    line(tx.t("intro", { number: tx.token(input.orderNumber) }), tx.direction, styles.intro, "intro"),
    h(
      View,
      { key: "facts", style: styles.facts },
      row(tx, "orderNumber", tx.token(input.orderNumber), styles.item),
      row(tx, "placedAt", tx.value(placedDate(input.placedAt, locale)), styles.item),
      row(tx, "buyer", tx.value(input.buyerName), styles.item),
      line(tx.t("parties"), tx.direction, styles.label),
      row(tx, "operator", tx.value(input.parties.operator), styles.item),
      ...sellers,
    ),
  ];
}

function blockElement(block: ContractBlock, direction: Direction, key: string): ReactElement {
  switch (block.kind) {
    case "subheading":
      return line(block.text, direction, styles.subheading, key);
    case "item":
      return line(`•\u00A0${block.text}`, direction, styles.item, key);
    case "paragraph":
      return line(block.text, direction, styles.paragraph, key);
    case "quote":
      // A seller's words read in their own direction, whatever the contract's language.
      return line(block.text, paragraphDirection(block.text, direction), styles.quote, key);
  }
}

function contractBody(input: ContractPdfInput, tx: Texts): ReactNode[] {
  const direction = directionOf(input.contract.locale);
  const parsed = parseContractText(input.contract.text);
  const out: ReactNode[] = [line(tx.t("terms"), tx.direction, styles.termsLabel, "terms-label")];
  if (input.contract.locale !== input.locale) out.push(line(tx.t("fallback"), tx.direction, styles.note, "fallback"));
  out.push(line(parsed.title, direction, styles.title, "title"));
  parsed.preamble.forEach((block, index) => out.push(blockElement(block, direction, `p-${index}`)));
  parsed.sections.forEach((section, sectionIndex) => {
    // A heading stays on the page of the text that follows it.
    const [first, ...rest] = section.blocks;
    out.push(
      h(
        View,
        { key: `s-${sectionIndex}`, wrap: false },
        line(section.heading, direction, styles.sectionHeading),
        ...(first ? [blockElement(first, direction, "first")] : []),
      ),
    );
    rest.forEach((block, index) => out.push(blockElement(block, direction, `s-${sectionIndex}-${index}`)));
  });
  return out;
}

function evidenceBox(input: ContractPdfInput, tx: Texts): ReactElement {
  const { evidence, locale } = input;
  const consents = Object.entries(evidence.consents)
    .filter(([, given]) => given === true)
    .map(([key]) => {
      const label = CONSENT_KEYS[key];
      return label ? tx.t(label) : tx.token(key);
    });
  const language = isLocale(evidence.locale) ? `${languageName(evidence.locale, locale)} (${tx.token(evidence.locale)})` : tx.token(evidence.locale);
  return h(
    View,
    { style: styles.evidence, wrap: false },
    line(tx.t("evidence"), tx.direction, styles.evidenceHeading),
    line(tx.t("evidenceIntro"), tx.direction, styles.evidenceIntro),
    row(tx, "termsVersion", tx.token(evidence.termsVersionId), styles.evidenceRow),
    row(tx, "textSha256", tx.token(evidence.textSha256), styles.evidenceRow),
    row(tx, "acceptedAt", tx.token(evidence.acceptedAt), styles.evidenceRow),
    row(tx, "locale", language, styles.evidenceRow),
    row(tx, "consents", consents.length ? new Intl.ListFormat(locale, { type: "conjunction" }).format(consents) : tx.t("consentNone"), styles.evidenceRow),
    row(tx, "recordId", tx.token(evidence.recordId), styles.evidenceRow),
    row(tx, "signingKeyId", tx.token(evidence.signingKeyId), styles.evidenceRow),
  );
}

function contractDocument(input: ContractPdfInput): ReactElement {
  if (sha256Hex(input.contract.text) !== input.evidence.textSha256.toLowerCase()) {
    throw new ContractPdfError(`the contract text does not match the evidence (SHA-256 ${input.evidence.textSha256})`);
  }
  const tx = textsFor(input.locale);
  const acceptedAt = new Date(input.evidence.acceptedAt);
  return h(
    Document,
    {
      title: tx.t("documentTitle", { number: input.orderNumber }),
      author: input.parties.operator,
      subject: input.evidence.termsVersionId,
      creator: "Caravan",
      producer: "Caravan",
      language: input.contract.locale,
      // The instant of acceptance, not of rendering: the copy says when the contract was made.
      ...(Number.isNaN(acceptedAt.getTime()) ? {} : { creationDate: acceptedAt, modificationDate: acceptedAt }),
    },
    h(
      Page,
      { size: "A4", style: [styles.page, { fontFamily: fontFamilies(input.locale) }] },
      ...header(input, tx),
      ...contractBody(input, tx),
      evidenceBox(input, tx),
      h(Text, {
        style: [styles.footer, { direction: tx.direction }],
        fixed: true,
        render: ({ pageNumber, totalPages }: { pageNumber: number; totalPages: number }) =>
          `${tx.token(input.orderNumber)} · ${tx.t("page", { page: pageNumber, total: totalPages })}`,
      }),
    ),
  );
}

/**
 * The contract copy as PDF bytes. Throws `ContractPdfError` when the text's SHA-256 is
 * not the evidence's, or `placedAt` is not an instant.
 */
export async function contractPdf(input: ContractPdfInput): Promise<Buffer> {
  registerFonts();
  return renderToBuffer(contractDocument(input) as Parameters<typeof renderToBuffer>[0]);
}
