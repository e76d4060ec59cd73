import { NextResponse } from "next/server";
import { currentViewer } from "@/lib/server/auth/viewer";
import { catalogueImport } from "@/lib/server/seller-imports";

const NO_STORE = { "cache-control": "private, no-store" };

/** GET /api/seller/imports/[jobId]: an import's progress for its page's poller; another seller's job is 404. */
export async function GET(request: Request, { params }: { params: Promise<{ jobId: string }> }) {
  const viewer = await currentViewer(request.headers);
  if (!viewer) return NextResponse.json({ ok: false, code: "UNAUTHENTICATED" }, { status: 401, headers: NO_STORE });
  const found = await catalogueImport(viewer, (await params).jobId);
  if (!found.ok) return NextResponse.json({ ok: false, code: "NOT_FOUND" }, { status: 404, headers: NO_STORE });
  const { id, status, done, total, error, result } = found.data;
  return NextResponse.json(
    { ok: true, id, status, done, total, error, imported: result?.imported ?? null, unchanged: result?.unchanged ?? null, failed: result?.failed.length ?? null },
    { headers: NO_STORE },
  );
}
