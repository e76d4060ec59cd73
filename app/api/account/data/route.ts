import { accountExport } from "@/lib/server/privacy/http";
import { methodNotAllowed } from "@/lib/server/http/method-not-allowed";

/** GET /api/account/data: the signed-in buyer's data as JSON (lib/server/privacy). */
export function GET(request: Request) {
  return accountExport(request);
}

export const { PUT, PATCH, DELETE } = methodNotAllowed(["GET"]);
