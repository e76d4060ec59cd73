/**
 * Which client sent a request, for rate limiting. Next's route handlers get no socket
 * address: Next's own server puts it in `X-Forwarded-For` only when the request has no
 * such header (`??=` in next/dist/server/base-server.js), so a client can always
 * choose what the application sees there.
 *
 * - Behind a reverse proxy (`CARAVAN_TRUST_PROXY=true`): the right-most valid address,
 *   the one the nearest proxy saw (it appends or sets it); entries further left are
 *   whatever the client claimed and are ignored.
 * - Otherwise: the header only when it is a single address (what Next writes when the
 *   client sent none). A list or anything else shares one "unknown" key, so sending a
 *   long or odd header buys no fresh budget. In `next start` the store's own HTTP guard
 *   (lib/server/http/node-guard.ts) overwrites a client-sent header with the socket's
 *   address, so a made-up address buys nothing either.
 * IPv6 clients are grouped by /64 (one subscriber's usual allocation).
 */
import net from "node:net";

export const UNKNOWN_CLIENT = "unknown";

function expandIpv6(address: string): string[] | null {
  const [head, tail, extra] = address.split("::");
  if (extra !== undefined) return null;
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const missing = 8 - left.length - right.length;
  if (tail === undefined ? missing !== 0 : missing < 1) return null;
  return [...left, ...Array<string>(tail === undefined ? 0 : missing).fill("0"), ...right];
}

/** The rate-limit identity of one address: IPv4 as is (also when IPv4-mapped), IPv6 as its /64. */
export function addressKey(address: string): string | null {
  const trimmed = address.trim().replace(/^\[(.*)\]$/, "$1");
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(trimmed);
  if (mapped && net.isIPv4(mapped[1]!)) return mapped[1]!;
  if (net.isIPv4(trimmed)) return trimmed;
  if (!net.isIPv6(trimmed) || trimmed.includes(".") || trimmed.includes("%")) return null;
  const groups = expandIpv6(trimmed.toLowerCase());
  if (!groups) return null;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}

export function clientAddress(headers: Headers, trustProxy: boolean): string {
  const forwarded = headers.get("x-forwarded-for");
  if (!forwarded) return UNKNOWN_CLIENT;
  if (!trustProxy) return addressKey(forwarded) ?? UNKNOWN_CLIENT;
  const hops = forwarded.split(",");
  for (let i = hops.length - 1; i >= 0; i--) {
    const key = addressKey(hops[i]!);
    if (key) return key;
  }
  return UNKNOWN_CLIENT;
}
