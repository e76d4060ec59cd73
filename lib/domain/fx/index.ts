export * from "./table";
export * from "./ecb";
