import { getTranslations } from "next-intl/server";
import { resolveShop, type ShopParams } from "@/lib/route-params";
import { alternates } from "@/lib/seo";

/** A page with no data: the benchmark's static baseline, served through the same proxy and layout. */
export const dynamic = "force-static";

export async function generateMetadata({ params }: { params: Promise<ShopParams> }) {
  const { locale } = resolveShop(await params);
  const t = await getTranslations({ locale, namespace: "meta" });
  return { title: t("helpTitle"), alternates: alternates(locale, "/help") };
}

export default async function HelpPage({ params }: { params: Promise<ShopParams> }) {
  const { locale } = resolveShop(await params);
  const t = await getTranslations({ locale, namespace: "help" });
  return (
    <article className="narrow">
      <h1>{t("heading")}</h1>
      <p>{t("p1")}</p>
      <p>{t("p2")}</p>
      <p>{t("p3")}</p>
    </article>
  );
}
