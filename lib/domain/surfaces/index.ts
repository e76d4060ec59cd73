/**
 * The store's surfaces and their routing and caching policy: one table, read by the
 * proxy (proxy.ts) and by the tests that guard it. See docs/adr/0008.
 *
 * - browse: the same for everyone in a (locale, market); the proxy adds the market to
 *   the internal path so each combination is its own static (ISR) page. Search is
 *   browse too, but rendered per request.
 * - market: per-user pages still priced in the buyer's market (the cart): the market
 *   is in the internal path, the page is always rendered per request.
 * - personal: per-user pages outside the market segment (checkout, account, orders,
 *   seller and operator panels): only the locale prefix, always dynamic. Those that
 *   need a signed-in user get a cheap redirect to sign-in in the proxy when no session
 *   cookie is present; the real authorisation stays in the services.
 * - api: JSON APIs and webhooks, no locale, never rewritten.
 */

export type SurfaceKind = "browse" | "market" | "personal" | "api";

export interface Surface {
  /** The first path segment after the locale ("" for the home page), or after "/" for APIs. */
  segment: string;
  kind: SurfaceKind;
  /** Rendered on every request (never from the cache). */
  dynamic: boolean;
  /** Needs a signed-in user: without a session cookie the proxy redirects to sign-in. */
  signedIn?: boolean;
  /** Paths right under a signed-in surface that anyone may open (the guests' order lookup). */
  open?: readonly string[];
  /**
   * Number of path segments after `segment` the surface accepts; longer paths are
   * answered with an uncached 404 by the proxy, so the page cache cannot grow with them.
   */
  maxDepth: number;
}

export const SURFACES: readonly Surface[] = [
  { segment: "", kind: "browse", dynamic: false, maxDepth: 0 },
  { segment: "catalogue", kind: "browse", dynamic: false, maxDepth: 0 },
  { segment: "products", kind: "browse", dynamic: false, maxDepth: 1 },
  { segment: "sellers", kind: "browse", dynamic: false, maxDepth: 1 },
  { segment: "help", kind: "browse", dynamic: false, maxDepth: 0 },
  { segment: "privacy", kind: "browse", dynamic: false, maxDepth: 0 },
  { segment: "search", kind: "browse", dynamic: true, maxDepth: 0 },
  { segment: "cart", kind: "market", dynamic: true, maxDepth: 0 },
  { segment: "checkout", kind: "personal", dynamic: true, maxDepth: 3 },
  { segment: "account", kind: "personal", dynamic: true, signedIn: true, maxDepth: 3 },
  { segment: "orders", kind: "personal", dynamic: true, signedIn: true, open: ["lookup"], maxDepth: 2 },
  { segment: "seller", kind: "personal", dynamic: true, signedIn: true, maxDepth: 4 },
  { segment: "admin", kind: "personal", dynamic: true, signedIn: true, maxDepth: 4 },
  { segment: "downloads", kind: "personal", dynamic: true, maxDepth: 1 },
  { segment: "your-data", kind: "personal", dynamic: true, maxDepth: 1 },
  // sign-in/two-factor: the second step of sign-in.
  { segment: "sign-in", kind: "personal", dynamic: true, maxDepth: 1 },
  { segment: "sign-up", kind: "personal", dynamic: true, maxDepth: 0 },
  { segment: "sign-out", kind: "personal", dynamic: true, maxDepth: 0 },
  { segment: "reset-password", kind: "personal", dynamic: true, maxDepth: 0 },
  { segment: "api", kind: "api", dynamic: true, maxDepth: 8 },
];

const BY_SEGMENT = new Map(SURFACES.filter((s) => s.kind !== "api").map((s) => [s.segment, s]));

/** The surface a localized path (segments after the locale) belongs to; undefined: no such page. */
export function surfaceOf(rest: readonly string[]): Surface | undefined {
  const surface = BY_SEGMENT.get(rest[0] ?? "");
  if (!surface) return undefined;
  return rest.length - (surface.segment === "" ? 0 : 1) <= surface.maxDepth ? surface : undefined;
}

/** Whether a path (segments after the locale) of `surface` needs a session: not on the surface's open paths. */
export function needsSignIn(surface: Surface, rest: readonly string[]): boolean {
  if (!surface.signedIn) return false;
  return !(rest.length === 2 && surface.open?.includes(rest[1] ?? ""));
}

/** Where a signed-out visitor of a signed-in surface is sent, coming back to `returnTo` afterwards. */
export function signInPath(locale: string, returnTo: string): string {
  return `/${locale}/sign-in?${new URLSearchParams({ returnTo }).toString()}`;
}

/** Methods a page (not an API) answers; anything else is 405. POST carries server actions and form posts. */
export const PAGE_METHODS: ReadonlySet<string> = new Set(["GET", "HEAD", "POST"]);

/**
 * Decodes one path segment the way the router will, or undefined when it cannot be
 * decoded (malformed percent-encoding) or decodes to a control character (NUL and
 * friends), which no product, seller or page name contains.
 */
export function decodeSegment(segment: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    return undefined;
  }
  return /[\u0000-\u001f\u007f]/.test(decoded) ? undefined : decoded;
}
