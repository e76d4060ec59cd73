import { notFound } from "next/navigation";
import { resolveShop, type ShopParams } from "@/lib/route-params";

/** Any unknown path inside a locale: the localised 404. */
export default async function UnknownPage({ params }: { params: Promise<ShopParams> }) {
  resolveShop(await params);
  notFound();
}
