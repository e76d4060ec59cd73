/**
 * The charts' drawing constants. Colours pass 3:1 against the page's white and cream
 * (graphics contrast), and every series also differs by its dash pattern, so no one
 * has to tell series apart by colour alone.
 */
export type LineStyle = "solid" | "dashed" | "dotted";

export const DASHES: Readonly<Record<LineStyle, string | undefined>> = { solid: undefined, dashed: "7 4", dotted: "0.5 4.5" };

/** The store's accent first, then blue, green, violet. */
export const SERIES_COLOURS = ["#9a3412", "#1d4ed8", "#166534", "#6d28d9"] as const;

/** Forecast intervals share the forecast's blue, lighter. */
export const BAND_COLOUR = "#1d4ed8";

export const BAR_COLOUR = "#9a3412";

/** In viewBox units: about 12 px at the chart's natural width, about 10 px on a 375 px phone. */
export const CHART_FONT_SIZE = 12;
