import type { Prisma, PrismaClient } from "@/generated/prisma/client";
import { MARKETS } from "@/lib/domain/markets";
import { demoCharges, generateHistory, hash32, mondayOf } from "@/lib/domain/analytics/history";
import { hashAccessKey, orderField } from "@/lib/server/checkout/access";
import { sealText } from "@/lib/server/crypto/pii";

/**
 * Writes the demo order history (lib/domain/analytics/history decides it) through the
 * store's own order tables: a PAID order marked `demo`, one sub-order for its seller and
 * its lines, priced at the seller's variant prices in the seller's currency, with a fixed
 * share of tax and duty. No transfer is asked of the payments provider (transferStatus
 * NONE) and today's stock is left alone. Batches of createMany, in one transaction.
 */
export interface DemoHistoryOptions {
  seed?: number;
  /** History ends before the Monday of this instant's week (default now). */
  now?: Date;
  weeks?: number;
  /** Only these sellers (default all). */
  sellerIds?: readonly string[];
}

const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const BATCH = 1_000;

function base32(value: number, length: number): string {
  let text = "";
  let v = value;
  for (let i = 0; i < length; i += 1) {
    text = ALPHABET[v % 32] + text;
    v = Math.floor(v / 32);
  }
  return text;
}

export async function writeDemoHistory(db: PrismaClient, options: DemoHistoryOptions = {}): Promise<{ orders: number; seconds: number }> {
  const started = Date.now();
  const seed = options.seed ?? 1;
  const sellers = await db.seller.findMany({
    where: options.sellerIds ? { id: { in: [...options.sellerIds] } } : {},
    select: { id: true, country: true, currency: true, commissionBps: true },
    orderBy: { id: "asc" },
  });
  const products = await db.product.findMany({
    where: { sellerId: { in: sellers.map((s) => s.id) } },
    orderBy: { id: "asc" },
    select: {
      id: true, sellerId: true, categoryId: true, kind: true, originalLocale: true,
      translations: { select: { locale: true, title: true } },
      variants: { orderBy: { position: "asc" }, select: { id: true, sku: true, name: true, priceMinor: true, currency: true } },
    },
  });
  const orders = generateHistory({
    seed,
    sellers,
    products,
    destinations: MARKETS.map((m) => m.country),
    end: mondayOf(options.now ?? new Date()),
    weeks: options.weeks,
  });
  const sellerOf = new Map(sellers.map((s) => [s.id, s]));
  const productOf = new Map(products.map((p) => [p.id, p]));
  const localeOf = new Map(MARKETS.map((m) => [m.country, m.defaultLocale]));
  const tag = base32(hash32(`history:${seed}`) % 32 ** 6, 6);
  const numberBase = (hash32(`number:${seed}`) % 2 ** 20) * 2 ** 14;

  const orderRows: Prisma.OrderCreateManyInput[] = [];
  const subRows: Prisma.SubOrderCreateManyInput[] = [];
  const lineRows: Prisma.OrderLineCreateManyInput[] = [];
  orders.forEach((o, i) => {
    const seller = sellerOf.get(o.sellerId)!;
    const suffix = `demo${tag}${base32(i, 6)}`;
    const id = `ord_${suffix}`;
    const subId = `sub_${suffix}`;
    const domestic = o.destination === seller.country;
    let goods = 0;
    let tax = 0;
    let duty = 0;
    let physical = false;
    o.lines.forEach((line, position) => {
      const product = productOf.get(line.productId)!;
      const variant = product.variants.find((v) => v.id === line.variantId)!;
      const lineGoods = variant.priceMinor * line.quantity;
      const charges = demoCharges(lineGoods, domestic);
      goods += lineGoods;
      tax += charges.taxMinor;
      duty += charges.dutyMinor;
      if (product.kind === "PHYSICAL") physical = true;
      const title = product.translations.find((t) => t.locale === product.originalLocale)?.title ?? product.translations[0]?.title ?? product.id;
      const name = variant.name as Record<string, string> | null;
      lineRows.push({
        id: `oln_dm${tag}${base32(i, 6)}${base32(position, 2)}`,
        orderId: id, subOrderId: subId, variantId: variant.id, productId: product.id, sku: variant.sku, title,
        variantName: name?.[product.originalLocale] ?? name?.en ?? Object.values(name ?? {})[0] ?? "",
        kind: product.kind, quantity: line.quantity, unitPriceMinor: variant.priceMinor, unitCurrency: variant.currency,
        goodsMinor: lineGoods, dutyMinor: charges.dutyMinor, taxMinor: charges.taxMinor, totalMinor: lineGoods + charges.dutyMinor + charges.taxMinor,
      });
    });
    const shipping = physical ? Math.round(goods * 0.08) : 0;
    const total = goods + shipping + duty + tax;
    const commissionBps = seller.commissionBps ?? 1000;
    const commission = Math.round(((goods + shipping) * commissionBps) / 10_000);
    const day = o.paidAt.toISOString().slice(0, 10);
    orderRows.push({
      id, number: `CV-${base32(numberBase + i, 8).replace(/^(.{4})/, "$1-")}`, cartId: `cart_${suffix}`, status: "PAID",
      locale: localeOf.get(o.destination) ?? "en", destination: o.destination, currency: seller.currency,
      emailSealed: sealText(`buyer-${base32(i, 6).toLowerCase()}@demo.caravan.localhost`, orderField(id, "email")), addressSealed: null,
      quote: { demo: true, fxRates: [] }, fingerprint: `demo:${seed}`, pricingDate: day, lockedUntil: o.paidAt,
      goodsMinor: goods, shippingMinor: shipping, dutyMinor: duty, taxMinor: tax, totalMinor: total, dueOnDeliveryMinor: 0,
      testMode: true, accessKeyHash: hashAccessKey(`${id}:demo`), paidAt: o.paidAt, confirmationSentAt: o.paidAt,
      createdAt: new Date(o.paidAt.getTime() - 300_000), demo: true,
    });
    subRows.push({
      id: subId, orderId: id, sellerId: seller.id, position: 0, service: physical ? "STANDARD" : null,
      deliveryMinDays: physical ? 5 : null, deliveryMaxDays: physical ? 10 : null, incoterm: "DDP", regime: domestic ? "DOMESTIC" : "IMPORT",
      goodsMinor: goods, shippingMinor: shipping, dutyMinor: duty, taxMinor: tax, dueAtCheckoutMinor: total, dueOnDeliveryMinor: 0,
      commissionBps, commissionMinor: commission, sellerShareMinor: goods + shipping - commission, paymentAccountId: "acct_demo_history",
      transferStatus: "NONE", standardShippingMinor: shipping, deliveredAt: physical ? new Date(o.paidAt.getTime() + 7 * 86_400_000) : null,
      createdAt: o.paidAt,
    });
  });
  await db.$transaction(async (tx) => {
    for (let i = 0; i < orderRows.length; i += BATCH) await tx.order.createMany({ data: orderRows.slice(i, i + BATCH) });
    for (let i = 0; i < subRows.length; i += BATCH) await tx.subOrder.createMany({ data: subRows.slice(i, i + BATCH) });
    for (let i = 0; i < lineRows.length; i += BATCH) await tx.orderLine.createMany({ data: lineRows.slice(i, i + BATCH) });
  }, { timeout: 120_000 });
  return { orders: orderRows.length, seconds: (Date.now() - started) / 1000 };
}
