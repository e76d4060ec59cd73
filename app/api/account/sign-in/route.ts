import { handleAccountPost } from "@/lib/server/auth/http";
import { methodNotAllowed } from "@/lib/server/http/method-not-allowed";

/** POST /api/account/sign-in: the account form (lib/server/auth/http.ts). */
export function POST(request: Request) {
  return handleAccountPost(request, "sign-in");
}

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed(["POST"]);
