import { handleAccountPost } from "@/lib/server/auth/http";
import { methodNotAllowed } from "@/lib/server/http/method-not-allowed";

/** POST /api/account/two-factor: the second step of sign-in (lib/server/auth/http.ts). */
export function POST(request: Request) {
  return handleAccountPost(request, "two-factor");
}

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed(["POST"]);
