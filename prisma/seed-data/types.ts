/** Shapes of the deterministic seed catalogue. Prices are integer minor units of the seller's currency. */
import type { Locale } from "@/lib/domain/markets";

export type Localized = Partial<Record<Locale, string>>;

export interface SeedSeller {
  id: string;
  handle: string;
  name: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  /** ISO 4217; the seller prices every product in it. */
  currency: string;
  /** Store locales the seller writes in; the first is the language of their original listings. */
  languages: Locale[];
  /** A one-paragraph introduction, at least in the seller's language and English. */
  bio: Localized;
  /** The seller's own incoterm for every destination, overriding each market's default. */
  incoterm?: "DDP" | "DAP";
}

export interface SeedCategory {
  id: string;
  slug: string;
  position: number;
  /** The category's name in all eight locales. */
  names: Record<Locale, string>;
}

export interface SeedVariant {
  sku: string;
  /** Variant label ("250 g", "EPUB") per locale; empty object for a single-variant product. */
  name: Localized;
  /** Minor units of the seller's currency, net of destination taxes. */
  priceMinor: number;
  stock: number;
}

export interface SeedProduct {
  id: string;
  slug: string;
  sellerId: string;
  categoryId: string;
  kind: "PHYSICAL" | "DIGITAL";
  taxCategory: "STANDARD" | "BOOK" | "EBOOK";
  /** 6 to 10 digits for physical goods; undefined for digital goods. */
  hsCode?: string;
  originCountry: string;
  /** The seller's language, in which the listing was written. */
  originalLocale: Locale;
  weightGrams?: number;
  dimensionsMm?: { length: number; width: number; height: number };
  featured?: boolean;
  /** Title and description per locale: the original locale plus at least two more. */
  translations: Partial<Record<Locale, { title: string; description: string }>>;
  variants: SeedVariant[];
}
