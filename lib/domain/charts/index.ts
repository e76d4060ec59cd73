export * from "./scale";
export * from "./layout";
export * from "./line";
export * from "./bar";
