import { requestPost } from "@/lib/server/privacy/http";
import { methodNotAllowed } from "@/lib/server/http/method-not-allowed";

/** POST /api/your-data/request: mails an export or erasure link (lib/server/privacy). */
export function POST(request: Request) {
  return requestPost(request);
}

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed(["POST"]);
