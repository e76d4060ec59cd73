import "server-only";
import { createElement, type ReactElement } from "react";
import { Document, Page, renderToBuffer, StyleSheet, View } from "@react-pdf/renderer";
import { createTranslator } from "use-intl/core";
import type { PrismaClient } from "@/generated/prisma/client";
import { getPrisma } from "@/lib/db/client";
import type { Viewer } from "@/lib/domain/accounts";
import { countryName } from "@/lib/display-names";
import type { CustomsDeclaration } from "@/lib/domain/logistics/customs";
import { isLocale, type Locale } from "@/lib/domain/markets";
import { toDecimalString, type Money } from "@/lib/domain/money";
import { fontFamilies, registerFonts } from "@/lib/server/contracts/pdf";
import { CATALOGUES } from "@/lib/server/i18n/catalogues";
import { slipWriter } from "@/lib/server/seller/packing-slip";
import { shipmentCustoms, type ShipmentDocuments } from "./shipments";

/**
 * GET /api/seller/shipments/{id}/customs-declaration: the parcel's customs declaration
 * as a PDF in the UPU layout, CN22 or CN23 as lib/domain/logistics/customs decides, in
 * the seller's first language (or `?locale=`) with the form's English labels beside
 * each field, as postal and customs staff read them. Values carry their currency code,
 * weights are in kilograms, countries name their ISO code. Rendered with the contract
 * copy's server PDF path and fonts (lib/server/contracts/pdf.ts).
 */
export type CustomsPdfResult = { ok: true; pdf: Buffer; filename: string; form: "CN22" | "CN23" } | { ok: false; code: "UNAUTHENTICATED" | "FORBIDDEN" | "NOT_FOUND" | "NO_RATE" };

export async function customsDeclarationPdf(viewer: Viewer | null, shipmentId: unknown, options: { locale?: unknown; db?: PrismaClient } = {}): Promise<CustomsPdfResult> {
  const loaded = await shipmentCustoms(viewer, shipmentId, options.db ?? getPrisma());
  if (!loaded.ok) return { ok: false, code: loaded.code };
  const locale: Locale = isLocale(options.locale) ? options.locale : loaded.documents.order.seller.language;
  registerFonts();
  const pdf = await renderToBuffer(customsDocument(loaded.declaration, loaded.documents, locale) as Parameters<typeof renderToBuffer>[0]);
  const form = loaded.declaration.form;
  return { ok: true, form, pdf, filename: `${form.toLowerCase()}-${loaded.documents.order.number}-${loaded.documents.shipment.trackingNumber}.pdf` };
}

const styles = StyleSheet.create({
  page: { paddingTop: 40, paddingBottom: 48, paddingHorizontal: 44, fontSize: 9, lineHeight: 1.4, color: "#18181b" },
  heading: { fontSize: 15, lineHeight: 1.3, fontWeight: 700 },
  subheading: { fontSize: 9, lineHeight: 1.4, color: "#52525b", marginBottom: 8 },
  label: { fontSize: 7.5, lineHeight: 1.4, fontWeight: 700, color: "#52525b", marginTop: 6 },
  box: { padding: 6, borderWidth: 1, borderColor: "#71717a", marginBottom: 4 },
  text: { marginBottom: 1 },
  item: { paddingVertical: 4, borderBottomWidth: 1, borderColor: "#d4d4d8" },
  strong: { fontWeight: 700 },
  small: { fontSize: 7.5, lineHeight: 1.4, color: "#52525b" },
});

const h = createElement;
const kg = (grams: number) => `${(grams / 1000).toFixed(3)} kg`;
const amount = (m: Money) => `${toDecimalString(m)} ${m.currency}`;

function customsDocument(form: CustomsDeclaration, docs: ShipmentDocuments, locale: Locale): ReactElement {
  const t = createTranslator({ locale, messages: CATALOGUES[locale], namespace: "shipments.customs", timeZone: "UTC" });
  const en = createTranslator({ locale: "en", messages: CATALOGUES.en, namespace: "shipments.customs", timeZone: "UTC" });
  const { token, value, line } = slipWriter(locale);
  /** The field's label in the document's language with the form's English one beside it. */
  const label = (key: Parameters<typeof en>[0]) => (locale === "en" ? en(key) : `${t(key)} · ${en(key)}`);
  const country = (code: string) => `${countryName(code, locale)} (${token(code)})`;
  const { shipment, order } = docs;
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" }).format(shipment.createdAt);
  return h(
    Document,
    { title: `${form.form} ${order.number}`, author: order.seller.name, creator: "Caravan", producer: "Caravan", language: locale },
    h(
      Page,
      { size: "A4", style: [styles.page, { fontFamily: fontFamilies(locale) }] },
      line(`${t("heading")} ${token(form.form === "CN22" ? "CN 22" : "CN 23")}`, styles.heading),
      line(`CUSTOMS DECLARATION · DÉCLARATION EN DOUANE ${form.form === "CN22" ? "CN 22" : "CN 23"}`, styles.subheading),
      line(label("operator"), styles.label),
      line(`${value(shipment.carrierName)} · ${token(shipment.trackingNumber)}`, styles.text),
      line(label("from"), styles.label),
      h(View, { style: styles.box }, ...[form.sender.name, ...form.sender.address].map((text, i) => line(value(text), styles.text, `from-${i}`)), line(country(form.sender.country), styles.text, "from-country")),
      line(label("to"), styles.label),
      h(
        View,
        { style: styles.box },
        ...form.addressee.lines.map((text, i) => line(value(text), styles.text, `to-${i}`)),
        line(country(form.addressee.country), styles.text, "to-country"),
        ...(form.addressee.phone ? [line(`${label("phone")}: ${token(form.addressee.phone)}`, styles.text, "to-phone")] : []),
      ),
      line(label("category"), styles.label),
      line(`[X] ${label("saleOfGoods")}`, styles.text),
      line(label("contents"), styles.label),
      ...form.items.map((item, i) =>
        h(
          View,
          { key: `item-${i}`, style: styles.item, wrap: false },
          line(`${token(String(item.quantity))} × ${value(item.description)}`, styles.strong),
          line(`${label("hsCode")}: ${token(item.hsCode ?? "-")}`, styles.text),
          line(`${label("netWeight")}: ${token(kg(item.netWeightGrams))}`, styles.text),
          line(`${label("value")}: ${token(amount(item.value))}`, styles.text),
          line(`${label("origin")}: ${country(item.originCountry)}`, styles.text),
        ),
      ),
      line(`${label("totalGrossWeight")}: ${token(kg(form.grossWeightGrams))}`, [styles.text, styles.strong]),
      line(`${label("totalValue")}: ${token(amount(form.totalValue))}`, [styles.text, styles.strong]),
      ...(form.form === "CN23" ? [line(`${label("invoice")}: ${token(order.number)}`, styles.text, "invoice")] : []),
      line(t("limit", { value: token(form.valueSdr), limit: token(String(form.limitSdr)), rate: token(form.sdrRate.eurPerSdr), date: token(form.sdrRate.date) }), styles.small),
      line(label("declaration"), [styles.label, { marginTop: 12 }]),
      line(`${label("dateSignature")}: ${value(date)} · ${value(form.sender.name)}`, styles.text),
    ),
  );
}
