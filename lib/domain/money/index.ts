export * from "./currencies";
export * from "./money";
export * from "./rate";
export * from "./stripe";
