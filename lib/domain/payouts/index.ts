/**
 * What a seller earned, without I/O: per sub-order, their goods and shipping, the
 * commission, their share, what was reversed from their transfer and refunded to the
 * buyer, in the order currency (what they are settled in, ADR 0013) and converted to
 * the seller's own currency at the rate the order's quote used, exactly (rational
 * arithmetic, one rounding per amount). Then totals by calendar month (UTC) of payment
 * in the seller's currency, and the same rows as CSV.
 */
import {
  add,
  chargeStepMinor,
  convert,
  identityRate,
  invertRate,
  isCurrencyCode,
  money,
  parseRate,
  subtract,
  toDecimalString,
  zero,
  type Money,
  type Rate,
} from "@/lib/domain/money";

export type TransferState = "PENDING" | "TRANSFERRED" | "REVERSED" | "NONE";

/** A rate as the quote recorded it: 1 `from` buys `rate` `to` (exact cross rate to 10 digits). */
export interface StoredRate {
  from: string;
  to: string;
  rate: string;
  rateDate: string;
}

export interface PayoutSource {
  subOrderId: string;
  orderNumber: string;
  paidAt: Date;
  /** The order (settlement) currency. */
  currency: string;
  /** Minor units of `currency`. */
  goodsMinor: number;
  shippingMinor: number;
  commissionBps: number;
  commissionMinor: number;
  sellerShareMinor: number;
  transferId: string | null;
  transferStatus: TransferState;
  /** What the buyer was refunded for this parcel. */
  refundedMinor: number;
  /** The parcel's withdrawals that were refunded with a partial reversal of the transfer: their refunds. */
  withdrawalReversals: readonly { refundMinor: number; reversalId: string }[];
  /** The rates the order's quote used. */
  fxRates: readonly StoredRate[];
}

export interface PayoutAmounts {
  base: Money;
  commission: Money;
  share: Money;
  reversed: Money;
  refunded: Money;
  /** share less reversed: what stays with the seller. */
  net: Money;
}

export interface PayoutRow {
  subOrderId: string;
  orderNumber: string;
  paidAt: Date;
  /** "2026-12", UTC. */
  month: string;
  commissionBps: number;
  transfer: { id: string | null; status: TransferState };
  reversalIds: string[];
  order: PayoutAmounts;
  /** In the seller's currency; null when the quote holds no rate between the two currencies. */
  seller: PayoutAmounts | null;
  /** The rate used, as the quote stored it; `inverted` when it was stored seller-to-order and applied the other way. Null for the same currency. */
  rate: (StoredRate & { inverted: boolean }) | null;
}

export interface MonthTotal {
  month: string;
  currency: string;
  share: Money;
  reversed: Money;
  refunded: Money;
  net: Money;
  rows: number;
  /** Rows of the month that could not be converted (left out of the sums). */
  unconverted: number;
}

/**
 * The part of a transfer a refunded withdrawal takes back: the seller's share in
 * proportion of the refund to the parcel's goods and shipping, down to the currency's
 * chargeable step (as lib/server/contracts/withdrawals.ts reverses it).
 */
export function withdrawalReversalMinor(sub: Pick<PayoutSource, "goodsMinor" | "shippingMinor" | "sellerShareMinor" | "currency">, refundMinor: number): number {
  const base = sub.goodsMinor + sub.shippingMinor;
  const part = base > 0 ? Math.min(sub.sellerShareMinor, Math.floor((sub.sellerShareMinor * Math.min(refundMinor, base)) / base)) : 0;
  const step = chargeStepMinor(sub.currency);
  return Math.max(0, part - (part % step));
}

export function monthOf(instant: Date): string {
  return `${instant.getUTCFullYear()}-${String(instant.getUTCMonth() + 1).padStart(2, "0")}`;
}

/** order currency -> seller currency from the quote's rates: the direct pair, or the stored seller-to-order pair inverted. */
export function settlementRate(orderCurrency: string, sellerCurrency: string, rates: readonly StoredRate[]): { rate: Rate; used: (StoredRate & { inverted: boolean }) | null } | null {
  if (orderCurrency === sellerCurrency) return { rate: identityRate(orderCurrency), used: null };
  if (!isCurrencyCode(orderCurrency) || !isCurrencyCode(sellerCurrency)) return null;
  const direct = rates.find((r) => r.from === orderCurrency && r.to === sellerCurrency);
  if (direct) return { rate: parseRate(direct.from, direct.to, direct.rate), used: { ...direct, inverted: false } };
  const stored = rates.find((r) => r.from === sellerCurrency && r.to === orderCurrency);
  if (stored) return { rate: invertRate(parseRate(stored.from, stored.to, stored.rate)), used: { ...stored, inverted: true } };
  return null;
}

export function payoutRow(source: PayoutSource, sellerCurrency: string): PayoutRow {
  const c = source.currency;
  const share = money(source.sellerShareMinor, c);
  const reversalIds = source.withdrawalReversals.map((w) => w.reversalId);
  // A whole transfer reversed (a parcel or order refunded) takes back all that was left of it.
  const reversedMinor =
    source.transferStatus === "REVERSED"
      ? source.sellerShareMinor
      : Math.min(source.sellerShareMinor, source.withdrawalReversals.reduce((s, w) => s + withdrawalReversalMinor(source, w.refundMinor), 0));
  const reversed = money(reversedMinor, c);
  const order: PayoutAmounts = {
    base: money(source.goodsMinor + source.shippingMinor, c),
    commission: money(source.commissionMinor, c),
    share,
    reversed,
    refunded: money(source.refundedMinor, c),
    net: subtract(share, reversed),
  };
  const fx = settlementRate(c, sellerCurrency, source.fxRates);
  let seller: PayoutAmounts | null = null;
  if (fx) {
    const to = (m: Money) => convert(m, fx.rate);
    const sellerShare = to(share);
    const sellerReversed = to(reversed);
    seller = { base: to(order.base), commission: to(order.commission), share: sellerShare, reversed: sellerReversed, refunded: to(order.refunded), net: subtract(sellerShare, sellerReversed) };
  }
  return {
    subOrderId: source.subOrderId,
    orderNumber: source.orderNumber,
    paidAt: source.paidAt,
    month: monthOf(source.paidAt),
    commissionBps: source.commissionBps,
    transfer: { id: source.transferId, status: source.transferStatus },
    reversalIds,
    order,
    seller,
    rate: fx ? fx.used : null,
  };
}

/** Totals by month of payment (UTC), newest month first, in the seller's currency. */
export function monthlyTotals(rows: readonly PayoutRow[], sellerCurrency: string): MonthTotal[] {
  const months = new Map<string, MonthTotal>();
  for (const row of rows) {
    const z = zero(sellerCurrency);
    const total = months.get(row.month) ?? { month: row.month, currency: sellerCurrency, share: z, reversed: z, refunded: z, net: z, rows: 0, unconverted: 0 };
    total.rows++;
    if (row.seller) {
      total.share = add(total.share, row.seller.share);
      total.reversed = add(total.reversed, row.seller.reversed);
      total.refunded = add(total.refunded, row.seller.refunded);
      total.net = add(total.net, row.seller.net);
    } else total.unconverted++;
    months.set(row.month, total);
  }
  return [...months.values()].sort((a, b) => (a.month < b.month ? 1 : a.month > b.month ? -1 : 0));
}

export const CSV_COLUMNS = [
  "orderNumber",
  "paidAt",
  "month",
  "orderCurrency",
  "goodsAndShipping",
  "commissionBps",
  "commission",
  "share",
  "reversed",
  "refunded",
  "net",
  "transferId",
  "transferStatus",
  "sellerCurrency",
  "sellerShare",
  "sellerReversed",
  "sellerRefunded",
  "sellerNet",
  "rate",
  "rateDate",
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

function cell(value: string): string {
  // A leading =, +, - or @ would be a formula to a spreadsheet.
  const safe = /^[=+\-@\t\r]/.test(value) && !/^-?\d/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The rate as the quote stored it ("161.2300000000 (EUR/JPY)"), as "1/..." when it was applied inverted (order currency to seller currency). */
function rateCell(row: PayoutRow): string {
  if (!row.rate) return "";
  return row.rate.inverted ? `1/${row.rate.rate} (${row.rate.from}/${row.rate.to})` : `${row.rate.rate} (${row.rate.from}/${row.rate.to})`;
}

/** The rows as CSV (RFC 4180, CRLF), amounts as decimals in their currency's major unit; the header in the reader's language. */
export function payoutsCsv(rows: readonly PayoutRow[], sellerCurrency: string, header: Readonly<Record<CsvColumn, string>>): string {
  const lines = [CSV_COLUMNS.map((c) => cell(header[c])).join(",")];
  for (const row of rows) {
    const o = row.order;
    const s = row.seller;
    const values: Record<CsvColumn, string> = {
      orderNumber: row.orderNumber,
      paidAt: row.paidAt.toISOString(),
      month: row.month,
      orderCurrency: o.share.currency,
      goodsAndShipping: toDecimalString(o.base),
      commissionBps: String(row.commissionBps),
      commission: toDecimalString(o.commission),
      share: toDecimalString(o.share),
      reversed: toDecimalString(o.reversed),
      refunded: toDecimalString(o.refunded),
      net: toDecimalString(o.net),
      transferId: row.transfer.id ?? "",
      transferStatus: row.transfer.status,
      sellerCurrency,
      sellerShare: s ? toDecimalString(s.share) : "",
      sellerReversed: s ? toDecimalString(s.reversed) : "",
      sellerRefunded: s ? toDecimalString(s.refunded) : "",
      sellerNet: s ? toDecimalString(s.net) : "",
      rate: rateCell(row),
      rateDate: row.rate?.rateDate ?? "",
    };
    lines.push(CSV_COLUMNS.map((c) => cell(values[c])).join(","));
  }
  return lines.join("\r\n") + "\r\n";
}
