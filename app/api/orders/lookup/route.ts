import { fixedClock } from "@/lib/domain/clock";
import { methodNotAllowed } from "@/lib/server/http/method-not-allowed";
import { handleLookupPost } from "@/lib/server/logistics/lookup-http";

/** POST /api/orders/lookup: a guest finds their order by number and email (lib/server/logistics/lookup-http.ts). */
export async function POST(request: Request) {
  return handleLookupPost(request, fixedClock(new Date()));
}

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed(["POST"]);
