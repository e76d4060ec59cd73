import { handleDownload } from "@/lib/server/digital/http";
import { methodNotAllowed } from "@/lib/server/http/method-not-allowed";

/** GET /api/downloads/{token}: a digital product's file through a signed, counted link (lib/server/digital). */
export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return handleDownload(request, token, new Date());
}

const { PUT, PATCH, DELETE } = methodNotAllowed(["GET"]);
export { PUT, PATCH, DELETE };
export const POST = PUT;
