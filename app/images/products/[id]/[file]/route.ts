import { productArt } from "@/lib/domain/images/product-art";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string; file: string }> }) {
  const { id, file } = await params;
  const match = /^(\d)\.svg$/.exec(file);
  if (!match || !/^[\w-]{1,64}$/.test(id)) return new Response("Not found", { status: 404 });
  return new Response(productArt(id, Number(match[1])), {
    headers: { "content-type": "image/svg+xml", "cache-control": "public, max-age=31536000, immutable" },
  });
}
