/**
 * The Special Drawing Right (SDR, ISO 4217 XDR), the IMF's unit in which the Universal
 * Postal Union states its postal limits. The store converts an order's goods value to
 * SDR through the euro: the order currency to EUR at the store's ECB rate for the
 * order's pricing date, then EUR to SDR at this dated IMF rate.
 *
 * Source: International Monetary Fund, "Currency units per SDR" (SDR valuation,
 * Exchange Rate Archives), euro on 20 October 2025: 1 SDR = 1.17176 EUR.
 * Update the rate and its date together; the customs declaration prints both.
 */
export const SDR_RATE = { eurPerSdr: "1.17176", date: "2025-10-20", source: "IMF, Currency units per SDR (euro), 2025-10-20" } as const;

/**
 * UPU Convention (Letter Post Regulations): a postal item whose contents are worth up to
 * 300 SDR is declared on a CN22; above that, on a CN23.
 */
export const CN22_LIMIT_SDR = 300;
