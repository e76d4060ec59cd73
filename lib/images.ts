/** Product images are SVGs drawn by our own route from the product's data (no files, no downloads). */
export function productImageUrl(productId: string, index: number): string {
  return `/images/products/${encodeURIComponent(productId)}/${index}.svg`;
}
