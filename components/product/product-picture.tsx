import { renditionHeight, renditionUrl, srcSet } from "@/lib/domain/images/uploads";

export interface PictureImage {
  storageKey: string;
  width: number;
  height: number;
  /** Rendition widths, ascending (at least one). */
  widths: number[];
}

/**
 * An uploaded product photo: AVIF where the browser takes it, WebP otherwise, each in
 * every width made, so the browser picks the smallest that fills `sizes`. Width and
 * height give the box its proportions before the image arrives (no layout shift).
 */
export function ProductPicture({
  image,
  sizes,
  alt,
  loading = "lazy",
  id,
  fallbackWidth,
}: {
  image: PictureImage;
  sizes: string;
  alt: string;
  loading?: "lazy" | "eager";
  id?: string;
  /** The width of the plain <img> for browsers without <picture> sources; default the largest. */
  fallbackWidth?: number;
}) {
  const largest = image.widths[image.widths.length - 1]!;
  const fallback = image.widths.includes(fallbackWidth ?? -1) ? fallbackWidth! : largest;
  return (
    <picture id={id} data-testid="product-picture">
      <source type="image/avif" srcSet={srcSet(image, "avif")} sizes={sizes} />
      <source type="image/webp" srcSet={srcSet(image, "webp")} sizes={sizes} />
      <img src={renditionUrl(image.storageKey, fallback, "webp")} width={largest} height={renditionHeight(image, largest)} alt={alt} loading={loading} decoding="async" />
    </picture>
  );
}
