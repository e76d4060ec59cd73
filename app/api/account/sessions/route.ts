import { handleSessionPost } from "@/lib/server/account/http";
import { methodNotAllowed } from "@/lib/server/http/method-not-allowed";

/** POST /api/account/sessions: ends one of the account's sessions (lib/server/account/http.ts). */
export function POST(request: Request) {
  return handleSessionPost(request);
}

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed(["POST"]);
