/**
 * A same-site path to redirect to: the requested one when it is a plain local path,
 * else the referring page on this origin, else the site root. Never another host.
 */
export function safeReturnPath(requested: unknown, referer: string | null, origin: string): string {
  if (typeof requested === "string" && isLocalPath(requested)) return requested;
  if (referer) {
    try {
      const url = new URL(referer);
      if (url.origin === origin) return url.pathname + url.search;
    } catch {
      // not a URL: ignore
    }
  }
  return "/";
}

function isLocalPath(path: string): boolean {
  return path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/\\") && !/[\r\n]/.test(path) && path.length <= 2000;
}
