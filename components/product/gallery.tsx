import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/domain/markets";
import { productImageUrl } from "@/lib/images";

/** A scroll-snap gallery with thumbnail links: no JavaScript, keyboard and touch friendly. */
export async function Gallery({ productId, count, title, locale }: { productId: string; count: number; title: string; locale: Locale }) {
  const t = await getTranslations({ locale, namespace: "product" });
  const indexes = Array.from({ length: count }, (_, i) => i);
  return (
    <section className="gallery" aria-label={t("gallery")}>
      <div className="gallery-track" tabIndex={0} role="group" aria-label={t("gallery")}>
        {indexes.map((i) => (
          // eslint-disable-next-line @next/next/no-img-element -- generated SVG
          <img key={i} id={`image-${i + 1}`} src={productImageUrl(productId, i)} width={640} height={480}
            alt={t("imageAlt", { title, index: i + 1, count })} loading={i === 0 ? "eager" : "lazy"} />
        ))}
      </div>
      <ol className="gallery-thumbs">
        {indexes.map((i) => (
          <li key={i}>
            <a href={`#image-${i + 1}`} aria-label={t("showImage", { index: i + 1 })}>
              {/* eslint-disable-next-line @next/next/no-img-element -- generated SVG */}
              <img src={productImageUrl(productId, i)} width={64} height={48} alt="" loading="lazy" />
            </a>
          </li>
        ))}
      </ol>
    </section>
  );
}
