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
export const MAX_PAGE = 500;

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

/** Parses a major-unit amount typed by a buyer ("12", "12.5") into minor units; anything else is undefined. */
export function parsePriceBound(raw: string | null, currency: CurrencyCode): number | undefined {
  if (raw === null) return undefined;
  const match = /^\s*(\d{1,9})(?:[.,](\d+))?\s*$/.exec(raw);
  if (!match) return undefined;
  const decimals = decimalsOf(currency);
  const fraction = (match[2] ?? "").slice(0, decimals).padEnd(decimals, "0");
  const minor = Number((match[1] ?? "0") + fraction);
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
