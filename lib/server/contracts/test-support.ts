/**
 * Reads the text of a PDF back for tests, in logical order, line by line. Uses pdf.js
 * (a development dependency: no system pdftotext needed) at the glyph level: pdf.js's
 * own text extraction reverses right-to-left runs character by character, which turns
 * the lam-alef ligature "لا" into "ال". Here each glyph keeps its own characters; a line
 * with Arabic or Hebrew letters is read right to left with its left-to-right runs
 * (Latin, digits) kept in order, which is exact for lines whose paragraph direction is
 * right to left (all lines of an Arabic copy).
 */
import { getDocument, OPS } from "pdfjs-dist/legacy/build/pdf.mjs";

type Matrix = [number, number, number, number, number, number];

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

function matrixOf(value: unknown): Matrix {
  const v = value as ArrayLike<number>;
  return [v[0]!, v[1]!, v[2]!, v[3]!, v[4]!, v[5]!];
}

interface Run {
  x: number;
  y: number;
  glyphs: string[];
}

/** Isolates and marks carry no text of their own. */
const INVISIBLE = /[\u200B-\u200F\u2066-\u2069]/g;
const RTL_LETTER = /[\p{Script=Arabic}\p{Script=Hebrew}]/u;
const LTR_STRONG = /[\p{L}\p{N}]/u;

/** Brackets drawn mirrored in right-to-left text carry the mirrored character. */
const MIRRORED: Record<string, string> = { "(": ")", ")": "(", "[": "]", "]": "[", "{": "}", "}": "{", "«": "»", "»": "«", "<": ">", ">": "<" };
const PUNCTUATION = /^[.,:;!?%)\]}»]$/u;

/**
 * Visual order (left to right) to logical order for a right-to-left line: read the
 * glyphs from the right; a left-to-right run (strong characters, the neutrals between
 * them, and punctuation drawn right after its last letter) is read from its left.
 */
function logicalRtl(glyphs: string[]): string {
  const reversed = [...glyphs].reverse();
  const isLtr = (g: string) => LTR_STRONG.test(g) && !RTL_LETTER.test(g);
  const out: string[] = [];
  let i = 0;
  while (i < reversed.length) {
    let start = i;
    while (start < reversed.length && PUNCTUATION.test(reversed[start]!)) start += 1;
    if (start >= reversed.length || !isLtr(reversed[start]!)) {
      out.push(MIRRORED[reversed[i]!] ?? reversed[i]!);
      i += 1;
      continue;
    }
    let end = start;
    for (let j = start; j < reversed.length && !RTL_LETTER.test(reversed[j]!); j += 1) if (isLtr(reversed[j]!)) end = j;
    out.push(...reversed.slice(i, end + 1).reverse());
    i = end + 1;
  }
  return out.join("");
}

/** Every page's text, one string per line, in reading order. */
export async function pdfLines(pdf: Uint8Array): Promise<string[]> {
  const document = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, useSystemFonts: false }).promise;
  const lines: string[] = [];
  try {
    for (let pageNumber = 1; pageNumber <= document.numPages; pageNumber += 1) {
      const page = await document.getPage(pageNumber);
      const { fnArray, argsArray } = await page.getOperatorList();
      const stack: Matrix[] = [];
      let ctm: Matrix = IDENTITY;
      let textMatrix: Matrix = IDENTITY;
      const runs: Run[] = [];
      fnArray.forEach((fn, index) => {
        const args = argsArray[index] as unknown[];
        if (fn === OPS.save) stack.push(ctm);
        else if (fn === OPS.restore) ctm = stack.pop() ?? IDENTITY;
        else if (fn === OPS.transform) ctm = multiply(ctm, matrixOf(args));
        else if (fn === OPS.beginText) textMatrix = IDENTITY;
        else if (fn === OPS.setTextMatrix) textMatrix = matrixOf(args[0]);
        else if (fn === OPS.moveText) textMatrix = multiply(textMatrix, [1, 0, 0, 1, args[0] as number, args[1] as number]);
        else if (fn === OPS.showText) {
          const at = multiply(ctm, textMatrix);
          const items = args[0] as (number | { unicode: string; width: number })[];
          const glyphs = items
            .filter((g, i): g is { unicode: string; width: number } => {
              if (typeof g !== "object" || g === null) return false;
              // A blank moved back by its whole width takes no room: a bidi control drawn invisibly.
              const next = items[i + 1];
              return !(g.unicode.trim() === "" && typeof next === "number" && Math.abs(next - g.width) < 1);
            })
            .map((g) => g.unicode.replace(INVISIBLE, ""))
            .filter(Boolean);
          runs.push({ x: at[4], y: at[5], glyphs });
        }
      });
      const byLine = new Map<number, Run[]>();
      for (const run of runs) {
        const y = Math.round(run.y);
        const key = [...byLine.keys()].find((k) => Math.abs(k - y) <= 1) ?? y;
        byLine.set(key, [...(byLine.get(key) ?? []), run]);
      }
      // PDF space: y grows upwards, so the top line has the largest y.
      for (const key of [...byLine.keys()].sort((a, b) => b - a)) {
        const glyphs = byLine.get(key)!.sort((a, b) => a.x - b.x).flatMap((run) => run.glyphs);
        const text = glyphs.some((g) => RTL_LETTER.test(g)) ? logicalRtl(glyphs) : glyphs.join("");
        lines.push(text.replace(/\s+/g, " ").trim());
      }
      page.cleanup();
    }
  } finally {
    await document.destroy();
  }
  return lines.filter(Boolean);
}

/** The whole text, lines joined by spaces (a sentence wrapped over two lines reads whole). */
export async function pdfText(pdf: Uint8Array): Promise<string> {
  return (await pdfLines(pdf)).join(" ");
}
