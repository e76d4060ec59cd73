import { handleAddressPost } from "@/lib/server/account/http";
import { methodNotAllowed } from "@/lib/server/http/method-not-allowed";

/** POST /api/account/addresses: the address book's forms (lib/server/account/http.ts). */
export function POST(request: Request) {
  return handleAddressPost(request);
}

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed(["POST"]);
