/**
 * Delivery services a seller's parcel can ship with, as data: for each lane between
 * the seller's origin and the buyer's destination (same country, same region, or
 * between regions), a price (a base plus each started 500 g, in euro cents) and a
 * delivery estimate in business days. Standard is what the browse pages quote;
 * express is faster and dearer. Digital-only parcels have no delivery option.
 *
 * The numbers are the store's published tariff until sellers publish their own; the
 * landed-cost engine treats the chosen price like any seller-quoted shipping charge.
 */
import type { Money } from "@/lib/domain/money";
import { shippingZone, type ShippingZone } from "./estimate";

export const DELIVERY_SERVICES = ["STANDARD", "EXPRESS"] as const;
export type DeliveryService = (typeof DELIVERY_SERVICES)[number];

export interface ServiceRate {
  /** Euro cents: the base charge and each started 500 g. */
  base: number;
  per500g: number;
  /** Business days from dispatch to delivery. */
  days: { min: number; max: number };
}

export const DELIVERY_TABLE: Record<ShippingZone, Record<DeliveryService, ServiceRate>> = {
  DOMESTIC: {
    STANDARD: { base: 490, per500g: 100, days: { min: 1, max: 3 } },
    EXPRESS: { base: 990, per500g: 150, days: { min: 1, max: 2 } },
  },
  REGIONAL: {
    STANDARD: { base: 990, per500g: 250, days: { min: 3, max: 6 } },
    EXPRESS: { base: 1990, per500g: 400, days: { min: 1, max: 3 } },
  },
  INTERNATIONAL: {
    STANDARD: { base: 1490, per500g: 450, days: { min: 6, max: 14 } },
    EXPRESS: { base: 3490, per500g: 700, days: { min: 2, max: 5 } },
  },
};

export interface DeliveryOption {
  service: DeliveryService;
  zone: ShippingZone;
  price: Money;
  days: { min: number; max: number };
}

function priceOf(rate: ServiceRate, weightGrams: number): Money {
  return { amountMinor: rate.base + rate.per500g * Math.ceil(weightGrams / 500), currency: "EUR" };
}

/** The services a parcel of `weightGrams` can take from `origin` to `destination`, cheapest first; none for 0 g (digital). */
export function deliveryOptions(origin: string, destination: string, weightGrams: number): DeliveryOption[] {
  if (!Number.isInteger(weightGrams) || weightGrams < 0) throw new RangeError(`Bad parcel weight: ${weightGrams}`);
  if (weightGrams === 0) return [];
  const zone = shippingZone(origin, destination);
  return DELIVERY_SERVICES.map((service) => {
    const rate = DELIVERY_TABLE[zone][service];
    return { service, zone, price: priceOf(rate, weightGrams), days: rate.days };
  });
}

export function isDeliveryService(value: unknown): value is DeliveryService {
  return typeof value === "string" && (DELIVERY_SERVICES as readonly string[]).includes(value);
}

/** The option for `service`, or the standard one when the choice is absent or unknown. */
export function chosenOption(options: readonly DeliveryOption[], service: unknown): DeliveryOption | null {
  return options.find((o) => o.service === service) ?? options.find((o) => o.service === "STANDARD") ?? null;
}
