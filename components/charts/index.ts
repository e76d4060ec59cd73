export { LineChart, type LineChartProps, type LineChartSeries } from "./line-chart";
export { BarChart, type BarChartProps, type BarChartItem } from "./bar-chart";
export type { ChartValueFormat } from "./format";
