/**
 * An address as the lines a label, an order confirmation or an email prints, in the
 * destination country's order and with its punctuation ("〒154-0023", "CH-8001 Zürich",
 * "São Paulo-SP").
 */
import { addressFormat, regionName, type AddressScript } from "./countries";
import type { Address } from "./parse";

/** Letters outside the Latin script (kanji, kana, hangul, Arabic...): such an address prints in the local format. */
const NON_LATIN = /[^\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}]/u;

/** The script an address was written in: local when any of its text is in a non-Latin script. */
export function scriptOf(address: Address): AddressScript {
  const texts = [address.name, address.organization, address.line1, address.line2, address.dependentLocality, address.city];
  return texts.some((text) => text !== undefined && NON_LATIN.test(text)) ? "local" : "latin";
}

export interface AddressLinesOptions {
  /** Default: the script the address is written in (see `scriptOf`). */
  script?: AddressScript;
  /** Printed as the last line when given (international labels end with the country, in English). */
  countryName?: string;
}

/**
 * The address as display lines. Empty fields leave no gap: the punctuation before a
 * missing field goes with it. The phone is not part of the lines.
 */
export function addressLines(address: Address, options: AddressLinesOptions = {}): string[] {
  const script = options.script ?? scriptOf(address);
  const format = addressFormat(address.country, script);
  const region = address.region && format.regions?.find((candidate) => candidate.code === address.region);
  const regionText = !region
    ? address.region
    : format.regionStyle === "code"
      ? region.code
      : format.regionStyle === "abbreviation"
        ? (region.abbreviation ?? region.code)
        : regionName(region, script);
  const value = {
    name: address.name,
    organization: address.organization,
    street: [address.line1, address.line2].filter(Boolean).join("\n"),
    dependentLocality: address.dependentLocality,
    city: address.city,
    region: regionText,
    postalCode: address.postalCode,
  };

  const lines: string[] = [];
  for (const parts of format.lines) {
    let out = "";
    let pending = "";
    let seenField = false;
    for (const part of parts) {
      if ("text" in part) {
        pending += part.text;
        continue;
      }
      const text = value[part.field];
      if (text) {
        // Text before a line's first field is a prefix ("〒", "CH-"); later, a separator,
        // kept only between two printed fields (adjacent fields get a space, except in
        // Chinese and Japanese).
        if (!seenField) out += pending;
        else if (out) out += pending || (format.joinWithoutSpace ? "" : " ");
        out += text;
      }
      pending = "";
      seenField = true;
    }
    for (const line of out.split("\n")) if (line.trim()) lines.push(line.trim());
  }
  if (options.countryName) lines.push(options.countryName);
  return lines;
}
