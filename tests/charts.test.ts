/**
 * The charts as the server renders them: an SVG image with a summary for screen
 * readers, a table with every value, numbers and dates in the page's locale, the
 * forecast bands when intervals are given, and the right-to-left layout in Arabic.
 */
import { createElement, type ComponentProps, type ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import { describe, expect, it } from "vitest";
import { BarChart, LineChart, type LineChartProps } from "@/components/charts";
import type { Locale } from "@/lib/domain/markets";
import { formatMoney } from "@/lib/domain/money/format";
import en from "@/messages/en.json";
import ja from "@/messages/ja.json";
import ar from "@/messages/ar.json";

function render(element: ReactElement, locale: "en" | "ja" | "ar" | "ar-EG" = "en"): string {
  const messages = { en, ja, ar, "ar-EG": ar }[locale];
  const config = { locale, messages, timeZone: "UTC" } as ComponentProps<typeof NextIntlClientProvider>;
  return renderToStaticMarkup(createElement(NextIntlClientProvider, config, element));
}

/** Text with tags stripped and the five XML entities decoded. */
function text(html: string): string {
  return html
    .replace(/<[^>]+>/g, " ")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

function section(html: string, tag: string): string {
  const match = new RegExp(`<${tag}[\\s>][\\s\\S]*?</${tag}>`).exec(html);
  if (!match) throw new Error(`no <${tag}>`);
  return match[0];
}

function attribute(html: string, tag: string, name: string): string | undefined {
  const open = new RegExp(`<${tag}\\b([^>]*)>`).exec(html)?.[1] ?? "";
  return new RegExp(`\\b${name}="([^"]*)"`).exec(open)?.[1];
}

const weeks = ["2026-10-05", "2026-10-12", "2026-10-19", "2026-10-26", "2026-11-02", "2026-11-09", "2026-11-16", "2026-11-23"];
const history = [1200, 1350, 1280, 1510, null, null, null, null];
const forecast = [null, null, null, 1510, 1620, 1700, 1660, 1780];
const p80 = { lower: [null, null, null, 1510, 1450, 1480, 1400, 1450], upper: [null, null, null, 1510, 1790, 1920, 1920, 2110] };
const p95 = { lower: [null, null, null, 1510, 1350, 1330, 1240, 1230], upper: [null, null, null, 1510, 1890, 2070, 2080, 2330] };

function line(locale: Locale, extra: Partial<LineChartProps> = {}) {
  return createElement(LineChart, {
    locale,
    title: "Units sold",
    weeks,
    series: [
      { id: "history", label: "Sold", values: history },
      { id: "forecast", label: "Forecast", values: forecast },
    ],
    intervals: { p80, p95 },
    today: "2026-10-28",
    ...extra,
  });
}

describe("LineChart", () => {
  it("is an image with a summary of its title and extent, a title and a description", () => {
    const html = render(line("en"));
    const svg = section(html, "svg");
    expect(attribute(svg, "svg", "role")).toBe("img");
    const label = attribute(svg, "svg", "aria-label");
    expect(label).toBe("Units sold: 8 weeks from Oct 5, 2026 to Nov 23, 2026, values from 1,200 to 2,330.");
    expect(svg).toContain("<title>Units sold</title>");
    expect(svg).toContain(`<desc>${label}</desc>`);
    expect(attribute(svg, "svg", "viewBox")).toMatch(/^0 0 \d+ \d+$/);
  });

  it("lists every value, week and interval in a table with a caption and headers", () => {
    const html = render(line("en"));
    const table = section(html, "table");
    expect(table).toContain("<caption>Units sold</caption>");
    expect(text(section(table, "thead")).split(/\s+/).filter(Boolean)).toEqual(["Week", "Sold", "Forecast", "80", "%", "interval", "95", "%", "interval"]);
    for (const v of [...history, ...forecast]) if (v !== null) expect(table).toContain(`<td>${v.toLocaleString("en")}</td>`);
    expect(table).toContain("<td>1,450 to 2,110</td>");
    expect(table).toContain("<td>1,230 to 2,330</td>");
    expect(table.match(/<th scope="row">/g)).toHaveLength(weeks.length);
    expect(table).toContain('<tr aria-current="date"><th scope="row">Oct 26, 2026 (today)</th>');
    expect(html).toContain("<summary>Show as a table</summary>");
  });

  it("draws both interval bands, the today marker, and tells series apart by dashes", () => {
    const html = render(line("en"));
    expect(html).toMatch(/<path data-band="95" d="M[^"]+Z"/);
    expect(html).toMatch(/<path data-band="80" d="M[^"]+Z"/);
    expect(html).toContain("data-today");
    const dashes = [...html.matchAll(/<path data-series="(\w+)"[^>]*>/g)].map((m) => [m[1], m[0].includes("stroke-dasharray")]);
    expect(dashes).toEqual([["history", false], ["forecast", true]]);
    const legend = text(section(html, "ul"));
    for (const entry of ["Sold", "Forecast", "80 % interval", "95 % interval", "Today"]) expect(legend).toContain(entry);
  });

  it("has no band and no interval columns without intervals", () => {
    const html = render(line("en", { intervals: undefined, today: undefined }));
    expect(html).not.toContain("data-band");
    expect(html).not.toContain("interval");
    expect(html).not.toContain("data-today");
  });

  it("writes numbers and dates in Japanese", () => {
    const html = render(line("ja"), "ja");
    const label = attribute(html, "svg", "aria-label")!;
    expect(label).toContain("2026/10/05から2026/11/23までの8週間");
    expect(label).toContain("1,200～2,330");
    expect(section(html, "table")).toContain("<td>1,450～2,110</td>");
    expect(text(section(html, "svg"))).toContain("2026年10月");
    expect(html).toContain("<summary>表で表示</summary>");
  });

  it("writes Arabic labels right to left, with the locale's digits, and keeps time left to right", () => {
    const html = render(line("ar"), "ar");
    const label = attribute(html, "svg", "aria-label")!;
    const n = new Intl.NumberFormat("ar");
    expect(label).toContain(`والقيم من ${n.format(1200)} إلى ${n.format(2330)}`);
    expect(label).toContain(new Intl.DateTimeFormat("ar", { dateStyle: "medium", timeZone: "UTC" }).format(new Date("2026-10-05T00:00:00Z")));
    expect(attribute(html, "svg", "direction")).toBe("rtl");
    expect(html).toContain("أكتوبر");
    // Value labels on the right of the plot (x beyond the last week's point), time still rightwards.
    const points = [...html.matchAll(/<path data-series="history" d="M([\d.]+),[\d.]+L([\d.]+)/g)][0]!;
    expect(Number(points[2])).toBeGreaterThan(Number(points[1]));
    const yLabelX = Number(/<text x="([\d.]+)"[^>]*text-anchor="end" dominant-baseline="middle"/.exec(html)![1]);
    expect(yLabelX).toBeGreaterThan(300);
    expect(html).toContain("<summary>عرض كجدول</summary>");
  });

  it("uses Arabic-Indic digits for a locale that writes them", () => {
    const html = render(line("ar-EG" as Locale), "ar-EG");
    expect(section(html, "table")).toContain("<td>١٬٢٠٠</td>");
  });
});

describe("BarChart", () => {
  const items = [
    { key: "DE", label: "Germany", value: 1_234_50 },
    { key: "JP", label: "Japan", value: 98_765 },
    { key: "BR", label: "Brazil", value: 4_00 },
  ];
  const bars = (locale: Locale) => createElement(BarChart, { locale, title: "Revenue by destination", items, categoryLabel: "Country", valueLabel: "Revenue", format: { kind: "money", currency: "EUR" } });

  it("is an image summarising the chart, with money through the store's formatter on the bars and in the table", () => {
    const html = render(bars("en"));
    expect(attribute(html, "svg", "role")).toBe("img");
    expect(attribute(html, "svg", "aria-label")).toBe("Revenue by destination: 3 categories, highest Germany at €1,234.50.");
    const table = section(html, "table");
    expect(table).toContain("<caption>Revenue by destination</caption>");
    expect(table).toContain('<th scope="col">Country</th><th scope="col">Revenue</th>');
    for (const item of items) {
      const money = formatMoney({ amountMinor: item.value, currency: "EUR" }, "en");
      expect(table).toContain(`<th scope="row">${item.label}</th><td>${money}</td>`);
      expect(section(html, "svg")).toContain(`>${money}</text>`);
    }
    expect(html.match(/<rect /g)).toHaveLength(3);
  });

  it("formats for Japanese and Arabic, and mirrors the bars in Arabic", () => {
    const ja_ = render(bars("ja"), "ja");
    expect(section(ja_, "table")).toContain(`<td>${formatMoney({ amountMinor: 1_234_50, currency: "EUR" }, "ja")}</td>`);
    expect(attribute(ja_, "svg", "aria-label")).toContain("3カテゴリ");
    const html = render(bars("ar"), "ar");
    const money = formatMoney({ amountMinor: 1_234_50, currency: "EUR" }, "ar");
    expect(section(html, "table")).toContain(`<td>${money}</td>`);
    expect(attribute(html, "svg", "aria-label")).toContain("أعلاها Germany");
    const rects = [...html.matchAll(/<rect x="([\d.]+)" y="[\d.]+" width="([\d.]+)"/g)].map((m) => Number(m[1]) + Number(m[2]));
    const ltrRects = [...render(bars("en")).matchAll(/<rect x="([\d.]+)"/g)].map((m) => Number(m[1]));
    // Left to right the bars all start at the same left edge; right to left they all end at the same right edge.
    expect(new Set(ltrRects).size).toBe(1);
    expect(new Set(rects.map((r) => Math.round(r))).size).toBe(1);
    expect(rects[0]).toBeGreaterThan(300);
  });

  it("says so when there is nothing to draw", () => {
    const html = render(createElement(BarChart, { locale: "en", title: "Revenue", items: [] }));
    expect(attribute(html, "svg", "aria-label")).toBe("Revenue: no data yet.");
    expect(section(html, "table")).toContain('<th scope="col">Category</th><th scope="col">Value</th>');
  });
});
