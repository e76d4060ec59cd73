import { handleAccountPost } from "@/lib/server/auth/http";
import { methodNotAllowed } from "@/lib/server/http/method-not-allowed";

/** POST /api/account/sign-up: the account form (lib/server/auth/http.ts). */
export function POST(request: Request) {
  return handleAccountPost(request, "sign-up");
}

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed(["POST"]);
