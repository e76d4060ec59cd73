/**
 * The buyer's account without I/O: paging of their orders, the rules of their address
 * book (how many, which is the default), and the plain-words name of a session's
 * browser. Services in lib/server/account load and persist.
 */

/** The most addresses an account keeps. */
export const MAX_ADDRESSES = 20;

/** A page asked for in a URL (`?page=3`), as a whole number from 1 up to the last page. */
export function pageOf(requested: unknown, total: number, perPage: number): { page: number; pages: number; skip: number } {
  const pages = Math.max(1, Math.ceil(total / perPage));
  const text = typeof requested === "string" ? requested.trim() : typeof requested === "number" ? String(requested) : "";
  const asked = /^\d{1,6}$/.test(text) ? Number(text) : 1;
  const page = Math.min(Math.max(asked, 1), pages);
  return { page, pages, skip: (page - 1) * perPage };
}

/** What the store's address ids look like; anything else is no address (and never reaches SQL). */
export function isAddressId(value: unknown): value is string {
  return typeof value === "string" && /^adr_[A-Za-z0-9_-]{16}$/.test(value);
}

/** Whether a new address may be added to a book of `count`. */
export function canAddAddress(count: number): boolean {
  return count < MAX_ADDRESSES;
}

/**
 * Which address is the default once one is added, set or deleted: the first address of
 * a book is its default; deleting the default makes the newest remaining one the default;
 * a book never has two. Answers the id that should be default (null: an empty book).
 */
export function defaultAfter(book: readonly { id: string; createdAt: Date; isDefault: boolean }[], change: { kind: "ADD"; id: string; makeDefault: boolean } | { kind: "SET"; id: string } | { kind: "DELETE"; id: string }): string | null {
  const current = book.find((a) => a.isDefault)?.id ?? null;
  switch (change.kind) {
    case "ADD":
      return change.makeDefault || book.length === 0 || current === null ? change.id : current;
    case "SET":
      return book.some((a) => a.id === change.id) ? change.id : current;
    case "DELETE": {
      const rest = book.filter((a) => a.id !== change.id);
      if (current !== null && current !== change.id) return current;
      const newest = [...rest].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0];
      return newest?.id ?? null;
    }
  }
}

export const BROWSERS = ["EDGE", "OPERA", "SAMSUNG", "FIREFOX", "CHROME", "SAFARI"] as const;
export type BrowserName = (typeof BROWSERS)[number];
export const SYSTEMS = ["WINDOWS", "MACOS", "IOS", "ANDROID", "CHROMEOS", "LINUX"] as const;
export type SystemName = (typeof SYSTEMS)[number];

/**
 * The browser and system a user agent names, for "Firefox on Windows"; null where it
 * is not one the store knows (the page says "an unknown browser"). Order matters: Edge
 * and Opera also say Chrome, Chrome also says Safari, Android also says Linux.
 */
export function describeUserAgent(userAgent: string | null | undefined): { browser: BrowserName | null; system: SystemName | null } {
  const ua = userAgent ?? "";
  const browser: BrowserName | null = /Edg(e|A|iOS)?\//.test(ua)
    ? "EDGE"
    : /OPR\/|Opera/.test(ua)
      ? "OPERA"
      : /SamsungBrowser\//.test(ua)
        ? "SAMSUNG"
        : /Firefox\/|FxiOS\//.test(ua)
          ? "FIREFOX"
          : /Chrome\/|CriOS\/|Chromium\//.test(ua)
            ? "CHROME"
            : /Safari\//.test(ua) && /Version\//.test(ua)
              ? "SAFARI"
              : null;
  const system: SystemName | null = /iPhone|iPad|iPod/.test(ua)
    ? "IOS"
    : /Android/.test(ua)
      ? "ANDROID"
      : /Windows/.test(ua)
        ? "WINDOWS"
        : /CrOS/.test(ua)
          ? "CHROMEOS"
          : /Macintosh|Mac OS X/.test(ua)
            ? "MACOS"
            : /Linux/.test(ua)
              ? "LINUX"
              : null;
  return { browser, system };
}
