import { isLocale } from "@/lib/domain/markets";
import { requireSecondFactor } from "@/lib/domain/two-factor";
import { signInPath } from "@/lib/domain/surfaces";
import { currentViewer } from "@/lib/server/auth/viewer";
import { completePayouts } from "@/lib/server/sellers/shop";

/** Back from the payments provider's onboarding: records whether payouts are ready, then the settings page says so. */
export async function GET(request: Request): Promise<Response> {
  const requested = new URL(request.url).searchParams.get("locale");
  const locale = isLocale(requested) ? requested : "en";
  const settings = `/${locale}/seller/settings`;
  const headers = { "cache-control": "private, no-store" };
  const viewer = await currentViewer(request.headers);
  if (!viewer) return new Response(null, { status: 303, headers: { ...headers, location: signInPath(locale, settings) } });
  if (viewer.seller && !requireSecondFactor(viewer).ok) return Response.json({ ok: false, code: "TWO_FACTOR_REQUIRED" }, { status: 403, headers });
  const result = await completePayouts(viewer);
  if (!result.ok && result.code === "FORBIDDEN") return Response.json({ ok: false, code: "FORBIDDEN" }, { status: 403, headers });
  const query = !result.ok ? `error=${result.code}` : result.ready ? "done=payoutsConnected" : "error=PAYOUTS_NOT_FINISHED";
  return new Response(null, { status: 303, headers: { ...headers, location: `${settings}?${query}` } });
}
