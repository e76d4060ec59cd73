/**
 * The seller panel's view of their parcels, without I/O: the status a seller works
 * from, the list's filters as read from the query string, the page arithmetic, the
 * parcel's landed-cost breakdown as the order's stored quote priced it, and the
 * buyer's ship-to details masked once the seller no longer needs them.
 */
import { z } from "zod";
import { addressFormat, isAddressCountry, regionName, scriptOf, type Address } from "@/lib/domain/address";
import { isCurrencyCode, money, type Money } from "@/lib/domain/money";

/**
 * A sub-order as its seller sees it:
 * - PAID: paid, to be shipped;
 * - DELIVERED: the carrier delivered it;
 * - REFUNDED: the buyer was refunded for this parcel, in part or in full;
 * - CANCELLED: the order ended after all (kept for completeness: a paid order is not cancelled).
 */
export const SELLER_ORDER_STATUSES = ["PAID", "DELIVERED", "REFUNDED", "CANCELLED"] as const;
export type SellerOrderStatus = (typeof SELLER_ORDER_STATUSES)[number];

export function isSellerOrderStatus(value: unknown): value is SellerOrderStatus {
  return typeof value === "string" && (SELLER_ORDER_STATUSES as readonly string[]).includes(value);
}

export function sellerOrderStatus(input: { orderStatus: string; deliveredAt: Date | null; refundedMinor: number }): SellerOrderStatus {
  if (input.orderStatus === "CANCELLED") return "CANCELLED";
  if (input.orderStatus === "REFUNDED" || input.refundedMinor > 0) return "REFUNDED";
  if (input.deliveredAt) return "DELIVERED";
  return "PAID";
}

// ---------------------------------------------------------------- filters and pages

export const ORDERS_PAGE_SIZE = 20;
const MAX_PAGE = 10_000;

export interface OrderFilters {
  status: SellerOrderStatus | null;
  /** ISO 3166-1 alpha-2, upper case. */
  destination: string | null;
  /** 1-based. */
  page: number;
}

const one = (value: unknown): string | undefined => (Array.isArray(value) ? (typeof value[0] === "string" ? value[0] : undefined) : typeof value === "string" ? value : undefined);

/**
 * The list's filters from a GET form's query. Anything that is not a known status, a
 * two-letter country or a page number in range is ignored (the unfiltered list), so a
 * hand-edited link never errors.
 */
export function parseOrderFilters(query: Record<string, unknown>): OrderFilters {
  const status = one(query.status);
  const destination = one(query.destination)?.trim().toUpperCase();
  const page = one(query.page);
  const number = page && /^\d{1,6}$/.test(page) ? Number(page) : 1;
  return {
    status: isSellerOrderStatus(status) ? status : null,
    destination: destination && /^[A-Z]{2}$/.test(destination) ? destination : null,
    page: number >= 1 && number <= MAX_PAGE ? number : 1,
  };
}

export function pageCount(total: number, size = ORDERS_PAGE_SIZE): number {
  return Math.max(1, Math.ceil(total / size));
}

/** The query string of the list with `changes` applied (the pagination links keep the filters). */
export function filtersQuery(filters: OrderFilters, changes: Partial<OrderFilters> = {}): string {
  const next = { ...filters, ...changes };
  const params = new URLSearchParams();
  if (next.status) params.set("status", next.status);
  if (next.destination) params.set("destination", next.destination);
  if (next.page > 1) params.set("page", String(next.page));
  const text = params.toString();
  return text ? `?${text}` : "";
}

// ---------------------------------------------------------------- the parcel's landed cost

export interface ParcelBreakdown {
  incoterm: "DDP" | "DAP";
  regime: string;
  goods: Money;
  shipping: Money;
  duty: Money;
  /** Import fees (customs clearance, handling), beside duty. */
  fees: Money;
  tax: Money;
  total: Money;
  /** What the buyer paid at checkout for the parcel (DDP: everything; DAP: goods, shipping and tax collected at sale). */
  dueAtCheckout: Money;
  /** DAP: what the carrier collects from the buyer on delivery (an estimate at the time of the quote). */
  dueOnDelivery: Money;
}

const storedMoney = z.object({ amountMinor: z.number().int(), currency: z.string().refine(isCurrencyCode) });
const storedParcel = z.object({
  index: z.number().int(),
  incoterm: z.enum(["DDP", "DAP"]),
  regime: z.string(),
  goods: storedMoney,
  shipping: storedMoney,
  duty: storedMoney,
  fees: storedMoney,
  tax: storedMoney,
  total: storedMoney,
  dueAtCheckout: storedMoney,
  dueOnDelivery: storedMoney,
});

/** The parcel at `position` of an order's stored quote; null when the quote does not hold it in the expected shape. */
export function parcelBreakdown(quote: unknown, position: number): ParcelBreakdown | null {
  const parcels = (quote as { parcels?: unknown } | null)?.parcels;
  if (!Array.isArray(parcels)) return null;
  const found = parcels.find((p) => (p as { index?: unknown } | null)?.index === position);
  const parsed = storedParcel.safeParse(found);
  if (!parsed.success) return null;
  const p = parsed.data;
  const m = (x: { amountMinor: number; currency: string }) => money(x.amountMinor, x.currency);
  return {
    incoterm: p.incoterm,
    regime: p.regime,
    goods: m(p.goods),
    shipping: m(p.shipping),
    duty: m(p.duty),
    fees: m(p.fees),
    tax: m(p.tax),
    total: m(p.total),
    dueAtCheckout: m(p.dueAtCheckout),
    dueOnDelivery: m(p.dueOnDelivery),
  };
}

// ---------------------------------------------------------------- masking

const BULLETS = "\u2022\u2022\u2022";

/** A word as its first character (a whole code point, so 山 or an emoji stays whole) and bullets. */
function maskWord(word: string): string {
  const first = Array.from(word)[0];
  return first ? `${first}${BULLETS}` : "";
}

/**
 * The masked ship-to of a stored address: its name, its town, and its region by name
 * (a Japanese address has no town line; its prefecture is stored as a code, "26").
 */
export function maskStoredShipTo(country: string, address: Record<string, string> | null | undefined): string {
  const region = address?.region;
  let regionText = region;
  if (region && isAddressCountry(country)) {
    const script = scriptOf({ ...address, country } as unknown as Address);
    const found = addressFormat(country, script).regions?.find((candidate) => candidate.code === region);
    if (found) regionText = regionName(found, script);
  }
  return maskShipTo({ name: address?.name, city: address?.city, region: regionText, country });
}

/**
 * The ship-to as a seller sees it outside the window of lib/domain/privacy (after delivery
 * plus the returns period, or once refunded or cancelled):
 * the name's initials, the town and the country, nothing that finds the buyer's door
 * ("J••• D•••, Osaka, JP"). No street, postal code or phone.
 */
export function maskShipTo(input: { name?: string | null; city?: string | null; region?: string | null; country: string }): string {
  const name = (input.name ?? "").trim().split(/\s+/u).filter(Boolean).map(maskWord).join(" ");
  const place = (input.city ?? "").trim() || (input.region ?? "").trim();
  return [name, place, input.country.toUpperCase()].filter(Boolean).join(", ");
}
