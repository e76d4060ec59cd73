import { handleNewLinkPost } from "@/lib/server/digital/http";
import { methodNotAllowed } from "@/lib/server/http/method-not-allowed";

/** POST /api/downloads: a new download link for a delivered line of the buyer's order. */
export async function POST(request: Request) {
  return handleNewLinkPost(request, new Date());
}

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed(["POST"]);
