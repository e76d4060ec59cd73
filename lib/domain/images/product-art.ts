/**
 * Deterministic product artwork as SVG: colours and shapes derived from the product
 * id, so every product has recognisable, distinct images without any image files.
 */
function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function productArt(productId: string, index: number): string {
  const seed = hash(`${productId}:${index}`);
  const hue = seed % 360;
  const hue2 = (hue + 40 + (seed >> 9) % 120) % 360;
  const shapes: string[] = [];
  let s = seed;
  for (let i = 0; i < 6; i++) {
    s = hash(String(s));
    const cx = 20 + (s % 280);
    const cy = 20 + ((s >> 8) % 200);
    const r = 18 + ((s >> 16) % 60);
    const opacity = (0.25 + ((s >> 4) % 50) / 100).toFixed(2);
    shapes.push(
      i % 2 === 0
        ? `<circle cx="${cx}" cy="${cy}" r="${r}" fill="hsl(${hue2} 70% 60%)" fill-opacity="${opacity}"/>`
        : `<rect x="${cx - r / 2}" y="${cy - r / 2}" width="${r}" height="${r}" rx="8" fill="hsl(${(hue2 + 60) % 360} 65% 55%)" fill-opacity="${opacity}" transform="rotate(${s % 90} ${cx} ${cy})"/>`,
    );
  }
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 320 240" width="320" height="240" role="img" aria-label="${escapeXml(productId)}">`,
    `<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="hsl(${hue} 60% 88%)"/><stop offset="1" stop-color="hsl(${hue} 55% 72%)"/></linearGradient></defs>`,
    `<rect width="320" height="240" fill="url(#g)"/>`,
    ...shapes,
    `</svg>`,
  ].join("");
}
