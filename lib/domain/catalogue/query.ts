/**
 * Catalogue filters: parsed from untrusted query parameters, normalised (nonsense is
 * dropped or clamped, never an error), and encoded as path segments so each filtered
 * listing is a cacheable static page (see docs/adr/0004).
 */
import { decimalsOf, type CurrencyCode } from "@/lib/domain/money";

export const SORTS = ["featured", "newest", "price-asc", "price-desc"] as const;
export type Sort = (typeof SORTS)[number];
export const KINDS = ["physical", "digital"] as const;
export type Kind = (typeof KINDS)[number];
export const PAGE_SIZE = 12;
/** Pagination reaches this far (100 pages of 12); past it a buyer narrows the listing. */
export const MAX_PAGE = 100;

export interface CatalogueQuery {
  category?: string;
  /** ISO 3166-1 alpha-2 country of origin. */
  origin?: string;
  kind?: Kind;
  /** Inclusive bounds in minor units of the buyer's currency. */
  minMinor?: number;
  maxMinor?: number;
  sort: Sort;
  page: number;
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const COUNTRY = /^[A-Za-z]{2}$/;

type Params = { get(name: string): string | null };

/**
 * Parses a major-unit amount typed by a buyer into minor units; anything else is
 * undefined. Accepts full-width digits (typed with a Japanese or Chinese input method),
 * a comma or a point as the decimal mark, and grouping marks: "1,000" and "1.000" are a
 * thousand (one separator followed by exactly three digits is a thousands separator,
 * except in three-decimal currencies, where it is the decimal mark), "1,234.50" and
 * "1.234,50" use the last mark as the decimal one, "12,5" is twelve and a half.
 */
export function parsePriceBound(raw: string | null, currency: CurrencyCode): number | undefined {
  if (raw === null) return undefined;
  const text = raw.normalize("NFKC").trim().replace(/[\s\u00a0\u202f'’]/g, "");
  if (!/^\d[\d.,]*$/.test(text) || /[.,]{2}|[.,]$/.test(text)) return undefined;
  const decimals = decimalsOf(currency);
  const marks = [...text.matchAll(/[.,]/g)].map((m) => m.index!);
  let decimalAt = -1;
  if (marks.length > 0) {
    const last = marks[marks.length - 1]!;
    const lastMark = text[last]!;
    const bothKinds = text.includes(".") && text.includes(",");
    const repeated = marks.filter((i) => text[i] === lastMark).length > 1;
    const groupOfThree = text.length - last - 1 === 3 && decimals < 3;
    if (bothKinds) decimalAt = last;
    else if (!repeated && !groupOfThree) decimalAt = last;
    // Grouping marks must group by three.
    const groups = marks.filter((i) => i !== decimalAt);
    const groupEnds = [...groups.slice(1), decimalAt === -1 ? text.length : decimalAt];
    if (groups.some((at, k) => groupEnds[k]! - at - 1 !== 3)) return undefined;
    if (bothKinds && marks.some((i) => i !== decimalAt && text[i] === text[decimalAt]!)) return undefined;
  }
  const whole = (decimalAt === -1 ? text : text.slice(0, decimalAt)).replace(/[.,]/g, "");
  const fractionDigits = decimalAt === -1 ? "" : text.slice(decimalAt + 1);
  if (whole.length > 9) return undefined;
  const fraction = fractionDigits.slice(0, decimals).padEnd(decimals, "0");
  const minor = Number(whole + fraction);
  return Number.isSafeInteger(minor) ? minor : undefined;
}

export function formatPriceBound(minor: number, currency: CurrencyCode): string {
  const decimals = decimalsOf(currency);
  if (decimals === 0) return String(minor);
  const text = String(minor).padStart(decimals + 1, "0");
  const whole = text.slice(0, -decimals);
  const fraction = text.slice(-decimals).replace(/0+$/, "");
  return fraction ? `${whole}.${fraction}` : whole;
}

export function parseCatalogueQuery(params: Params, currency: CurrencyCode): CatalogueQuery {
  const category = params.get("category") ?? undefined;
  const origin = params.get("origin") ?? undefined;
  const kind = params.get("kind") ?? undefined;
  const sort = params.get("sort") ?? undefined;
  const pageNumber = Number(params.get("page"));
  let minMinor = parsePriceBound(params.get("min"), currency);
  let maxMinor = parsePriceBound(params.get("max"), currency);
  if (minMinor !== undefined && maxMinor !== undefined && minMinor > maxMinor) {
    [minMinor, maxMinor] = [maxMinor, minMinor];
  }
  return {
    category: category && SLUG.test(category) ? category : undefined,
    origin: origin && COUNTRY.test(origin) ? origin.toUpperCase() : undefined,
    kind: (KINDS as readonly string[]).includes(kind ?? "") ? (kind as Kind) : undefined,
    minMinor: minMinor === 0 ? undefined : minMinor,
    maxMinor,
    sort: (SORTS as readonly string[]).includes(sort ?? "") ? (sort as Sort) : "featured",
    page: Number.isInteger(pageNumber) && pageNumber >= 1 ? Math.min(pageNumber, MAX_PAGE) : 1,
  };
}

/** Canonical `key=value` pairs, in a fixed order, defaults omitted. */
export function catalogueQueryEntries(query: CatalogueQuery, currency: CurrencyCode): [string, string][] {
  const entries: [string, string][] = [];
  if (query.category) entries.push(["category", query.category]);
  if (query.origin) entries.push(["origin", query.origin]);
  if (query.kind) entries.push(["kind", query.kind]);
  if (query.minMinor !== undefined) entries.push(["min", formatPriceBound(query.minMinor, currency)]);
  if (query.maxMinor !== undefined) entries.push(["max", formatPriceBound(query.maxMinor, currency)]);
  if (query.sort !== "featured") entries.push(["sort", query.sort]);
  if (query.page !== 1) entries.push(["page", String(query.page)]);
  return entries;
}

/** The public query string for a query ("?category=tea&page=2", or "" with no filters). */
export function catalogueSearch(query: CatalogueQuery, currency: CurrencyCode): string {
  const entries = catalogueQueryEntries(query, currency);
  return entries.length ? "?" + new URLSearchParams(entries).toString() : "";
}

/** Path segments carrying the query inside the rewritten, cacheable route. */
export function encodeQuerySegments(query: CatalogueQuery, currency: CurrencyCode): string[] {
  return catalogueQueryEntries(query, currency).map(([key, value]) => `${key}=${encodeURIComponent(value)}`);
}

export function decodeQuerySegments(segments: readonly string[] | undefined, currency: CurrencyCode): CatalogueQuery {
  const params = new URLSearchParams();
  for (const segment of segments ?? []) {
    const decoded = safeDecode(segment);
    const at = decoded.indexOf("=");
    if (at > 0) params.set(decoded.slice(0, at), decoded.slice(at + 1));
  }
  return parseCatalogueQuery(params, currency);
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return "";
  }
}
