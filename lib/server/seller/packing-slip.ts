import "server-only";
import { createElement, type ReactElement } from "react";
import { Document, Page, renderToBuffer, StyleSheet, Text, View, type Styles } from "@react-pdf/renderer";
import { createTranslator } from "use-intl/core";
import type { PrismaClient } from "@/generated/prisma/client";
import { getPrisma } from "@/lib/db/client";
import type { Viewer } from "@/lib/domain/accounts";
import { countryName } from "@/lib/display-names";
import { directionOf, type Locale } from "@/lib/domain/markets";
import { fontFamilies, registerFonts } from "@/lib/server/contracts/pdf";
import { CATALOGUES } from "@/lib/server/i18n/catalogues";
import { loadShipmentDocuments } from "@/lib/server/logistics/shipments";
import { loadSellerOrder, type SellerFailure, type SellerOrderDetail } from "./orders";

/**
 * GET /api/seller/orders/{id}/packing-slip: the parcel's packing slip as a PDF, in the
 * seller's first language: the order number, the ship-to address (masked once the
 * parcel is no longer the seller's to ship), the seller's return address, and every
 * item with its SKU and quantity. No prices: the slip travels in the parcel. Rendered
 * with the contract copy's server PDF path and fonts (lib/server/contracts/pdf.ts).
 *
 * GET /api/seller/shipments/{id}/packing-slip: the same slip for one shipment of the
 * sub-order, with its carrier and tracking number and only the items in that parcel.
 */
export type PackingSlipResult = { ok: true; pdf: Buffer; filename: string } | SellerFailure;

export async function packingSlipPdf(viewer: Viewer | null, subOrderId: unknown, db: PrismaClient = getPrisma()): Promise<PackingSlipResult> {
  const loaded = await loadSellerOrder(viewer, subOrderId, db);
  if (!loaded.ok) return loaded;
  registerFonts();
  const pdf = await renderToBuffer(slipDocument(loaded.order) as Parameters<typeof renderToBuffer>[0]);
  return { ok: true, pdf, filename: `packing-slip-${loaded.order.number}.pdf` };
}

/** What one shipment adds to the slip: its carrier and number, and only its items. */
export interface SlipParcel {
  carrierName: string;
  trackingNumber: string;
  lines: { title: string; variantName: string; sku: string; quantity: number }[];
}

export async function shipmentPackingSlipPdf(viewer: Viewer | null, shipmentId: unknown, db: PrismaClient = getPrisma()): Promise<PackingSlipResult> {
  const loaded = await loadShipmentDocuments(viewer, shipmentId, db);
  if (!loaded.ok) return { ok: false, code: loaded.code };
  const { order, shipment } = loaded.documents;
  registerFonts();
  const parcel: SlipParcel = { carrierName: shipment.carrierName, trackingNumber: shipment.trackingNumber, lines: shipment.lines };
  const pdf = await renderToBuffer(slipDocument(order, parcel) as Parameters<typeof renderToBuffer>[0]);
  return { ok: true, pdf, filename: `packing-slip-${order.number}-${shipment.trackingNumber}.pdf` };
}

const LRI = "\u2066";
const FSI = "\u2068";
const PDI = "\u2069";
const A4_HEIGHT = 841.89;
const NO_HYPHEN = 10_000;
const WIDE = /[\u2E80-\u2FFF\u3000-\u30FF\u3190-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]/u;

const styles = StyleSheet.create({
  page: { paddingTop: 48, paddingBottom: 64, paddingHorizontal: 52, fontSize: 10, lineHeight: 1.45, color: "#18181b" },
  heading: { fontSize: 18, lineHeight: 1.3, fontWeight: 700, marginBottom: 8 },
  item: { marginBottom: 2 },
  label: { fontSize: 8.5, lineHeight: 1.45, fontWeight: 700, color: "#52525b", marginTop: 10, marginBottom: 2 },
  box: { padding: 8, borderWidth: 1, borderColor: "#a1a1aa", borderRadius: 4 },
  address: { fontSize: 11, lineHeight: 1.45 },
  row: { paddingVertical: 4, borderBottomWidth: 1, borderColor: "#e4e4e7" },
  rowTitle: { fontWeight: 700 },
  footer: { position: "absolute", top: A4_HEIGHT - 40, left: 52, right: 52, fontSize: 7.5, lineHeight: 1.4, color: "#71717a", textAlign: "center" },
});

export type PdfStyle = Styles[string];
const h = createElement;

/**
 * Text for a seller's document in `locale`: `line` one paragraph in the page's direction,
 * `token` an identifier or number kept left to right inside right-to-left text, `value`
 * a name that keeps its own direction. The customs declaration writes with these too.
 */
export function slipWriter(locale: Locale) {
  const direction = directionOf(locale);
  const rtl = direction === "rtl";
  const token = (value: string) => (rtl ? `${LRI}${value}${PDI}` : value);
  const value = (text: string) => (rtl ? `${FSI}${text}${PDI}` : text);
  const line = (text: string, style: PdfStyle | PdfStyle[], key?: string | number) =>
    h(Text, { key, style: [...(Array.isArray(style) ? style : [style]), { direction, textAlign: rtl ? "right" : "left" }], hyphenationPenalty: NO_HYPHEN }, WIDE.test(text) ? text.replace(/ /g, "\u00A0") : text);
  return { direction, rtl, token, value, line };
}

function slipDocument(order: SellerOrderDetail, parcel?: SlipParcel): ReactElement {
  const locale: Locale = order.seller.language;
  const t = createTranslator({ locale, messages: CATALOGUES[locale], namespace: "sellerOrders.packingSlip", timeZone: "UTC" });
  const tp = createTranslator({ locale, messages: CATALOGUES[locale], namespace: "shipments.packingSlip", timeZone: "UTC" });
  const { direction, token, value, line } = slipWriter(locale);
  const items = parcel ? parcel.lines : order.lines;
  const placed = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" }).format(order.placedAt);
  const shipTo = order.shipTo.visible
    ? [...order.shipTo.lines, countryName(order.shipTo.country, locale), ...(order.shipTo.phone ? [t("phone", { phone: token(order.shipTo.phone) })] : [])]
    : [order.shipTo.masked];
  const from = [order.seller.legalName ?? order.seller.name, ...order.seller.returnAddress, countryName(order.seller.country, locale)];
  return h(
    Document,
    { title: t("documentTitle", { number: order.number }), author: order.seller.name, creator: "Caravan", producer: "Caravan", language: locale },
    h(
      Page,
      { size: "A4", style: [styles.page, { fontFamily: fontFamilies(locale) }] },
      line(t("heading"), styles.heading),
      line(t("orderNumber", { number: token(order.number) }), styles.item),
      line(t("placedAt", { date: value(placed) }), styles.item),
      ...(parcel ? [line(tp("parcel", { carrier: value(parcel.carrierName), number: token(parcel.trackingNumber) }), styles.item, "parcel")] : []),
      line(t("shipTo"), styles.label),
      h(View, { style: styles.box }, ...shipTo.map((text, i) => line(value(text), styles.address, `to-${i}`))),
      line(t("returnAddress"), styles.label),
      h(View, { style: styles.box }, ...from.map((text, i) => line(value(text), styles.item, `from-${i}`))),
      line(t("items", { count: items.reduce((s, l) => s + l.quantity, 0) }), styles.label),
      ...items.map((l, i) =>
        h(
          View,
          { key: `line-${i}`, style: styles.row, wrap: false },
          line(t("quantityTitle", { quantity: l.quantity, title: value(l.title) }), styles.rowTitle),
          line(t("variantSku", { variant: value(l.variantName), sku: token(l.sku) }), styles.item),
        ),
      ),
      h(Text, {
        style: [styles.footer, { direction }],
        fixed: true,
        render: ({ pageNumber, totalPages }: { pageNumber: number; totalPages: number }) => `${token(order.number)} · ${t("page", { page: pageNumber, total: totalPages })}`,
      }),
    ),
  );
}
