import "server-only";
import { createTranslator } from "use-intl/core";
import type { PrismaClient } from "@/generated/prisma/client";
import { getPrisma } from "@/lib/db/client";
import type { Viewer } from "@/lib/domain/accounts";
import type { Locale } from "@/lib/domain/markets";
import { CSV_COLUMNS, payoutsCsv, type CsvColumn } from "@/lib/domain/payouts";
import { CATALOGUES } from "@/lib/server/i18n/catalogues";
import { listSellerPayouts, type SellerFailure } from "./orders";

/** GET /api/seller/payouts/csv: the payouts page's rows as CSV, headed in the reader's language. */
export async function payoutsCsvDownload(viewer: Viewer | null, locale: Locale, options: { subOrderId?: unknown } = {}, db: PrismaClient = getPrisma()): Promise<{ ok: true; csv: string; filename: string } | SellerFailure> {
  const payouts = await listSellerPayouts(viewer, options, db);
  if (!payouts.ok) return payouts;
  const t = createTranslator({ locale, messages: CATALOGUES[locale], namespace: "sellerPayouts.csvHeader" });
  const header = Object.fromEntries(CSV_COLUMNS.map((column) => [column, t(column)])) as Record<CsvColumn, string>;
  return { ok: true, csv: payoutsCsv(payouts.rows, payouts.currency, header), filename: "caravan-payouts.csv" };
}
