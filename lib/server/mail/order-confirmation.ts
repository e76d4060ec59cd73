/**
 * The order confirmation email, in the buyer's language: one section per seller's
 * parcel (what it costs, how it arrives, what is left to pay), then the order's totals
 * and the delivery address. The checkout fills an `OrderConfirmationView`; this module
 * only renders it (no I/O), and `sendMail` sends the result.
 *
 * Texts come from the `mail.orderConfirmation` messages, amounts from `formatMoney`,
 * country names from the runtime's CLDR data. The HTML part is one table layout with
 * inline styles only (mail clients drop style sheets); every value from the view is
 * escaped. The text part reads on its own. In right-to-left languages values such as
 * the order number are isolated (`<bdi>`, or U+2068...U+2069 in plain text) so the
 * bidirectional algorithm does not reorder them into the surrounding sentence.
 */
import "server-only";
import { createTranslator } from "use-intl/core";
import { countryName } from "@/lib/display-names";
import { directionOf, type Locale } from "@/lib/domain/markets";
import type { Money } from "@/lib/domain/money";
import { formatMoney } from "@/lib/domain/money/format";
import { CATALOGUES } from "@/lib/server/i18n/catalogues";
import { escapeHtml } from "./escape";

/** The shipping services a parcel can be sent with; each has a `mail.orderConfirmation.service.*` text. */
export const SHIPPING_SERVICES = ["STANDARD", "EXPRESS"] as const;

export interface OrderConfirmationView {
  locale: Locale;
  /** e.g. "CV-7K3M-9QX2" */
  orderNumber: string;
  /** Absolute http(s) link to the order page (guest access key included). */
  orderUrl: string;
  /** The contract's PDF and, where the law gives the right, the withdrawal function (absolute links with the guest's key). */
  links?: { contract: string; withdrawal: string | null };
  /** ISO instant; shown as a UTC calendar date, as the store shows dates everywhere. */
  placedAt: string;
  /** Paid in a test or sandbox mode: the email says so at the top and in the subject. */
  testMode: boolean;
  parcels: {
    sellerName: string;
    /** ISO country code of the seller. */
    origin: string;
    /** Digital-only parcel: delivered by download, no shipping. */
    digital: boolean;
    service: (typeof SHIPPING_SERVICES)[number] | null;
    /** Business days, inclusive. */
    deliveryDays: { min: number; max: number } | null;
    incoterm: "DDP" | "DAP";
    lines: { title: string; variantName: string; quantity: number; total: Money }[];
    goods: Money;
    shipping: Money;
    duty: Money;
    tax: Money;
    /** What the buyer paid for this parcel. */
    dueAtCheckout: Money;
    /** DAP import charges the carrier collects (estimate). */
    dueOnDelivery: Money;
  }[];
  totals: { goods: Money; shipping: Money; duty: Money; tax: Money; charged: Money; dueOnDelivery: Money };
  /** Null when nothing ships. */
  shipTo: { lines: string[] } | null;
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

type Parcel = OrderConfirmationView["parcels"][number];



/** Private-use characters, which no message contains: they mark where each value goes back in. */
const SLOT = /\uE000(\d+)\uE001/g;

type Values = Record<string, string | number | Date>;

/** One locale's texts, rendered for the text part (`plain`) and for the HTML part (`html`). */
function textsFor(locale: Locale) {
  const t = createTranslator({ locale, messages: CATALOGUES[locale], namespace: "mail.orderConfirmation", timeZone: "UTC" });
  type Key = Parameters<typeof t>[0];
  const rtl = directionOf(locale) === "rtl";

  function mapStrings(values: Values, map: (value: string, index: number) => string): Values {
    let index = 0;
    return Object.fromEntries(Object.entries(values).map(([name, value]) => [name, typeof value === "string" ? map(value, index++) : value]));
  }

  const isolate = (value: string) => (rtl ? `\u2068${value}\u2069` : value);
  return {
    isolate,
    /**
     * Plain text; in right-to-left languages each value is a bidirectional isolate, unless
     * `isolate` is false (a link: the marks would be copied into it).
     */
    plain(key: Key, values: Values = {}, options: { isolate?: boolean } = {}): string {
      return t(key, options.isolate === false ? values : mapStrings(values, isolate));
    },
    /**
     * HTML: the message formatted around placeholders and escaped, then each value put
     * back, escaped, inside `<bdi>` (a seller's name or a title may be in any script).
     */
    html(key: Key, values: Values = {}): string {
      const strings: string[] = [];
      const formatted = t(key, mapStrings(values, (value, index) => {
        strings.push(value);
        return `\uE000${index}\uE001`;
      }));
      return escapeHtml(formatted).replace(SLOT, (_, index: string) => `<bdi>${escapeHtml(strings[Number(index)] ?? "")}</bdi>`);
    },
  };
}

type Texts = ReturnType<typeof textsFor>;
type Key = Parameters<Texts["plain"]>[0];

interface Row {
  label: Key;
  amount: Money;
  strong?: boolean;
}

function parcelRows(parcel: Parcel): Row[] {
  const rows: Row[] = [{ label: "goods", amount: parcel.goods }];
  if (!parcel.digital) rows.push({ label: "shipping", amount: parcel.shipping });
  if (parcel.duty.amountMinor !== 0) rows.push({ label: "duty", amount: parcel.duty });
  if (parcel.tax.amountMinor !== 0) rows.push({ label: "tax", amount: parcel.tax });
  rows.push({ label: "paidParcel", amount: parcel.dueAtCheckout, strong: true });
  if (parcel.dueOnDelivery.amountMinor > 0) rows.push({ label: "dueOnDelivery", amount: parcel.dueOnDelivery });
  return rows;
}

function totalRows(view: OrderConfirmationView): Row[] {
  const { totals } = view;
  const rows: Row[] = [{ label: "goods", amount: totals.goods }];
  if (view.parcels.some((parcel) => !parcel.digital)) rows.push({ label: "shipping", amount: totals.shipping });
  if (totals.duty.amountMinor !== 0) rows.push({ label: "duty", amount: totals.duty });
  if (totals.tax.amountMinor !== 0) rows.push({ label: "tax", amount: totals.tax });
  rows.push({ label: "charged", amount: totals.charged, strong: true });
  if (totals.dueOnDelivery.amountMinor > 0) rows.push({ label: "dueOnDelivery", amount: totals.dueOnDelivery });
  return rows;
}

/** What the buyer can expect for this parcel, by kind: digital, duties paid, or duties on delivery. */
function nextStep(parcel: Parcel, locale: Locale): [Key, Values] {
  if (parcel.digital) return ["nextDigital", {}];
  if (parcel.incoterm === "DDP") return ["nextDdp", { seller: parcel.sellerName }];
  if (parcel.dueOnDelivery.amountMinor > 0) return ["nextDap", { seller: parcel.sellerName, amount: formatMoney(parcel.dueOnDelivery, locale) }];
  return ["nextDapNothingDue", { seller: parcel.sellerName }];
}

/** How the parcel travels: origin, service and delivery time, or digital delivery. */
function parcelFacts(parcel: Parcel, locale: Locale): [Key, Values][] {
  if (parcel.digital) return [["digitalDelivery", {}]];
  const facts: [Key, Values][] = [["shipsFrom", { country: countryName(parcel.origin, locale) }]];
  if (parcel.service) facts.push([`service.${parcel.service}`, {}]);
  const days = parcel.deliveryDays;
  if (days) facts.push(days.min === days.max ? ["deliveryExact", { days: days.min }] : ["deliveryRange", { min: days.min, max: days.max }]);
  return facts;
}

function checkedOrderUrl(value: string): string {
  const url = URL.canParse(value) ? new URL(value) : undefined;
  if (!url || (url.protocol !== "https:" && url.protocol !== "http:")) throw new TypeError("orderUrl must be an absolute http(s) URL");
  return url.href;
}

const FONT = "font-family:-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,'Noto Sans','Noto Sans JP','Noto Sans SC','Noto Naskh Arabic',Arial,sans-serif;";
const MUTED = "color:#52525b;";
const RULE = "border-bottom:1px solid #e4e4e7;";

function renderText(view: OrderConfirmationView, tx: Texts): string {
  const { locale } = view;
  const amount = (money: Money) => formatMoney(money, locale);
  const row = (r: Row) => `  ${tx.plain("labelValue", { label: tx.plain(r.label), value: tx.isolate(amount(r.amount)) }, { isolate: false })}`;
  const separator = "-".repeat(40);
  const out: string[] = [];

  if (view.testMode) out.push("*".repeat(40), tx.plain("testBanner"), "*".repeat(40), "");
  out.push(tx.plain("heading"), "", tx.plain("intro", { number: view.orderNumber, date: new Date(view.placedAt) }), tx.plain("orderLink", { url: checkedOrderUrl(view.orderUrl) }, { isolate: false }));

  view.parcels.forEach((parcel, index) => {
    out.push("", separator, tx.plain("parcelHeading", { index: index + 1, count: view.parcels.length, seller: parcel.sellerName }));
    out.push(parcelFacts(parcel, locale).map(([key, values]) => tx.plain(key, values)).join(" · "), "");
    for (const line of parcel.lines) {
      const item = line.variantName ? tx.plain("itemWithVariant", { title: line.title, variant: line.variantName }) : tx.isolate(line.title);
      out.push(`  ${tx.plain("lineText", { quantity: line.quantity, item, total: tx.isolate(amount(line.total)) }, { isolate: false })}`);
    }
    out.push("", ...parcelRows(parcel).map(row), "");
    const [key, values] = nextStep(parcel, locale);
    out.push(tx.plain("nextHeading"), tx.plain(key, values));
  });

  out.push("", separator, tx.plain("totalsHeading"), ...totalRows(view).map(row));
  if (view.shipTo) out.push("", tx.plain("shipTo"), ...view.shipTo.lines.map((line) => `  ${tx.isolate(line)}`));
  if (view.links) {
    out.push("", separator, tx.plain("contractLink", { url: checkedOrderUrl(view.links.contract) }, { isolate: false }));
    if (view.links.withdrawal) out.push(tx.plain("withdrawalLink", { url: checkedOrderUrl(view.links.withdrawal) }, { isolate: false }));
  }
  out.push("", separator, tx.plain("footer"), "");
  return out.join("\n");
}

function renderHtml(view: OrderConfirmationView, tx: Texts, subject: string): string {
  const { locale } = view;
  const dir = directionOf(locale);
  const start = dir === "rtl" ? "right" : "left";
  const end = dir === "rtl" ? "left" : "right";
  const amount = (money: Money) => `<bdi>${escapeHtml(formatMoney(money, locale))}</bdi>`;
  const count = new Intl.NumberFormat(locale);
  const section = (content: string, padding = "0 24px 24px") => `<tr><td style="padding:${padding};">${content}</td></tr>`;

  const rowsTable = (rows: Row[]) =>
    `<table cellpadding="0" cellspacing="0" border="0" width="100%" style="width:100%;border-collapse:collapse;margin-top:12px;">${rows
      .map((r) => {
        const weight = `font-weight:${r.strong ? 700 : 400};`;
        return `<tr><th scope="row" style="text-align:${start};padding:4px 0;${weight}">${tx.html(r.label)}</th><td style="text-align:${end};white-space:nowrap;padding:4px 0;padding-${start}:16px;${weight}">${amount(r.amount)}</td></tr>`;
      })
      .join("")}</table>`;

  const parcels = view.parcels.map((parcel, index) => {
    const facts = parcelFacts(parcel, locale).map(([key, values]) => tx.html(key, values)).join(" · ");
    const headCell = (label: string, align: string, width = "") =>
      `<th scope="col" style="${width}text-align:${align};padding:8px ${align === "center" ? "8px" : "0"};border-bottom:1px solid #d4d4d8;font-size:14px;${MUTED}">${label}</th>`;
    const head = headCell(tx.html("item"), start) + headCell(tx.html("quantity"), "center", "width:64px;") + headCell(tx.html("price"), end, "width:112px;");
    const lines = parcel.lines
      .map((line) => {
        const variant = line.variantName ? `<br><span style="font-size:14px;${MUTED}"><bdi>${escapeHtml(line.variantName)}</bdi></span>` : "";
        return `<tr><td style="padding:8px 0;vertical-align:top;${RULE}"><bdi>${escapeHtml(line.title)}</bdi>${variant}</td><td style="padding:8px;text-align:center;vertical-align:top;${RULE}">${escapeHtml(count.format(line.quantity))}</td><td style="padding:8px 0;text-align:${end};vertical-align:top;white-space:nowrap;${RULE}">${amount(line.total)}</td></tr>`;
      })
      .join("");
    const [key, values] = nextStep(parcel, locale);
    return section(
      [
        `<h2 style="margin:0 0 4px;font-size:18px;line-height:1.3;">${tx.html("parcelHeading", { index: index + 1, count: view.parcels.length, seller: parcel.sellerName })}</h2>`,
        `<p style="margin:0 0 8px;font-size:14px;${MUTED}">${facts}</p>`,
        `<table cellpadding="0" cellspacing="0" border="0" width="100%" style="width:100%;border-collapse:collapse;"><thead><tr>${head}</tr></thead><tbody>${lines}</tbody></table>`,
        rowsTable(parcelRows(parcel)),
        `<div style="margin-top:16px;padding:12px 16px;background-color:#f4f4f5;border-radius:6px;"><h3 style="margin:0 0 4px;font-size:15px;">${tx.html("nextHeading")}</h3><p style="margin:0;">${tx.html(key, values)}</p></div>`,
      ].join(""),
    );
  });

  const banner = view.testMode
    ? `<tr><td style="padding:16px 24px;background-color:#fef3c7;border-bottom:3px solid #b45309;color:#78350f;font-weight:700;">${tx.html("testBanner")}</td></tr>`
    : "";
  const shipTo = view.shipTo
    ? section(`<h2 style="margin:0 0 4px;font-size:18px;">${tx.html("shipTo")}</h2><address style="font-style:normal;">${view.shipTo.lines.map((line) => `<bdi>${escapeHtml(line)}</bdi>`).join("<br>")}</address>`)
    : "";

  return [
    "<!DOCTYPE html>",
    `<html lang="${locale}" dir="${dir}">`,
    `<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="color-scheme" content="light"><title>${escapeHtml(subject)}</title></head>`,
    `<body style="margin:0;padding:0;background-color:#f4f4f5;">`,
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" dir="${dir}" style="background-color:#f4f4f5;"><tr><td align="center" style="padding:24px 12px;">`,
    `<table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0" dir="${dir}" style="width:100%;max-width:600px;background-color:#ffffff;${FONT}font-size:16px;line-height:1.5;color:#18181b;text-align:${start};">`,
    banner,
    section(
      [
        `<h1 style="margin:0 0 12px;font-size:24px;line-height:1.25;">${tx.html("heading")}</h1>`,
        `<p style="margin:0 0 20px;">${tx.html("intro", { number: view.orderNumber, date: new Date(view.placedAt) })}</p>`,
        `<a href="${escapeHtml(checkedOrderUrl(view.orderUrl))}" style="display:inline-block;padding:12px 20px;background-color:#1d4ed8;color:#ffffff;text-decoration:none;border-radius:6px;font-weight:600;">${tx.html("viewOrder")}</a>`,
      ].join(""),
      "24px",
    ),
    ...parcels,
    section(`<h2 style="margin:0;font-size:18px;">${tx.html("totalsHeading")}</h2>${rowsTable(totalRows(view))}`),
    shipTo,
    view.links
      ? section(
          [
            `<p style="margin:0 0 8px;"><a href="${escapeHtml(checkedOrderUrl(view.links.contract))}">${tx.html("contractLinkLabel")}</a></p>`,
            view.links.withdrawal ? `<p style="margin:0;"><a href="${escapeHtml(checkedOrderUrl(view.links.withdrawal))}">${tx.html("withdrawalLinkLabel")}</a></p>` : "",
          ].join(""),
        )
      : "",
    section(`<p style="margin:0;padding-top:16px;border-top:1px solid #e4e4e7;font-size:13px;${MUTED}">${tx.html("footer")}</p>`),
    "</table>",
    "</td></tr></table>",
    "</body>",
    "</html>",
  ].join("\n");
}

/** The confirmation's subject, text part and HTML part, in the view's locale. */
export function renderOrderConfirmation(view: OrderConfirmationView): RenderedMail {
  const tx = textsFor(view.locale);
  const base = tx.plain("subject", { number: view.orderNumber });
  const subject = view.testMode ? tx.plain("testSubject", { subject: base }, { isolate: false }) : base;
  return { subject, text: renderText(view, tx), html: renderHtml(view, tx, subject) };
}
