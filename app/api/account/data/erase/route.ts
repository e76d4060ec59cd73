import { accountErasePost } from "@/lib/server/privacy/http";
import { methodNotAllowed } from "@/lib/server/http/method-not-allowed";

/** POST /api/account/data/erase: erases the signed-in buyer's data (lib/server/privacy). */
export function POST(request: Request) {
  return accountErasePost(request);
}

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed(["POST"]);
