/**
 * Reads the European Central Bank's daily reference-rate XML (eurofxref-daily.xml):
 *   <Cube><Cube time="2026-11-27"><Cube currency="USD" rate="1.0824"/>...</Cube></Cube>
 * A small, strict parser: no XML library, no network.
 */
import { isCurrencyCode } from "@/lib/domain/money";
import type { EurRate } from "./table";

export class EcbFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EcbFormatError";
  }
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** A positive decimal: digits, an optional fraction, and at least one non-zero digit. */
const RATE = /^(?=[\d.]*[1-9])\d+(\.\d+)?$/;

/** Returns every (date, currency, rate) in the document; currencies we do not know are skipped. */
export function parseEcbXml(xml: string): EurRate[] {
  if (!/<gesmes:Envelope|<Envelope/.test(xml)) throw new EcbFormatError("Not an ECB reference-rate document");
  const out: EurRate[] = [];
  const dayPattern = /<Cube\s+time=['"]([^'"]+)['"]\s*>([\s\S]*?)<\/Cube>\s*(?=<Cube\s+time=|<\/Cube>)/g;
  for (const day of xml.matchAll(dayPattern)) {
    const date = day[1] ?? "";
    if (!DATE.test(date)) throw new EcbFormatError(`Bad date in ECB document: ${date}`);
    for (const entry of (day[2] ?? "").matchAll(/<Cube\s+currency=['"]([A-Z]{3})['"]\s+rate=['"]([^'"]*)['"]\s*\/>/g)) {
      const currency = entry[1] ?? "";
      const rate = entry[2] ?? "";
      if (!RATE.test(rate)) throw new EcbFormatError(`Bad rate for ${currency}: ${rate}`);
      if (isCurrencyCode(currency)) out.push({ quote: currency, rate, date, source: "ECB" });
    }
  }
  if (out.length === 0) throw new EcbFormatError("The ECB document holds no rates");
  return out;
}
