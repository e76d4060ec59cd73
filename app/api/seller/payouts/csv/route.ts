import { isLocale } from "@/lib/domain/markets";
import { requireSecondFactor } from "@/lib/domain/two-factor";
import { currentViewer } from "@/lib/server/auth/viewer";
import { methodNotAllowed } from "@/lib/server/http/method-not-allowed";
import { download, refusedDownload } from "@/lib/server/seller/http";
import { payoutsCsvDownload } from "@/lib/server/seller/payouts-csv";

/** GET /api/seller/payouts/csv?locale=&sub=: the seller's payout rows as CSV (lib/server/seller/payouts-csv.ts). */
export async function GET(request: Request) {
  const query = new URL(request.url).searchParams;
  const locale = query.get("locale");
  const viewer = await currentViewer(request.headers);
  // Payouts need two-factor (lib/domain/two-factor), as the payouts page does.
  if (viewer?.seller && !requireSecondFactor(viewer).ok) return Response.json({ ok: false, code: "TWO_FACTOR_REQUIRED" }, { status: 403, headers: { "cache-control": "private, no-store" } });
  const result = await payoutsCsvDownload(viewer, isLocale(locale) ? locale : "en", { subOrderId: query.get("sub") ?? undefined });
  if (!result.ok) return refusedDownload(request, result);
  return download(result.csv, "text/csv; charset=utf-8", result.filename);
}

const refused = methodNotAllowed(["GET"]);
export const { PUT, PATCH, DELETE } = refused;
export const POST = refused.PUT;
