/**
 * A large catalogue made from a seed value: sellers across the store's markets and
 * other origin countries, and products written from the multilingual vocabulary, in
 * the same shapes as the demo catalogue. Pure: the same count and seed give the same
 * sellers and products, in the same order, on every machine.
 */
import { LOCALES, type Locale } from "@/lib/domain/markets";
import { decimalsOf } from "@/lib/domain/money";
import { CATEGORIES } from "./categories";
import type { SeedProduct, SeedSeller, SeedVariant } from "./types";
import {
  CATEGORY_WORDS,
  ORIGIN_LABEL,
  QUESTIONS_WELCOME,
  SELLER_BIO,
  SELLER_COUNTRIES,
  SHIPS_SOON,
  SOLD_BY,
  TRADE_NAMES,
  UNITS_PER_EUR,
  type CategoryWords,
  type Noun,
  type Term,
} from "./vocabulary";

export interface GeneratedCatalogue {
  sellers: SeedSeller[];
  /** The products, `batchSize` at a time, generated lazily so 100,000 never sit in memory at once. */
  batches: () => Generator<SeedProduct[]>;
}

/** Share of listings a marketplace's operators pick for the home page. */
export const FEATURED_SHARE = 0.01;
/** Share of physical variants currently sold out. */
const SOLD_OUT_SHARE = 0.12;
/** Digital goods never run out; their stock is a large constant like the demo catalogue's. */
const DIGITAL_STOCK = 100_000;

/** sfc32 seeded through splitmix32: small, fast and identical on every platform. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  const next32 = () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = next32(), b = next32(), c = next32(), d = next32();
  return () => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t / 4294967296;
  };
}

type Rng = () => number;
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;
const between = (rng: Rng, min: number, max: number) => min + rng() * (max - min);

/** ASCII kebab-case, for slugs and handles. */
export function kebab(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .replace(/ß/g, "ss")
    .replace(/[łŁ]/g, "l")
    .replace(/[øØ]/g, "o")
    .replace(/[åÅ]/g, "a")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

const countryNames = new Map<Locale, Intl.DisplayNames>(LOCALES.map((l) => [l, new Intl.DisplayNames([l], { type: "region" })]));
const countryName = (locale: Locale, country: string) => countryNames.get(locale)!.of(country) ?? country;
const LIST_SEPARATOR: Partial<Record<Locale, string>> = { ja: "、", "zh-CN": "、", ar: "، " };
const fill = (template: string, values: Record<string, string>) => template.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? "");

/** How many sellers a catalogue of `count` products has: a few hundred at 100,000, fewer below. */
export function sellerCountFor(count: number): number {
  return Math.max(12, Math.min(300, Math.ceil(count / 300)));
}

function shuffled<T>(rng: Rng, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Sellers, and the categories each one trades in. */
function generateSellers(rng: Rng, count: number): { sellers: SeedSeller[]; categoriesOf: Map<string, CategoryWords[]> } {
  const categoriesOf = new Map<string, CategoryWords[]>();
  const perCountry = new Map<string, number>();
  const sellers: SeedSeller[] = [];
  for (let i = 0; i < count; i++) {
    // Every origin country first, then at random, so even a small catalogue spans them all.
    const origin = i < SELLER_COUNTRIES.length ? SELLER_COUNTRIES[i]! : pick(rng, SELLER_COUNTRIES);
    const k = perCountry.get(origin.country) ?? 0;
    perCountry.set(origin.country, k + 1);
    const language = origin.languages[0]!;
    const trade = TRADE_NAMES[language];
    const place = origin.places[k % origin.places.length]!;
    const [word, ascii] = trade.words[Math.floor(k / origin.places.length) % trade.words.length]!;
    const round = Math.floor(k / (origin.places.length * trade.words.length));
    const name = (trade.before ? `${word} ${place}` : `${place} ${word}`) + (round > 0 ? ` ${round + 1}` : "");
    const categories = shuffled(rng, CATEGORY_WORDS).slice(0, 1 + Math.floor(rng() * 3));
    const bio: SeedSeller["bio"] = {};
    for (const l of new Set<Locale>([language, "en", ...origin.languages])) {
      const range = categories.map((c) => CATEGORIES.find((x) => x.id === c.categoryId)!.names[l]).join(LIST_SEPARATOR[l] ?? ", ");
      bio[l] = fill(SELLER_BIO[l], { name, country: countryName(l, origin.country), range });
    }
    sellers.push({
      id: `sel_g${String(i + 1).padStart(3, "0")}_${origin.country.toLowerCase()}`,
      handle: `${kebab(`${place} ${ascii}`)}-${i + 1}`,
      name,
      country: origin.country,
      currency: origin.currency,
      languages: [...origin.languages],
      bio,
      ...(rng() < 0.05 ? { incoterm: "DAP" as const } : {}),
    });
    categoriesOf.set(sellers[i]!.id, categories);
  }
  return { sellers, categoriesOf };
}

/** A price in the currency's minor units, rounded the way shops in that currency price things. */
export function localPrice(rng: Rng, eur: number, currency: string): number {
  const decimals = decimalsOf(currency);
  const major = eur * (UNITS_PER_EUR[currency] ?? 1);
  const unit = 10 ** decimals;
  if (decimals === 0) {
    const step = major < 1000 ? 10 : major < 100_000 ? 100 : 1000;
    return Math.max(step, Math.round(major / step) * step);
  }
  if (decimals === 3) return Math.max(50, Math.round((major * unit) / 50) * 50);
  if (major >= 10_000) {
    const step = 10 ** Math.floor(Math.log10(major) - 1);
    return Math.round(major / step) * step * unit;
  }
  if (major >= 1000) return Math.round(major / 10) * 10 * unit;
  const whole = Math.max(1, Math.round(major));
  // Charm prices (x.99, x.90) on a good share of small amounts, as shops do.
  const cents = rng() < 0.5 ? -1 : rng() < 0.5 ? -10 : 0;
  return whole * unit + cents;
}

/** The other locales a listing is translated into: English usually, the seller's other languages, then popular ones. */
function otherLocales(rng: Rng, seller: SeedSeller): Locale[] {
  const original = seller.languages[0]!;
  const wanted = rng() < 0.3 ? 1 : rng() < 0.65 ? 2 : 3;
  const chosen: Locale[] = [];
  if (original !== "en" && rng() < 0.9) chosen.push("en");
  for (const l of seller.languages.slice(1)) if (chosen.length < wanted && !chosen.includes(l) && rng() < 0.7) chosen.push(l);
  const popular: Locale[] = ["de", "fr", "es", "en", "ja", "zh-CN", "pt-BR", "ar"];
  while (chosen.length < wanted) {
    const l = rng() < 0.6 ? pick(rng, popular.slice(0, 4)) : pick(rng, popular);
    if (l !== original && !chosen.includes(l)) chosen.push(l);
  }
  return chosen.slice(0, wanted);
}

function title(locale: Locale, words: CategoryWords, noun: Noun, material: Term | undefined, quality: Term): string {
  const n = noun.name[locale];
  const m = material?.[locale];
  const q = quality[locale];
  switch (locale) {
    case "en":
      return words.qualityAfter ? `${m ? `${m} ` : ""}${n}: ${q}` : `${q} ${m ? `${m} ` : ""}${n}`;
    case "ja":
      return `${m ? `${m}の` : ""}${n}【${q}】`;
    case "zh-CN":
      return `${q}${m ?? ""}${n}`;
    case "ar":
      return `${n}${m ? ` ${m}` : ""} – ${q}`;
    default:
      return `${n}${m ? ` ${m}` : ""}, ${q}`;
  }
}

function description(locale: Locale, words: CategoryWords, heading: string, seller: SeedSeller, extra: Term): string {
  const origin = countryName(locale, seller.country);
  const colon = locale === "ja" || locale === "zh-CN" ? "：" : locale === "fr" ? " : " : ": ";
  const stop = locale === "ja" || locale === "zh-CN" ? "。" : ".";
  const join = locale === "ja" || locale === "zh-CN" ? "" : " ";
  const headingStop = /[.。!?]$/.test(heading) ? heading : `${heading}${stop}`;
  return [headingStop, words.about[locale], `${ORIGIN_LABEL[locale]}${colon}${origin}${stop}`, extra[locale], fill(SOLD_BY[locale], { seller: seller.name }).replace(/\.\.$/, ".")].join(join);
}

function product(rng: Rng, n: number, seller: SeedSeller, categories: readonly CategoryWords[]): SeedProduct {
  const words = pick(rng, categories);
  const noun = pick(rng, words.nouns);
  const materialKey = noun.materials.length && rng() < 0.85 ? pick(rng, noun.materials) : undefined;
  const material = materialKey ? words.materials[materialKey] : undefined;
  const quality = pick(rng, words.qualities);
  const original = seller.languages[0]!;
  const locales = [original, ...otherLocales(rng, seller)];
  const physical = words.kind === "PHYSICAL";
  const extra = physical ? SHIPS_SOON : QUESTIONS_WELCOME;

  const translations: SeedProduct["translations"] = {};
  for (const l of locales) {
    const t = title(l, words, noun, material, quality);
    translations[l] = { title: t, description: description(l, words, t, seller, extra) };
  }

  const optionCount = rng() < 0.45 ? 1 : rng() < 0.65 ? 2 : 3;
  const options = words.options.slice(0, Math.min(optionCount, words.options.length));
  const basePrice = between(rng, noun.eur[0], noun.eur[1]);
  const id = String(n).padStart(6, "0");
  const skuStem = `${seller.country}-${words.code}-G${id}`;
  const variants: SeedVariant[] = options.map((option, i) => {
    const name: SeedVariant["name"] = {};
    if (options.length > 1) for (const l of new Set<Locale>([...locales, "en"])) name[l] = option.name[l];
    return {
      sku: options.length > 1 ? `${skuStem}-${i + 1}` : skuStem,
      name,
      priceMinor: localPrice(rng, basePrice * option.factor, seller.currency),
      stock: physical ? (rng() < SOLD_OUT_SHARE ? 0 : 1 + Math.floor(rng() * rng() * 200)) : DIGITAL_STOCK,
    };
  });

  const base = {
    id: `prd_g${id}`,
    // The English title names the goods for every market; the number keeps slugs unique.
    slug: `${kebab(title("en", words, noun, material, quality))}-${n}`,
    sellerId: seller.id,
    categoryId: words.categoryId,
    kind: words.kind,
    taxCategory: words.taxCategory,
    originCountry: seller.country,
    originalLocale: original,
    ...(rng() < FEATURED_SHARE ? { featured: true } : {}),
    translations,
    variants,
  };
  if (!physical) return base;
  const scale = between(rng, 0.8, 1.2);
  const [l, w, h] = noun.mm!;
  return {
    ...base,
    hsCode: (materialKey && noun.hsByMaterial?.[materialKey]) ?? noun.hsCode ?? Object.values(noun.hsByMaterial ?? {})[0],
    weightGrams: Math.round(between(rng, noun.grams![0], noun.grams![1])),
    dimensionsMm: { length: Math.round(l * scale), width: Math.round(w * scale), height: Math.max(5, Math.round(h * scale)) },
  };
}

/**
 * `count` products (beyond the demo catalogue) and the sellers offering them, from
 * `seed`. Products are spread unevenly over sellers, as on a real marketplace: a few
 * large shops and many small ones.
 */
export function generateCatalogue(options: { count: number; seed: number; batchSize?: number }): GeneratedCatalogue {
  const { count, seed, batchSize = 2000 } = options;
  if (!Number.isInteger(count) || count < 0) throw new Error(`count must be a whole number, got ${count}`);
  const rng = random(seed);
  const { sellers, categoriesOf } = generateSellers(rng, sellerCountFor(count));
  const weights = sellers.map(() => 1 + Math.floor(rng() * rng() * 40));
  const cumulative: number[] = [];
  weights.reduce((sum, w, i) => (cumulative[i] = sum + w), 0);
  const total = cumulative[cumulative.length - 1]!;
  const productSeed = Math.floor(rng() * 2 ** 32);

  function* batches(): Generator<SeedProduct[]> {
    // A fresh stream per pass, so iterating twice gives the same products.
    const productRng = random(productSeed);
    for (let start = 0; start < count; start += batchSize) {
      const batch: SeedProduct[] = [];
      for (let n = start + 1; n <= Math.min(count, start + batchSize); n++) {
        const r = productRng() * total;
        let lo = 0;
        let hi = cumulative.length - 1;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (cumulative[mid]! > r) hi = mid;
          else lo = mid + 1;
        }
        const seller = sellers[lo]!;
        batch.push(product(productRng, n, seller, categoriesOf.get(seller.id)!));
      }
      yield batch;
    }
  }
  return { sellers, batches };
}
