import { tokenErasePost } from "@/lib/server/privacy/http";
import { methodNotAllowed } from "@/lib/server/http/method-not-allowed";

/** POST /api/your-data/<token>/erase: erases the person an emailed link was sent to (lib/server/privacy). */
export async function POST(request: Request, { params }: { params: Promise<{ token: string }> }) {
  return tokenErasePost(request, (await params).token);
}

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed(["POST"]);
