/**
 * Where a line may break inside a run of text with no spaces (Chinese, Japanese): a
 * layout engine that breaks only at spaces needs these. A simple form of UAX #14 with
 * the usual kinsoku rules: a break is allowed next to an ideograph, kana or full-width
 * character, except before closing punctuation and small kana, and after opening
 * punctuation. Latin, digits and Arabic between them stay whole ("2011/83/EU").
 */

const WIDE = /[\u2E80-\u2FFF\u3000-\u30FF\u3190-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]|[\u{20000}-\u{3FFFF}]/u;
const NO_BREAK_BEFORE = /[、。，．,.:;!?）)」』】〕〉》］｝！？：；ー～ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ・゛゜々]/u;
const NO_BREAK_AFTER = /[（(「『【〔〈《［｛]/u;

/**
 * `word` cut at every allowed break, each cut marked by an empty string:
 * "契約を結ぶ" -> ["契", "", "約", "", "を", "", "結", "", "ぶ"]. A word with no wide
 * character comes back whole.
 */
export function breakableParts(word: string): string[] {
  if (!WIDE.test(word)) return [word];
  const chars = Array.from(word);
  const parts: string[] = [];
  let current = "";
  chars.forEach((char, index) => {
    current += char;
    const next = chars[index + 1];
    if (next === undefined) return;
    if ((WIDE.test(char) || WIDE.test(next)) && !NO_BREAK_BEFORE.test(next) && !NO_BREAK_AFTER.test(char)) {
      parts.push(current, "");
      current = "";
    }
  });
  if (current) parts.push(current);
  return parts;
}
