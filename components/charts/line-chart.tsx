import { useId } from "react";
import { useTranslations } from "next-intl";
import { directionOf, type Locale } from "@/lib/domain/markets";
import { layoutLineChart, type IntervalBand } from "@/lib/domain/charts";
import { dateFormatters, valueFormatter, type ChartValueFormat } from "./format";
import { CHART_FONT_SIZE, DASHES, SERIES_COLOURS, BAND_COLOUR, type LineStyle } from "./style";

export interface LineChartSeries {
  readonly id: string;
  /** The series' name in the legend and the table header (already translated). */
  readonly label: string;
  /** One value a week, aligned with the chart's `weeks`; null where the series has none. */
  readonly values: readonly (number | null)[];
  /** How the line is drawn; by default the first series is solid, the second dashed, the third dotted. */
  readonly line?: LineStyle;
}

export interface LineChartProps {
  readonly locale: Locale;
  /** Shown above the chart and read first by screen readers (already translated). */
  readonly title: string;
  /** The weeks, as the date (`YYYY-MM-DD`, UTC) each starts on, oldest first. */
  readonly weeks: readonly string[];
  readonly series: readonly LineChartSeries[];
  /** 80 % and 95 % intervals (for a forecast), drawn as two nested translucent areas. */
  readonly intervals?: { readonly p80?: IntervalBand; readonly p95?: IntervalBand };
  /** The day to mark with a vertical "today" line (its week is marked). */
  readonly today?: string;
  readonly format?: ChartValueFormat;
}

/**
 * A weekly line chart drawn on the server as SVG (no client JavaScript): series told
 * apart by dash pattern as well as colour, optional forecast intervals, a "today"
 * marker, localized axis labels, a legend, and the same numbers as a table.
 * Time runs left to right in every language (lib/domain/charts/layout.ts says why);
 * the value axis, the legend and the table follow the page's direction.
 */
export function LineChart({ locale, title, weeks, series, intervals, today, format }: LineChartProps) {
  const t = useTranslations("charts");
  const id = useId();
  const direction = directionOf(locale);
  const formatValue = valueFormatter(locale, format);
  const dates = dateFormatters(locale);
  const geometry = layoutLineChart({ weeks, series, bands: intervals, today }, direction, { value: formatValue, month: dates.month }, undefined, format?.kind === "money");
  const styles = series.map((s, i) => ({ line: s.line ?? (["solid", "dashed", "dotted"] as const)[i % 3]!, colour: SERIES_COLOURS[i % SERIES_COLOURS.length]! }));
  const hatch = `${id}-hatch`;
  const hasP80 = geometry.bands.p80 !== "";
  const hasP95 = geometry.bands.p95 !== "";

  const summary =
    geometry.extent && weeks.length
      ? t("lineSummary", {
          title,
          weeks: weeks.length,
          from: dates.day(weeks[0]!),
          to: dates.day(weeks[weeks.length - 1]!),
          min: formatValue(geometry.extent.min),
          max: formatValue(geometry.extent.max),
        })
      : t("emptySummary", { title });
  const range = (band: IntervalBand | undefined, i: number) => {
    const lower = band?.lower[i];
    const upper = band?.upper[i];
    return typeof lower === "number" && typeof upper === "number"
      ? t("intervalRange", { lower: formatValue(Math.min(lower, upper)), upper: formatValue(Math.max(lower, upper)) })
      : "";
  };
  const { box, plot } = geometry;

  return (
    <figure className="chart" data-chart="line">
      <figcaption className="chart-title">{title}</figcaption>
      <svg
        className="chart-svg"
        viewBox={`0 0 ${box.width} ${box.height}`}
        role="img"
        aria-label={summary}
        direction={direction}
        fontSize={CHART_FONT_SIZE}
        preserveAspectRatio="xMidYMid meet"
      >
        <title>{title}</title>
        <desc>{summary}</desc>
        <defs>
          <pattern id={hatch} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="6" height="6" fill={BAND_COLOUR} fillOpacity="0.1" />
            <line x1="0" y1="0" x2="0" y2="6" stroke={BAND_COLOUR} strokeWidth="1.5" strokeOpacity="0.35" />
          </pattern>
        </defs>
        <g className="chart-grid">
          {geometry.yTicks.map((tick) => (
            <g key={tick.value}>
              <line x1={plot.left} x2={plot.right} y1={tick.y} y2={tick.y} stroke="#ddd5c8" strokeWidth="1" />
              <text x={geometry.yLabelX} y={tick.y} textAnchor={geometry.yLabelAnchor} dominantBaseline="middle" fill="#5b5650">
                {tick.label}
              </text>
            </g>
          ))}
        </g>
        <g className="chart-x-axis">
          <line x1={plot.left} x2={plot.right} y1={plot.bottom} y2={plot.bottom} stroke="#5b5650" strokeWidth="1" />
          {geometry.xTicks.map((tick) => (
            <g key={tick.index}>
              <line x1={tick.x} x2={tick.x} y1={plot.bottom} y2={plot.bottom + 4} stroke="#5b5650" strokeWidth="1" />
              <text x={tick.x} y={plot.bottom + 8} textAnchor={tick.anchor} dominantBaseline="hanging" fill="#5b5650">
                {tick.label}
              </text>
            </g>
          ))}
        </g>
        {hasP95 && <path data-band="95" d={geometry.bands.p95} fill={`url(#${hatch})`} stroke={BAND_COLOUR} strokeOpacity="0.4" strokeDasharray="2 3" />}
        {hasP80 && <path data-band="80" d={geometry.bands.p80} fill={BAND_COLOUR} fillOpacity="0.28" stroke="none" />}
        {geometry.series.map((s, i) => (
          <path
            key={s.id}
            data-series={s.id}
            d={s.path}
            fill="none"
            stroke={styles[i]!.colour}
            strokeWidth="2.5"
            strokeDasharray={DASHES[styles[i]!.line]}
            strokeLinejoin="round"
            strokeLinecap={styles[i]!.line === "dotted" ? "round" : "butt"}
          />
        ))}
        {geometry.today && (
          <g data-today="">
            <line x1={geometry.today.x} x2={geometry.today.x} y1={plot.top} y2={plot.bottom} stroke="#1d1b18" strokeWidth="1.5" strokeDasharray="1 3" />
          </g>
        )}
      </svg>
      <ul className="chart-legend" aria-label={t("legend")}>
        {series.map((s, i) => (
          <li key={s.id}>
            <svg className="chart-swatch" viewBox="0 0 28 12" aria-hidden="true" focusable="false">
              <line x1="1" x2="27" y1="6" y2="6" stroke={styles[i]!.colour} strokeWidth="2.5" strokeDasharray={DASHES[styles[i]!.line]} />
            </svg>
            {s.label}
          </li>
        ))}
        {hasP80 && (
          <li>
            <svg className="chart-swatch" viewBox="0 0 28 12" aria-hidden="true" focusable="false">
              <rect x="1" y="1" width="26" height="10" fill={BAND_COLOUR} fillOpacity="0.28" />
            </svg>
            {t("interval80")}
          </li>
        )}
        {hasP95 && (
          <li>
            <svg className="chart-swatch" viewBox="0 0 28 12" aria-hidden="true" focusable="false">
              <rect x="1" y="1" width="26" height="10" fill={`url(#${hatch})`} stroke={BAND_COLOUR} strokeOpacity="0.4" strokeDasharray="2 3" />
            </svg>
            {t("interval95")}
          </li>
        )}
        {geometry.today && (
          <li>
            <svg className="chart-swatch" viewBox="0 0 28 12" aria-hidden="true" focusable="false">
              <line x1="14" x2="14" y1="0" y2="12" stroke="#1d1b18" strokeWidth="1.5" strokeDasharray="1 3" />
            </svg>
            {t("today")}
          </li>
        )}
      </ul>
      <details className="chart-table">
        <summary>{t("showTable")}</summary>
        <div className="table-scroll">
          <table>
            <caption>{title}</caption>
            <thead>
              <tr>
                <th scope="col">{t("week")}</th>
                {series.map((s) => (
                  <th scope="col" key={s.id}>
                    {s.label}
                  </th>
                ))}
                {hasP80 && <th scope="col">{t("interval80")}</th>}
                {hasP95 && <th scope="col">{t("interval95")}</th>}
              </tr>
            </thead>
            <tbody>
              {weeks.map((week, i) => {
                const isToday = geometry.today?.index === i;
                return (
                  <tr key={week} aria-current={isToday ? "date" : undefined}>
                    <th scope="row">{isToday ? t("todayRow", { week: dates.day(week) }) : dates.day(week)}</th>
                    {series.map((s) => {
                      const v = s.values[i];
                      return <td key={s.id}>{typeof v === "number" && Number.isFinite(v) ? formatValue(v) : ""}</td>;
                    })}
                    {hasP80 && <td>{range(intervals?.p80, i)}</td>}
                    {hasP95 && <td>{range(intervals?.p95, i)}</td>}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
