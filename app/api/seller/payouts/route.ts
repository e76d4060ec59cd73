import { requestOrigin } from "@/lib/server/http/origin";
import { handlePanelPost } from "@/lib/server/panels/http";
import { connectPayouts } from "@/lib/server/sellers/shop";

/** "Connect payouts" (two-factor required): on to the payments provider's onboarding, which comes back to /api/seller/payouts/return. */
export async function POST(request: Request): Promise<Response> {
  return handlePanelPost(request, async ({ viewer, locale }) => {
    const origin = requestOrigin(request);
    const result = await connectPayouts(viewer, {
      returnUrl: `${origin}/api/seller/payouts/return?locale=${locale}`,
      refreshUrl: `${origin}/${locale}/seller/settings?error=PAYOUTS_NOT_FINISHED`,
    });
    return result.ok ? { ok: true, to: result.url } : result;
  }, { twoFactor: true });
}
