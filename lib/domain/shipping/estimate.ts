/**
 * A shipping estimate for one seller's parcel, until sellers publish their own rates:
 * a base charge plus a charge per started 500 g, by distance zone, in euro cents.
 * Digital goods ship for free. Deliberately simple and documented: the landed-cost
 * engine treats it like any seller-quoted shipping charge.
 */
import type { Money } from "@/lib/domain/money";
import { EU_MEMBER_STATES } from "@/lib/domain/trade/countries";

export type ShippingZone = "DOMESTIC" | "REGIONAL" | "INTERNATIONAL";

/** Groups whose members ship to each other at regional rates. */
const REGIONS: readonly (readonly string[])[] = [
  // EU single market plus close neighbours with fast road links.
  [...EU_MEMBER_STATES, "CH", "GB", "NO"],
  ["US", "CA", "MX"],
  ["JP", "KR", "CN"],
  ["AE", "KW", "SA", "QA", "OM", "BH"],
  ["AU", "NZ"],
];

/** Euro cents: base charge, and each started 500 g. */
export const SHIPPING_TABLE: Record<ShippingZone, { base: number; per500g: number }> = {
  DOMESTIC: { base: 490, per500g: 100 },
  REGIONAL: { base: 990, per500g: 250 },
  INTERNATIONAL: { base: 1490, per500g: 450 },
};

export function shippingZone(origin: string, destination: string): ShippingZone {
  if (origin === destination) return "DOMESTIC";
  return REGIONS.some((region) => region.includes(origin) && region.includes(destination)) ? "REGIONAL" : "INTERNATIONAL";
}

/** Estimated shipping in EUR for a parcel weighing `weightGrams` (0 for digital-only parcels). */
export function estimateShippingEur(origin: string, destination: string, weightGrams: number): Money {
  if (!Number.isInteger(weightGrams) || weightGrams < 0) throw new RangeError(`Bad parcel weight: ${weightGrams}`);
  if (weightGrams === 0) return { amountMinor: 0, currency: "EUR" };
  const { base, per500g } = SHIPPING_TABLE[shippingZone(origin, destination)];
  return { amountMinor: base + per500g * Math.ceil(weightGrams / 500), currency: "EUR" };
}
