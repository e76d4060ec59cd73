/** Cookie names for the buyer's remembered choices. */
export const LOCALE_COOKIE = "NEXT_LOCALE";
export const MARKET_COOKIE = "caravan_market";
export const PREFERENCE_MAX_AGE = 60 * 60 * 24 * 365;

/** Whether the request reached the store over HTTPS (directly or through a proxy that says so): cookies are then `Secure`. */
export function isSecureRequest(request: { url: string; headers: Headers }): boolean {
  return new URL(request.url).protocol === "https:" || forwardedHttps(request.headers.get("x-forwarded-proto"));
}

/** `X-Forwarded-Proto` says HTTPS: its first value (the client-facing hop) is `https`. */
export function forwardedHttps(value: string | null | undefined): boolean {
  return (value ?? "").split(",")[0]!.trim().toLowerCase() === "https";
}

/**
 * Cookies that carry a signed-in session (the authentication library's, plain and with
 * the `__Secure-` prefix it uses over HTTPS). Their presence only decides the proxy's
 * cheap redirect to sign-in; the services check the session itself.
 */
export const SESSION_COOKIES = ["caravan.session_token", "__Secure-caravan.session_token"] as const;
