import { useTranslations } from "next-intl";
import { directionOf, type Locale } from "@/lib/domain/markets";
import { layoutBarChart } from "@/lib/domain/charts";
import { valueFormatter, type ChartValueFormat } from "./format";
import { BAR_COLOUR, CHART_FONT_SIZE } from "./style";

export interface BarChartItem {
  readonly key: string;
  /** The category's name (already translated, e.g. a country name in the page's language). */
  readonly label: string;
  /** In minor units when the chart's format is money. */
  readonly value: number;
}

export interface BarChartProps {
  readonly locale: Locale;
  readonly title: string;
  /** Drawn top to bottom in this order (sort before, e.g. by value). */
  readonly items: readonly BarChartItem[];
  /** The table's column headers; default "Category" and "Value". */
  readonly categoryLabel?: string;
  readonly valueLabel?: string;
  readonly format?: ChartValueFormat;
}

/**
 * Horizontal bars for categories (e.g. revenue by destination country) drawn on the
 * server as SVG, each value printed at its bar's end in the page's locale (money
 * through the store's formatter), mirrored in right to left, with a table view.
 */
export function BarChart({ locale, title, items, categoryLabel, valueLabel, format }: BarChartProps) {
  const t = useTranslations("charts");
  const direction = directionOf(locale);
  const formatValue = valueFormatter(locale, format);
  const values = items.map((item) => item.value);
  const labels = values.map(formatValue);
  const geometry = layoutBarChart(values, items.map((item) => item.label), labels, direction);
  const top = items.reduce<BarChartItem | undefined>((best, item) => (!best || item.value > best.value ? item : best), undefined);
  const summary = top
    ? t("barSummary", { title, count: items.length, name: top.label, value: formatValue(top.value) })
    : t("emptySummary", { title });
  const { box, plot } = geometry;

  return (
    <figure className="chart" data-chart="bar">
      <figcaption className="chart-title">{title}</figcaption>
      <svg className="chart-svg" viewBox={`0 0 ${box.width} ${box.height}`} role="img" aria-label={summary} direction={direction} fontSize={CHART_FONT_SIZE}>
        <title>{title}</title>
        <desc>{summary}</desc>
        {geometry.bars.map((bar, i) => {
          const category = geometry.categories[i]!;
          return (
            <g key={items[i]!.key} data-bar={items[i]!.key}>
              <text x={category.x} y={category.y} textAnchor={category.anchor} dominantBaseline="middle" fill="#1d1b18">
                {category.text}
              </text>
              <rect x={bar.x} y={bar.y} width={bar.width} height={bar.height} fill={BAR_COLOUR} rx="2" />
              <text x={bar.labelX} y={bar.centerY} textAnchor={bar.valueAnchor} dominantBaseline="middle" fill="#1d1b18">
                {labels[i]}
              </text>
            </g>
          );
        })}
        <line x1={geometry.baseline} x2={geometry.baseline} y1={plot.top} y2={plot.bottom} stroke="#5b5650" strokeWidth="1" />
      </svg>
      <details className="chart-table">
        <summary>{t("showTable")}</summary>
        <div className="table-scroll">
          <table>
            <caption>{title}</caption>
            <thead>
              <tr>
                <th scope="col">{categoryLabel ?? t("category")}</th>
                <th scope="col">{valueLabel ?? t("value")}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item, i) => (
                <tr key={item.key}>
                  <th scope="row">{item.label}</th>
                  <td>{labels[i]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
