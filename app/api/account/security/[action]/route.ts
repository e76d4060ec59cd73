import { handleTwoFactorPost, type TwoFactorAction } from "@/lib/server/auth/two-factor-http";
import { methodNotAllowed } from "@/lib/server/http/method-not-allowed";

const ACTIONS: readonly TwoFactorAction[] = ["enable", "confirm", "disable", "backup-codes", "verify-session"];

/** POST /api/account/security/<action>: the security page's two-factor forms (lib/server/auth/two-factor-http.ts). */
export async function POST(request: Request, { params }: { params: Promise<{ action: string }> }) {
  const { action } = await params;
  if (!(ACTIONS as readonly string[]).includes(action)) return Response.json({ ok: false, code: "NOT_FOUND" }, { status: 404, headers: { "cache-control": "private, no-store" } });
  return handleTwoFactorPost(request, action as TwoFactorAction);
}

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed(["POST"]);
