import { NextResponse } from "next/server";

/**
 * Handlers for the methods a route does not take: 405 with `Allow` (Next's own 405 for
 * an unexported method carries none). Spread into a route module's exports.
 */
export function methodNotAllowed(allowed: readonly string[]) {
  const handler = () =>
    NextResponse.json({ error: "METHOD_NOT_ALLOWED" }, { status: 405, headers: { allow: allowed.join(", "), "cache-control": "no-store" } });
  return { GET: handler, PUT: handler, PATCH: handler, DELETE: handler };
}
