import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/domain/markets";
import { renditionUrl } from "@/lib/domain/images/uploads";
import { productImageUrl } from "@/lib/images";
import { ProductPicture, type PictureImage } from "./product-picture";

export type GalleryImage = PictureImage & { alt: string };

/**
 * A scroll-snap gallery with thumbnail links: no JavaScript, keyboard and touch friendly.
 * The seller's READY photos when there are any, else the generated artwork.
 */
export async function Gallery({ productId, count, title, locale, images = [] }: { productId: string; count: number; title: string; locale: Locale; images?: GalleryImage[] }) {
  const t = await getTranslations({ locale, namespace: "product" });
  const photos = images.length > 0;
  const total = photos ? images.length : count;
  const indexes = Array.from({ length: total }, (_, i) => i);
  return (
    <section className="gallery" aria-label={t("gallery")}>
      <div className="gallery-track" tabIndex={0} role="group" aria-label={t("gallery")}>
        {photos
          ? images.map((image, i) => (
              <ProductPicture key={image.storageKey} id={`image-${i + 1}`} image={image} fallbackWidth={640}
                sizes="(max-width: 900px) 100vw, 640px" alt={image.alt || t("imageAlt", { title, index: i + 1, count: total })} loading={i === 0 ? "eager" : "lazy"} />
            ))
          : indexes.map((i) => (
              // eslint-disable-next-line @next/next/no-img-element -- generated SVG
              <img key={i} id={`image-${i + 1}`} src={productImageUrl(productId, i)} width={640} height={480}
                alt={t("imageAlt", { title, index: i + 1, count })} loading={i === 0 ? "eager" : "lazy"} />
            ))}
      </div>
      <ol className="gallery-thumbs">
        {indexes.map((i) => (
          <li key={i}>
            <a href={`#image-${i + 1}`} aria-label={t("showImage", { index: i + 1 })}>
              {/* eslint-disable-next-line @next/next/no-img-element -- generated SVG or the smallest rendition */}
              <img src={photos ? renditionUrl(images[i]!.storageKey, images[i]!.widths[0]!, "webp") : productImageUrl(productId, i)} width={64} height={48} alt="" loading="lazy" />
            </a>
          </li>
        ))}
      </ol>
    </section>
  );
}
