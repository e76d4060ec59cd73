import { tokenExport } from "@/lib/server/privacy/http";
import { methodNotAllowed } from "@/lib/server/http/method-not-allowed";

/** GET /api/your-data/<token>: the data an emailed export link opens, as JSON (lib/server/privacy). */
export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  return tokenExport((await params).token);
}

export const { PUT, PATCH, DELETE } = methodNotAllowed(["GET"]);
