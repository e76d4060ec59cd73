/**
 * Postal addresses for the store's ship-to countries: their formats (fields, order,
 * required fields, postal codes, region lists, labels), checking what a buyer typed,
 * phone numbers, email addresses, and printing an address. Pure: no I/O.
 * See docs/adr/0012-address-formats.md.
 */
export * from "./countries";
export * from "./email";
export * from "./lines";
export * from "./parse";
export * from "./phone";
export * from "./regions";
export * from "./text";
