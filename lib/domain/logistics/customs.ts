/**
 * The customs declaration of one parcel in the UPU layout, without I/O: CN22 when the
 * contents are worth up to 300 SDR (lib/domain/logistics/sdr.ts), CN23 above. Filled
 * from the order: sender and addressee, per item a description (the product's English
 * title, and the seller's language where it differs), HS code, quantity, net weight,
 * value in the order currency and country of origin; the category of item is always
 * "Sale of goods" (the store sells); the gross weight is the parcel's as weighed.
 */
import { convert, money, parseRate, type Money, type Rate } from "@/lib/domain/money";
import { CN22_LIMIT_SDR, SDR_RATE } from "./sdr";

export interface CustomsLineInput {
  titleEn: string;
  /** The title in the seller's language; null or the same as English when there is none. */
  titleSeller: string | null;
  hsCode: string | null;
  originCountry: string;
  /** Units in this parcel, of `orderedQuantity` on the order line. */
  quantity: number;
  orderedQuantity: number;
  /** Units of the line in the sub-order's earlier shipments: parcels of one line add up to its value exactly. */
  shippedBefore?: number;
  /** The line's goods value for all ordered units, minor units of the order currency. */
  goodsMinor: number;
  unitWeightGrams: number | null;
}

export interface CustomsInput {
  sender: { name: string; address: readonly string[]; country: string };
  addressee: { lines: readonly string[]; country: string; phone: string | null };
  currency: string;
  lines: readonly CustomsLineInput[];
  grossWeightGrams: number;
  /** The order currency to EUR at the order's pricing date (the store's ECB rate). */
  toEur: Rate;
}

export interface CustomsItem {
  description: string;
  hsCode: string | null;
  quantity: number;
  netWeightGrams: number;
  value: Money;
  originCountry: string;
}

export interface CustomsDeclaration {
  form: "CN22" | "CN23";
  category: "SALE_OF_GOODS";
  sender: CustomsInput["sender"];
  addressee: CustomsInput["addressee"];
  items: CustomsItem[];
  totalValue: Money;
  totalNetWeightGrams: number;
  grossWeightGrams: number;
  /** The total in SDR, two decimals, and the rate and limit the choice used. */
  valueSdr: string;
  limitSdr: number;
  sdrRate: typeof SDR_RATE;
}

/** The share of a line's goods value for `quantity` of `ordered` units, rounded half away from zero. */
function share(goodsMinor: number, quantity: number, ordered: number): number {
  if (ordered <= 0) return 0;
  const n = goodsMinor * quantity;
  const q = Math.trunc(n / ordered);
  const r = n - q * ordered;
  return 2 * Math.abs(r) >= ordered ? q + Math.sign(n) : q;
}

export function describeItem(titleEn: string, titleSeller: string | null): string {
  return titleSeller && titleSeller.trim() !== "" && titleSeller !== titleEn ? `${titleEn} / ${titleSeller}` : titleEn;
}

/** The value in SDR as an exact fraction of EUR cents: `eurMinor / (100 * eurPerSdr)`. */
function sdrOf(eur: Money): { numerator: bigint; denominator: bigint } {
  const perSdr = parseRate("EUR", "EUR", SDR_RATE.eurPerSdr);
  return { numerator: BigInt(eur.amountMinor) * perSdr.denominator, denominator: 100n * perSdr.numerator };
}

export function customsDeclaration(input: CustomsInput): CustomsDeclaration {
  const items: CustomsItem[] = input.lines.map((l) => ({
    description: describeItem(l.titleEn, l.titleSeller),
    hsCode: l.hsCode,
    quantity: l.quantity,
    netWeightGrams: (l.unitWeightGrams ?? 0) * l.quantity,
    value: money(share(l.goodsMinor, (l.shippedBefore ?? 0) + l.quantity, l.orderedQuantity) - share(l.goodsMinor, l.shippedBefore ?? 0, l.orderedQuantity), input.currency),
    originCountry: l.originCountry,
  }));
  const totalValue = money(items.reduce((s, i) => s + i.value.amountMinor, 0), input.currency);
  const eur = input.currency === "EUR" ? totalValue : convert(totalValue, input.toEur);
  const sdr = sdrOf(eur);
  const within = sdr.numerator <= BigInt(CN22_LIMIT_SDR) * sdr.denominator;
  const hundredths = (sdr.numerator * 100n * 2n + sdr.denominator) / (2n * sdr.denominator);
  return {
    form: within ? "CN22" : "CN23",
    category: "SALE_OF_GOODS",
    sender: input.sender,
    addressee: input.addressee,
    items,
    totalValue,
    totalNetWeightGrams: items.reduce((s, i) => s + i.netWeightGrams, 0),
    grossWeightGrams: input.grossWeightGrams,
    valueSdr: `${hundredths / 100n}.${String(hundredths % 100n).padStart(2, "0")}`,
    limitSdr: CN22_LIMIT_SDR,
    sdrRate: SDR_RATE,
  };
}
