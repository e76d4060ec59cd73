import { findRendition } from "@/lib/server/media/serve";

const NOT_FOUND = () => new Response("Not found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });

/** Product photo renditions (lib/server/media/serve.ts): immutable, cached for a year. */
export async function GET(request: Request, { params }: { params: Promise<{ path: string[] }> }) {
  const found = await findRendition((await params).path);
  if (!found.ok) return NOT_FOUND();
  const headers = { "content-type": found.contentType, "cache-control": "public, max-age=31536000, immutable", etag: found.etag};
  if (request.headers.get("if-none-match") === found.etag) return new Response(null, { status: 304, headers });
  return new Response(found.bytes as BodyInit, { headers: { ...headers, "content-length": String(found.bytes.byteLength) } });
}
