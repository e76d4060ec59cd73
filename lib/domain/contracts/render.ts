/**
 * The contract text a buyer accepts: a version's terms with the blocks for this order
 * filled in (the parties, the withdrawal terms that apply to what each seller supplies,
 * each seller's return policy), in the language of the terms text. The same input gives
 * the same text, byte for byte, so the text's SHA-256 identifies what was accepted.
 *
 * Values that come from outside (names, addresses, policies) are cleaned of control and
 * directional characters; in right-to-left languages each is then isolated (U+2068 ...
 * U+2069) so the bidirectional algorithm does not reorder it into the sentence. Country
 * names come from the runtime's CLDR data: keep the rendered text (the evidence does),
 * and check it against its hash, rather than rendering it again years later.
 */
import { directionOf, type Locale } from "@/lib/domain/markets";
import { withdrawalRule, type Jurisdiction, type WithdrawalRule } from "./jurisdiction";
import { parseTerms, type Placeholder, type TermsBlock, type TermsText } from "./terms";
import { cleanForeignLine, cleanForeignText, normalizeDocument } from "./text";
import { CONTRACT_WORDING, type ContractWording } from "./wording";

export interface ContractParty {
  /** The name the party is registered under ("Caravan Marketplace Ltd.", "Atelier Nour SARL", or a person's name). */
  legalName: string;
  /** The name the store shows, when it differs from the legal name. */
  displayName?: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  /** The postal address as display lines (see `addressLines` in lib/domain/address). */
  address: readonly string[];
  email?: string;
  /** Trade register entry, VAT number or the like, as one line. */
  registration?: string;
}

export interface ContractSeller extends ContractParty {
  /** Sells in the course of a business. A private seller owes no statutory right of withdrawal. */
  trader: boolean;
  /** The seller's return policy in the seller's words; "" when the seller has none. */
  returnPolicy: string;
  /** What this order buys from the seller: goods that ship, digital content, or both. */
  supplies: { goods: boolean; digital: boolean };
}

export interface ContractInput {
  /** The terms in force, in the buyer's language (`pickVersion`, `termsInForce`). */
  terms: TermsText;
  operator: ContractParty;
  /** In the order the buyer sees them (the order's sub-orders). At least one. */
  sellers: readonly ContractSeller[];
  /**
   * For digital content: the buyer asked for supply to begin within the withdrawal period
   * and acknowledged losing the right of withdrawal (Directive 2011/83/EU Art. 16(m)).
   * Null when the order has no digital content.
   */
  digitalImmediateSupply: boolean | null;
}

/** A block of the rendered contract: the terms' own blocks, or the ones written for the order. */
export type ContractBlock = Exclude<TermsBlock, { kind: "placeholder" }>;

export interface ContractSection {
  heading: string;
  blocks: ContractBlock[];
}

export interface RenderedContract {
  termsVersionId: string;
  jurisdiction: Jurisdiction;
  /** The language of the text (the buyer's, or English when `fallback`). */
  locale: Locale;
  fallback: boolean;
  withdrawal: WithdrawalRule | null;
  title: string;
  preamble: ContractBlock[];
  sections: ContractSection[];
  /** The exact text shown to the buyer and kept as evidence: NFC, "\n", one final newline. */
  text: string;
}

/** Thrown for an input no contract can be made from. */
export class ContractInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ContractInputError";
  }
}

const regionNames = new Map<Locale, Intl.DisplayNames>();

function countryName(code: string, locale: Locale): string {
  let names = regionNames.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([locale], { type: "region", fallback: "code" });
    regionNames.set(locale, names);
  }
  return names.of(code) ?? code;
}

function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

interface Writer {
  wording: ContractWording;
  /** A value from outside, on one line, isolated in right-to-left text. */
  value(text: string): string;
  labelled(label: string, text: string): ContractBlock;
}

function writerFor(locale: Locale): Writer {
  const wording = CONTRACT_WORDING[locale];
  const rtl = directionOf(locale) === "rtl";
  const value = (text: string) => {
    const clean = cleanForeignLine(text);
    return rtl ? `\u2068${clean}\u2069` : clean;
  };
  return {
    wording,
    value,
    labelled: (label, text) => ({ kind: "item", text: `${label}${wording.labelSeparator}${text}` }),
  };
}

function sellerName(seller: ContractParty): string {
  return cleanForeignLine(seller.displayName ?? "") || cleanForeignLine(seller.legalName);
}

function partyItems(party: ContractParty, locale: Locale, w: Writer): ContractBlock[] {
  const { wording } = w;
  const country = party.country.trim().toUpperCase();
  const items: ContractBlock[] = [w.labelled(wording.legalName, w.value(party.legalName))];
  const shown = cleanForeignLine(party.displayName ?? "");
  if (shown && shown !== cleanForeignLine(party.legalName)) items.push(w.labelled(wording.displayName, w.value(shown)));
  items.push(w.labelled(wording.country, `${countryName(country, locale)} (${w.value(country)})`));
  const address = party.address.map(cleanForeignLine).filter(Boolean);
  if (address.length) items.push(w.labelled(wording.address, address.map(w.value).join(wording.lineSeparator)));
  if (party.email && cleanForeignLine(party.email)) items.push(w.labelled(wording.email, w.value(party.email)));
  if (party.registration && cleanForeignLine(party.registration)) items.push(w.labelled(wording.registration, w.value(party.registration)));
  return items;
}

function partiesBlocks(input: ContractInput, locale: Locale, w: Writer): ContractBlock[] {
  const { wording } = w;
  const blocks: ContractBlock[] = [
    { kind: "subheading", text: wording.operator },
    ...partyItems(input.operator, locale, w),
    { kind: "item", text: wording.operatorRole },
  ];
  for (const seller of input.sellers) {
    blocks.push(
      { kind: "subheading", text: fill(wording.seller, { seller: w.value(sellerName(seller)) }) },
      ...partyItems(seller, locale, w),
      { kind: "item", text: seller.trader ? wording.trader : wording.notTrader },
    );
  }
  return blocks;
}

function withdrawalBlocks(input: ContractInput, rule: WithdrawalRule | null, w: Writer): ContractBlock[] {
  const { wording } = w;
  if (!rule) return [{ kind: "paragraph", text: wording.withdrawalNone }];
  const blocks: ContractBlock[] = [];
  for (const seller of input.sellers) {
    const name = w.value(sellerName(seller));
    if (!seller.trader) {
      blocks.push({ kind: "item", text: fill(wording.withdrawalNotTrader, { seller: name }) });
      continue;
    }
    if (seller.supplies.goods) blocks.push({ kind: "item", text: fill(wording.withdrawalGoods, { seller: name, days: rule.days }) });
    if (seller.supplies.digital) {
      const waived = rule.digital.waivable && input.digitalImmediateSupply === true;
      const template = waived ? wording.withdrawalDigitalWaived : wording.withdrawalDigital;
      blocks.push({ kind: "item", text: fill(template, { seller: name, days: rule.digital.days }) });
    }
  }
  return blocks;
}

function returnPolicyBlocks(input: ContractInput, w: Writer): ContractBlock[] {
  const { wording } = w;
  const blocks: ContractBlock[] = [];
  for (const seller of input.sellers) {
    blocks.push({ kind: "subheading", text: fill(wording.returnPolicy, { seller: w.value(sellerName(seller)) }) });
    const policy = cleanForeignText(seller.returnPolicy);
    if (!policy) blocks.push({ kind: "paragraph", text: wording.noReturnPolicy });
    else for (const paragraph of policy.split(/\n{2,}/)) blocks.push({ kind: "quote", text: paragraph });
  }
  return blocks;
}

function blockText(block: ContractBlock): string {
  switch (block.kind) {
    case "paragraph":
      return block.text;
    case "item":
      return `- ${block.text}`;
    case "subheading":
      return `### ${block.text}`;
    case "quote":
      return block.text
        .split("\n")
        .map((line) => (line ? `> ${line}` : ">"))
        .join("\n");
  }
}

function blocksText(blocks: readonly ContractBlock[]): string {
  let out = "";
  blocks.forEach((block, index) => {
    if (index > 0) out += block.kind === "item" && blocks[index - 1]!.kind === "item" ? "\n" : "\n\n";
    out += blockText(block);
  });
  return out;
}

/** The contract text and its structure for one order. Throws `ContractInputError` for an order without sellers. */
export function renderContract(input: ContractInput): RenderedContract {
  if (input.sellers.length === 0) throw new ContractInputError("a contract needs at least one seller");
  const { terms } = input;
  const locale = terms.locale;
  const w = writerFor(locale);
  const rule = withdrawalRule(terms.jurisdiction);
  const parsed = parseTerms(terms.source, `${terms.id}/${locale}`);

  const generated: Record<Placeholder, ContractBlock[]> = {
    parties: partiesBlocks(input, locale, w),
    withdrawal: withdrawalBlocks(input, rule, w),
    returnPolicies: returnPolicyBlocks(input, w),
  };
  const expand = (blocks: readonly TermsBlock[]): ContractBlock[] =>
    blocks.flatMap((block) => (block.kind === "placeholder" ? generated[block.name] : [block]));

  const preamble = expand(parsed.preamble);
  const sections = parsed.sections.map((section) => ({ heading: section.heading, blocks: expand(section.blocks) }));
  const parts = [`# ${parsed.title}`];
  if (preamble.length) parts.push(blocksText(preamble));
  for (const section of sections) {
    parts.push(`## ${section.heading}`);
    if (section.blocks.length) parts.push(blocksText(section.blocks));
  }
  return {
    termsVersionId: terms.id,
    jurisdiction: terms.jurisdiction,
    locale,
    fallback: terms.fallback,
    withdrawal: rule,
    title: parsed.title,
    preamble,
    sections,
    text: normalizeDocument(parts.join("\n\n")),
  };
}

/**
 * The direction a paragraph reads in by its first strong character (UAX #9 rules P2-P3),
 * for text in any language (a seller's policy quoted in an Arabic contract); `fallback`
 * when it has none.
 */
export function paragraphDirection(text: string, fallback: "ltr" | "rtl"): "ltr" | "rtl" {
  const strong = /\p{L}/u.exec(text)?.[0];
  if (!strong) return fallback;
  return RIGHT_TO_LEFT_SCRIPT.test(strong) ? "rtl" : "ltr";
}

const RIGHT_TO_LEFT_SCRIPT = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Adlam}]/u;

/**
 * The structure of a rendered contract text (`RenderedContract.text`, or the text an
 * evidence record kept): what a durable copy lays out. The inverse of the serialisation
 * above: `> ` lines are a quote, `### ` a sub-heading, `- ` an item.
 */
export function parseContractText(text: string): Pick<RenderedContract, "title" | "preamble" | "sections"> {
  const lines = normalizeDocument(text).split("\n");
  let title = "";
  const preamble: ContractBlock[] = [];
  const sections: ContractSection[] = [];
  let paragraph: string[] = [];
  let quote: string[] = [];
  const target = () => sections.at(-1)?.blocks ?? preamble;
  const flush = () => {
    if (paragraph.length) target().push({ kind: "paragraph", text: paragraph.join("\n") });
    if (quote.length) target().push({ kind: "quote", text: quote.join("\n") });
    paragraph = [];
    quote = [];
  };
  for (const line of lines) {
    if (line === ">" || line.startsWith("> ")) {
      if (paragraph.length) flush();
      quote.push(line.slice(2));
    } else if (line.trim() === "") flush();
    else if (!title && line.startsWith("# ")) title = line.slice(2);
    else if (line.startsWith("## ")) {
      flush();
      sections.push({ heading: line.slice(3), blocks: [] });
    } else if (line.startsWith("### ")) {
      flush();
      target().push({ kind: "subheading", text: line.slice(4) });
    } else if (line.startsWith("- ")) {
      flush();
      target().push({ kind: "item", text: line.slice(2) });
    } else {
      if (quote.length) flush();
      paragraph.push(line);
    }
  }
  flush();
  return { title, preamble, sections };
}
