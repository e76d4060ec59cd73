export * from "./jurisdiction";
export * from "./render";
export * from "./terms";
export * from "./text";
export * from "./wording";
export * from "./line-breaks";
