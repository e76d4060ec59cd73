/**
 * A shipping estimate for one seller's parcel, until sellers publish their own rates:
 * a base charge plus a charge per started 500 g, by distance zone, in euro cents.
 * Digital goods ship for free. Deliberately simple and documented: the landed-cost
 * engine treats it like any seller-quoted shipping charge.
 */
import type { Money } from "@/lib/domain/money";
import { EU_MEMBER_STATES } from "@/lib/domain/trade/countries";
import { deliveryOptions } from "./options";

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


export function shippingZone(origin: string, destination: string): ShippingZone {
  if (origin === destination) return "DOMESTIC";
  return REGIONS.some((region) => region.includes(origin) && region.includes(destination)) ? "REGIONAL" : "INTERNATIONAL";
}

/** Estimated shipping in EUR for a parcel weighing `weightGrams` (0 for digital-only parcels). */
/** The standard service's price (lib/domain/shipping/options): what browse pages and the cart quote. */
export function estimateShippingEur(origin: string, destination: string, weightGrams: number): Money {
  const standard = deliveryOptions(origin, destination, weightGrams).find((o) => o.service === "STANDARD");
  return standard?.price ?? { amountMinor: 0, currency: "EUR" };
}
