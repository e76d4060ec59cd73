import { methodNotAllowed } from "@/lib/server/http/method-not-allowed";
import { handlePanelPost } from "@/lib/server/panels/http";
import { overrideRateFor } from "@/lib/server/operator/fx-view";

/** POST /api/admin/fx/override: the FX page's form; a hand-set rate with the operator's reason. */
export function POST(request: Request) {
  return handlePanelPost(request, async ({ viewer, field }) => {
    const result = await overrideRateFor(viewer, { currency: field("currency"), rate: field("rate"), reason: field("reason") });
    return result.ok ? { ok: true, notice: "overridden" } : result;
  });
}

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed(["POST"]);
