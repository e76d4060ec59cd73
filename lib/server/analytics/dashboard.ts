import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";
import { getPrisma } from "@/lib/db/client";
import { requireOperator, requireSellerMember, type Viewer } from "@/lib/domain/accounts";
import {
  demandForecast,
  forecastWeeks,
  funnelRates,
  GROWTH_WEEKS,
  HISTORY_WEEKS,
  marketGrowth,
  mergeSmallCountries,
  mergeSmallDemand,
  methodKey,
  parseForecastPayload,
  weeklySeries,
  weeksEnding,
  type CountrySum,
  type DemandSum,
  type ForecastMethodKey,
  type ForecastPayload,
  type MarketGrowth,
} from "@/lib/domain/analytics/dashboard";
import type { CurrencyCode } from "@/lib/domain/money";

/**
 * The seller's analytics dashboard and the operator's demand view, read from the
 * precomputed tables only (SalesWeek, ProductDayStat, ForecastResult, filled by the
 * analytics job): every SalesWeek query goes by (sellerId, week) for a seller, no
 * order line is read, and no forecast is computed here.
 */
export type AnalyticsFailure = { ok: false; code: "UNAUTHENTICATED" | "FORBIDDEN" };

export interface ProductFigures {
  productId: string;
  title: string;
  orders: number;
  units: number;
  revenueMinor: number;
  withdrawnUnits: number;
  views: number;
  carts: number;
  cartRate: number | null;
  orderRate: number | null;
}

export interface StoredForecast {
  productId: string;
  method: ForecastMethodKey;
  mase: number | null;
  smape: number | null;
  computedAt: Date;
  payload: ForecastPayload | null;
}

export interface SellerDashboard {
  ok: true;
  currency: CurrencyCode;
  weeks: string[];
  units: number[];
  revenue: number[];
  totals: { orders: number; units: number; revenueMinor: number; withdrawnUnits: number };
  countries: CountrySum[];
  products: ProductFigures[];
  selected: { productId: string; title: string; forecast: StoredForecast | null } | null;
}

const DAY = 86_400_000;
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const iso = (date: Date) => date.toISOString().slice(0, 10);

function titleOf(product: { slug: string; originalLocale: string; translations: { locale: string; title: string }[] }, locale: string): string {
  return (
    product.translations.find((t) => t.locale === locale)?.title ??
    product.translations.find((t) => t.locale === product.originalLocale)?.title ??
    product.translations[0]?.title ??
    product.slug
  );
}

/**
 * The viewer's own seller's figures. `productId` picks the product whose forecast is
 * shown; an id that is not one of this seller's products is ignored (nothing is read
 * for it, so another seller's product cannot be told from one that does not exist).
 */
export async function sellerDashboard(
  viewer: Viewer | null,
  options: { locale: string; productId?: string; now?: Date },
  prisma: PrismaClient = getPrisma(),
): Promise<SellerDashboard | AnalyticsFailure> {
  if (!viewer) return { ok: false, code: "UNAUTHENTICATED" };
  const sellerId = viewer.seller?.id;
  if (!sellerId) return { ok: false, code: "FORBIDDEN" };
  const guard = requireSellerMember(viewer, sellerId);
  if (!guard.ok) return guard;
  const weeks = weeksEnding(options.now ?? new Date(), HISTORY_WEEKS);
  const from = day(weeks[0]!);
  const where = { sellerId, week: { gte: from } };
  const sum = { orders: true, units: true, revenueMinor: true, withdrawnUnits: true } as const;
  const [seller, byWeek, byCountry, byProduct, products] = await Promise.all([
    prisma.seller.findUniqueOrThrow({ where: { id: sellerId }, select: { currency: true } }),
    prisma.salesWeek.groupBy({ by: ["week"], where, _sum: sum }),
    prisma.salesWeek.groupBy({ by: ["destination"], where, _sum: sum }),
    prisma.salesWeek.groupBy({ by: ["productId"], where, _sum: sum }),
    prisma.product.findMany({
      where: { sellerId },
      select: { id: true, slug: true, originalLocale: true, translations: { select: { locale: true, title: true } } },
      orderBy: { slug: "asc" },
    }),
  ]);
  const ids = products.map((p) => p.id);
  const stats = ids.length
    ? await prisma.productDayStat.groupBy({ by: ["productId"], where: { productId: { in: ids }, day: { gte: from, lt: new Date(day(weeks.at(-1)!).getTime() + 7 * DAY) } }, _sum: { views: true, carts: true } })
    : [];
  const statOf = new Map(stats.map((s) => [s.productId, s._sum]));
  const salesOf = new Map(byProduct.map((s) => [s.productId, s._sum]));
  const series = weeklySeries(
    byWeek.map((w) => ({ week: iso(w.week), units: w._sum.units ?? 0, revenueMinor: Number(w._sum.revenueMinor ?? 0n) })),
    weeks,
  );
  const figures: ProductFigures[] = products.map((p) => {
    const sales = salesOf.get(p.id);
    const stat = statOf.get(p.id);
    const row = { productId: p.id, views: stat?.views ?? 0, carts: stat?.carts ?? 0, orders: sales?.orders ?? 0 };
    const rates = funnelRates(row);
    return {
      ...row,
      title: titleOf(p, options.locale),
      units: sales?.units ?? 0,
      revenueMinor: Number(sales?.revenueMinor ?? 0n),
      withdrawnUnits: sales?.withdrawnUnits ?? 0,
      cartRate: rates.cartRate,
      orderRate: rates.orderRate,
    };
  });
  figures.sort((a, b) => b.revenueMinor - a.revenueMinor || b.units - a.units || a.title.localeCompare(b.title));
  const totals = figures.reduce(
    (t, f) => ({ orders: t.orders + f.orders, units: t.units + f.units, revenueMinor: t.revenueMinor + f.revenueMinor, withdrawnUnits: t.withdrawnUnits + f.withdrawnUnits }),
    { orders: 0, units: 0, revenueMinor: 0, withdrawnUnits: 0 },
  );
  const chosen = figures.find((f) => f.productId === options.productId) ?? null;
  let selected: SellerDashboard["selected"] = null;
  if (chosen) {
    const stored = await prisma.forecastResult.findFirst({ where: { sellerId, productId: chosen.productId, destination: "ZZ" } });
    selected = {
      productId: chosen.productId,
      title: chosen.title,
      forecast: stored
        ? { productId: stored.productId, method: methodKey(stored.method), mase: stored.mase, smape: stored.smape, computedAt: stored.computedAt, payload: parseForecastPayload(stored.payload) }
        : null,
    };
  }
  return {
    ok: true,
    currency: seller.currency as CurrencyCode,
    weeks,
    units: series.units,
    revenue: series.revenue,
    totals,
    countries: mergeSmallCountries(
      byCountry.map((c) => ({ country: c.destination, orders: c._sum.orders ?? 0, units: c._sum.units ?? 0, revenueMinor: Number(c._sum.revenueMinor ?? 0n) })),
    ),
    products: figures,
    selected,
  };
}

export interface DemandRow extends DemandSum {
  label: string;
}

export interface OperatorDemand {
  ok: true;
  /** Units and orders of the last 104 weeks and the next weeks' forecast units, small rows merged. */
  countries: DemandRow[];
  categories: DemandRow[];
  /** Marketplace units by week: history (to the last complete week) then the forecast's mean. */
  weekly: { weeks: string[]; history: (number | null)[]; forecast: (number | null)[] };
  /** Forecast units of products that sold nowhere in the share period (in no country's row). */
  unallocatedForecast: number;
  growing: GrowthRow[];
  shrinking: GrowthRow[];
  categoriesGrowing: GrowthRow[];
  categoriesShrinking: GrowthRow[];
}

/** A market (country code) or a category (id) with its name in the page's language (a country's is its code). */
export type GrowthRow = MarketGrowth & { label: string };

/**
 * Demand across the marketplace in units and orders (sellers' revenues are in their own
 * currencies, so they are not added up): by destination country and by category over
 * the last 104 weeks with the next weeks' forecast (the products' stored forecasts added
 * up, split over countries by the last 26 weeks' sales), and the markets and categories
 * growing or shrinking fastest (last 13 weeks against the 13 before). Countries and
 * categories of fewer than 5 orders are merged or left out.
 */
export async function operatorDemand(viewer: Viewer | null, options: { locale: string; now?: Date }, prisma: PrismaClient = getPrisma()): Promise<OperatorDemand | AnalyticsFailure> {
  const guard = requireOperator(viewer);
  if (!guard.ok) return guard;
  const now = options.now ?? new Date();
  const weeks = weeksEnding(now, HISTORY_WEEKS);
  const from = day(weeks[0]!);
  const recentFrom = day(weeksEnding(now, GROWTH_WEEKS * 2)[0]!);
  const [byCountry, byProduct, byCountryWeek, byProductWeek, byProductCountry, byWeek, stored] = await Promise.all([
    prisma.salesWeek.groupBy({ by: ["destination"], where: { week: { gte: from } }, _sum: { orders: true, units: true } }),
    prisma.salesWeek.groupBy({ by: ["productId"], where: { week: { gte: from } }, _sum: { orders: true, units: true } }),
    prisma.salesWeek.groupBy({ by: ["destination", "week"], where: { week: { gte: recentFrom } }, _sum: { orders: true, units: true } }),
    prisma.salesWeek.groupBy({ by: ["productId", "week"], where: { week: { gte: recentFrom } }, _sum: { orders: true, units: true } }),
    prisma.salesWeek.groupBy({ by: ["productId", "destination"], where: { week: { gte: recentFrom } }, _sum: { units: true } }),
    prisma.salesWeek.groupBy({ by: ["week"], where: { week: { gte: from } }, _sum: { units: true } }),
    prisma.forecastResult.findMany({ where: { destination: "ZZ" }, select: { productId: true, payload: true } }),
  ]);
  const productIds = [...new Set([...byProduct.map((p) => p.productId), ...stored.map((f) => f.productId)])];
  const products = productIds.length ? await prisma.product.findMany({ where: { id: { in: productIds } }, select: { id: true, categoryId: true } }) : [];
  const categoryOf = new Map(products.map((p) => [p.id, p.categoryId]));
  const forecasts = stored.flatMap((f) => {
    const payload = parseForecastPayload(f.payload);
    return payload ? [forecastWeeks(f.productId, payload)] : [];
  });
  const forecast = demandForecast({
    forecasts,
    categoryOf,
    shares: byProductCountry.map((r) => ({ productId: r.productId, destination: r.destination, units: r._sum.units ?? 0 })),
  });
  const perCategory = new Map<string, { orders: number; units: number }>();
  for (const row of byProduct) {
    const category = categoryOf.get(row.productId);
    if (!category) continue;
    const sum = perCategory.get(category) ?? { orders: 0, units: 0 };
    sum.orders += row._sum.orders ?? 0;
    sum.units += row._sum.units ?? 0;
    perCategory.set(category, sum);
  }
  const categories = perCategory.size
    ? await prisma.category.findMany({ where: { id: { in: [...perCategory.keys()] } }, select: { id: true, slug: true, translations: { select: { locale: true, name: true } } } })
    : [];
  const nameOf = new Map(categories.map((c) => [c.id, c.translations.find((t) => t.locale === options.locale)?.name ?? c.translations.find((t) => t.locale === "en")?.name ?? c.slug]));
  // History to the last complete week, then the forecast's weeks (they start with the current one).
  const historyWeeks = weeks.slice(0, -1);
  const forecastWeekList = [...forecast.weekly.keys()].filter((w) => w >= weeks.at(-1)!).sort();
  const unitsOf = new Map(byWeek.map((w) => [iso(w.week), w._sum.units ?? 0]));
  const categoryWeeks = new Map<string, { orders: number; units: number }>();
  for (const row of byProductWeek) {
    const category = categoryOf.get(row.productId);
    if (!category) continue;
    const key = `${category}|${iso(row.week)}`;
    const sum = categoryWeeks.get(key) ?? { orders: 0, units: 0 };
    sum.orders += row._sum.orders ?? 0;
    sum.units += row._sum.units ?? 0;
    categoryWeeks.set(key, sum);
  }
  const markets = marketGrowth(
    byCountryWeek.map((r) => ({ market: r.destination, week: iso(r.week), orders: r._sum.orders ?? 0, units: r._sum.units ?? 0 })),
    now,
  );
  const categoryGrowth = marketGrowth(
    [...categoryWeeks].map(([key, sum]) => {
      const [market, week] = key.split("|") as [string, string];
      return { market, week, ...sum };
    }),
    now,
  );
  return {
    ok: true,
    countries: mergeSmallDemand(
      byCountry.map((c) => ({ key: c.destination, orders: c._sum.orders ?? 0, units: c._sum.units ?? 0, forecastUnits: forecast.byCountry.get(c.destination) ?? 0 })),
    ).map((r) => ({ ...r, label: r.key })),
    categories: mergeSmallDemand([...perCategory].map(([key, s]) => ({ key, ...s, forecastUnits: forecast.byCategory.get(key) ?? 0 }))).map((r) => ({ ...r, label: nameOf.get(r.key) ?? r.key })),
    weekly: {
      weeks: [...historyWeeks, ...forecastWeekList],
      history: [...historyWeeks.map((w) => unitsOf.get(w) ?? 0), ...forecastWeekList.map(() => null)],
      forecast: [...historyWeeks.map(() => null), ...forecastWeekList.map((w) => forecast.weekly.get(w) ?? 0)],
    },
    unallocatedForecast: forecast.unallocated,
    growing: markets.growing.map((g) => ({ ...g, label: g.market })),
    shrinking: markets.shrinking.map((g) => ({ ...g, label: g.market })),
    categoriesGrowing: categoryGrowth.growing.map((g) => ({ ...g, label: nameOf.get(g.market) ?? g.market })),
    categoriesShrinking: categoryGrowth.shrinking.map((g) => ({ ...g, label: nameOf.get(g.market) ?? g.market })),
  };
}
