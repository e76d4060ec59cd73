import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { LOCALES } from "@/lib/domain/markets";
import { money } from "@/lib/domain/money";
import { formatMoney } from "@/lib/domain/money/format";
import { renderOrderConfirmation, type OrderConfirmationView } from "./order-confirmation";

const eur = (amountMinor: number) => money(amountMinor, "EUR");

type Parcel = OrderConfirmationView["parcels"][number];

const DAP_PARCEL: Parcel = {
  sellerName: "Kyoto Ceramics",
  origin: "JP",
  digital: false,
  service: "EXPRESS",
  deliveryDays: { min: 3, max: 5 },
  incoterm: "DAP",
  lines: [{ title: "Tea bowl", variantName: "Indigo", quantity: 2, total: eur(8000) }],
  goods: eur(8000),
  shipping: eur(1490),
  duty: eur(0),
  tax: eur(0),
  dueAtCheckout: eur(9490),
  dueOnDelivery: eur(2150),
};

const DDP_PARCEL: Parcel = {
  sellerName: "Leder & Co.",
  origin: "DE",
  digital: false,
  service: "STANDARD",
  deliveryDays: { min: 2, max: 2 },
  incoterm: "DDP",
  lines: [{ title: "Wallet", variantName: "", quantity: 1, total: eur(4500) }],
  goods: eur(4500),
  shipping: eur(490),
  duty: eur(0),
  tax: eur(855),
  dueAtCheckout: eur(5845),
  dueOnDelivery: eur(0),
};

const DIGITAL_PARCEL: Parcel = {
  sellerName: "Atelier Lumière",
  origin: "FR",
  digital: true,
  service: null,
  deliveryDays: null,
  incoterm: "DDP",
  lines: [{ title: "Display typeface", variantName: "Desktop licence", quantity: 1, total: eur(3000) }],
  goods: eur(3000),
  shipping: eur(0),
  duty: eur(0),
  tax: eur(600),
  dueAtCheckout: eur(3600),
  dueOnDelivery: eur(0),
};

const VIEW: OrderConfirmationView = {
  locale: "en",
  orderNumber: "CV-7K3M-9QX2",
  orderUrl: "https://shop.example/en/orders/CV-7K3M-9QX2?key=k3y&ref=mail",
  placedAt: "2026-11-28T14:30:05.000Z",
  testMode: false,
  parcels: [DAP_PARCEL, DDP_PARCEL, DIGITAL_PARCEL],
  totals: { goods: eur(15500), shipping: eur(1980), duty: eur(0), tax: eur(1455), charged: eur(18935), dueOnDelivery: eur(2150) },
  shipTo: { lines: ["Yuki Tanaka", "1-2-3 Jingumae", "Shibuya-ku, Tokyo 150-0001", "Japan"] },
};

const render = (changes: Partial<OrderConfirmationView> = {}) => renderOrderConfirmation({ ...VIEW, ...changes });

afterEach(() => vi.restoreAllMocks());

describe("renderOrderConfirmation", () => {
  it("writes the subject in the buyer's language, with the order number", () => {
    expect(render({ locale: "ja" }).subject).toBe("【Caravan】ご注文の確認（CV-7K3M-9QX2）");
    expect(render().subject).toBe("Your Caravan order CV-7K3M-9QX2");
  });

  it("sets the language and direction of the HTML: right to left for Arabic", () => {
    const arabic = render({ locale: "ar" });
    expect(arabic.html).toContain('<html lang="ar" dir="rtl">');
    expect(arabic.html).toContain("شكرًا لطلبك");
    expect(render().html).toContain('<html lang="en" dir="ltr">');
    expect(render({ locale: "zh-CN" }).html).toContain('<html lang="zh-CN" dir="ltr">');
  });

  it("keeps the order number and the seller's name whole inside Arabic sentences", () => {
    const arabic = render({ locale: "ar" });
    expect(arabic.html).toContain("<bdi>CV-7K3M-9QX2</bdi>");
    expect(arabic.text).toContain("\u2068CV-7K3M-9QX2\u2069");
    expect(arabic.text).toContain("\u2068Kyoto Ceramics\u2069");
    // A link stays copyable: no invisible marks inside or around it.
    expect(arabic.text).toContain(`: ${VIEW.orderUrl}\n`);
    expect(render().text).not.toMatch(/[\u2066-\u2069]/);
  });

  it("escapes every value it puts into the HTML", () => {
    const hostile = "<script>alert(1)</script>";
    const { html, text } = render({
      orderUrl: 'https://shop.example/orders/1?key=a"b&c=<d>',
      parcels: [{ ...DAP_PARCEL, sellerName: `"Bad" & ${hostile}`, lines: [{ title: `Bowl ${hostile}`, variantName: `<img src=x onerror=alert(2)>`, quantity: 1, total: eur(100) }] }],
      shipTo: { lines: [`<b>${hostile}</b>`] },
    });
    expect(html).not.toMatch(/<script|<img|<b>/);
    expect(html).toContain("Bowl &lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("&quot;Bad&quot; &amp; &lt;script&gt;");
    expect(html).toContain("&lt;img src=x onerror=alert(2)&gt;");
    expect(html).toContain('href="https://shop.example/orders/1?key=a%22b&amp;c=%3Cd%3E"');
    // The text part is not HTML: the buyer reads the title as the seller wrote it.
    expect(text).toContain(`Bowl ${hostile}`);
  });

  it("tells the buyer what the carrier collects on delivery for a DAP parcel", () => {
    const { text, html } = render();
    expect(text).toContain("Kyoto Ceramics ships this parcel without import charges paid: the carrier will collect about €21.50 in duties and taxes on delivery.");
    expect(html).toContain("the carrier will collect about <bdi>€21.50</bdi> in duties and taxes on delivery");
    expect(text).toContain("To pay the carrier on delivery (estimate): €21.50");

    const german = render({ locale: "de" });
    expect(german.text).toContain(`etwa ${formatMoney(eur(2150), "de")} an Zöllen und Steuern`);
    expect(render({ locale: "ja" }).text).toContain(`約${formatMoney(eur(2150), "ja")}を徴収します`);
  });

  it("says what happens next for each kind of parcel", () => {
    const { text } = render();
    expect(text).toContain("Leder & Co. ships this parcel with import duties and taxes paid: there is nothing more to pay on delivery.");
    expect(text).toContain("Nothing will be shipped: your downloads and licence keys are on your order page as soon as they are delivered.");
    const noneDue = render({ parcels: [{ ...DAP_PARCEL, dueOnDelivery: eur(0) }], totals: { ...VIEW.totals, dueOnDelivery: eur(0) } }).text;
    expect(noneDue).toContain("Kyoto Ceramics ships this parcel without import charges paid. None are expected");
    expect(noneDue).not.toContain("To pay the carrier on delivery");
  });

  it("describes how each parcel travels, with the origin's name in the buyer's language", () => {
    const { text } = render();
    expect(text).toContain("Parcel 1 of 3: Kyoto Ceramics\nShips from Japan · Express shipping · Arrives in 3–5 business days");
    expect(text).toContain("Parcel 2 of 3: Leder & Co.\nShips from Germany · Standard shipping · Arrives in 2 business days");
    expect(text).toContain("Parcel 3 of 3: Atelier Lumière\nDigital delivery: download only, nothing ships");
    expect(render({ locale: "ja" }).text).toContain("日本から発送 · 速達配送 · お届けまで3～5営業日");
    expect(render({ locale: "fr" }).text).toContain("Pays d’expédition\u00a0: Allemagne");
  });

  it("lists lines, each parcel's amounts and the order's totals", () => {
    const { text } = render();
    expect(text).toContain("  2 × Tea bowl (Indigo): €80.00");
    expect(text).toContain("  1 × Wallet: €45.00");
    expect(text).toContain("  Paid for this parcel: €58.45");
    expect(text).toMatch(/Order total\n {2}Items: €155\.00\n {2}Shipping: €19\.80\n {2}Taxes: €14\.55\n {2}Total charged: €189\.35\n {2}To pay the carrier on delivery \(estimate\): €21\.50/);
    expect(text).not.toContain("Import duty");
    expect(text).toContain("Shipping to\n  Yuki Tanaka\n  1-2-3 Jingumae");
  });

  it("gives a text part that reads on its own, with the link to the order", () => {
    const { text } = render();
    expect(text).not.toMatch(/<\/?(table|td|bdi|p|a)\b/);
    expect(text).toContain("We have received your order CV-7K3M-9QX2, placed on November 28, 2026.");
    expect(text).toContain(`Your order: ${VIEW.orderUrl}`);
  });

  it("announces test mode at the top, in the subject and both parts, and only in test mode", () => {
    const test = render({ testMode: true });
    expect(test.subject).toBe("[TEST] Your Caravan order CV-7K3M-9QX2");
    expect(test.text.split("\n").slice(0, 3).join("\n")).toContain("Test order: paid in test mode. No money was taken and nothing will be shipped.");
    const body = test.html.slice(test.html.indexOf("<body"));
    expect(body.indexOf("Test order: paid in test mode.")).toBeGreaterThan(0);
    expect(body.indexOf("Test order: paid in test mode.")).toBeLessThan(body.indexOf("<h1"));
    expect(render({ testMode: true, locale: "ar" }).subject).toMatch(/^\[تجريبي\] /);

    const live = render();
    for (const part of [live.subject, live.text, live.html]) expect(part).not.toMatch(/test mode|\[TEST\]/i);
  });

  it("leaves out the address when nothing ships", () => {
    const { text, html } = render({ parcels: [DIGITAL_PARCEL], shipTo: null });
    expect(text).not.toContain("Shipping to");
    expect(html).not.toContain("<address");
    expect(text).not.toMatch(/^ {2}Shipping:/m);
  });

  it("refuses an order link that is not an absolute http(s) URL", () => {
    expect(() => render({ orderUrl: "javascript:alert(1)" })).toThrow(TypeError);
    expect(() => render({ orderUrl: "/en/orders/CV-7K3M-9QX2" })).toThrow(TypeError);
  });

  it.each(LOCALES)("renders every text in %s, with no missing message", (locale) => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const mail = renderOrderConfirmation({ ...VIEW, locale, testMode: true, parcels: [DAP_PARCEL, DDP_PARCEL, DIGITAL_PARCEL, { ...DAP_PARCEL, dueOnDelivery: eur(0) }] });
    expect(errors).not.toHaveBeenCalled();
    for (const part of [mail.subject, mail.text, mail.html]) expect(part).not.toMatch(/orderConfirmation|\{|\}/);
    expect(mail.subject).toContain("CV-7K3M-9QX2");
    expect(mail.text).toContain(formatMoney(eur(2150), locale));
  });
});

describe("mail messages", () => {
  type Tree = { [key: string]: string | Tree };
  const load = (locale: string) => JSON.parse(fs.readFileSync(path.resolve("messages", `${locale}.json`), "utf8")) as Tree;
  const keysOf = (tree: Tree, prefix: string): [string, string][] =>
    Object.entries(tree).flatMap(([key, value]) => (typeof value === "string" ? [[`${prefix}.${key}`, value] as [string, string]] : keysOf(value, `${prefix}.${key}`)));
  const english = keysOf(load("en").mail as Tree, "mail").map(([key]) => key);

  it.each(LOCALES)("%s has every mail.* text, none empty", (locale) => {
    const mail = load(locale).mail;
    expect(mail, locale).toBeTypeOf("object");
    const texts = keysOf(mail as Tree, "mail");
    expect(texts.map(([key]) => key)).toEqual(english);
    for (const [key, text] of texts) expect(text.trim(), key).not.toBe("");
  });
});
