export * from "./rule";
export * from "./vat-row";
export * from "./eu-vat";
export * from "./vat-rates";
export * from "./regimes";
export * from "./duty-rates";
export * from "./restrictions";
export * from "./markets";
