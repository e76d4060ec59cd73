/**
 * Stripe's request encoding: `application/x-www-form-urlencoded` with nested
 * brackets (`line_items[0][price_data][currency]=jpy`, `expand[]=line_items`).
 * Brackets may arrive encoded or not; both decode to the same tree.
 */

export type FormValue = string | FormTree | FormValue[];
export interface FormTree {
  [key: string]: FormValue;
}

/** Splits `a[b][0][]` into ["a", "b", "0", ""]; a bare key is one segment. */
function splitKey(key: string): string[] {
  const first = key.indexOf("[");
  if (first <= 0) return [key];
  const segments = [key.slice(0, first)];
  const re = /\[([^\]]*)\]/g;
  let match: RegExpExecArray | null;
  re.lastIndex = first;
  while ((match = re.exec(key)) !== null) segments.push(match[1] ?? "");
  return segments;
}

function decode(part: string): string {
  return decodeURIComponent(part.replace(/\+/g, " "));
}

/** Builds the nested tree. Numeric and empty segments stay object keys here; the parameter schemas decide what is a list. */
export function parseForm(body: string): FormTree {
  const root: FormTree = {};
  if (!body) return root;
  for (const pair of body.split("&")) {
    if (!pair) continue;
    const eq = pair.indexOf("=");
    const rawKey = eq === -1 ? pair : pair.slice(0, eq);
    const rawValue = eq === -1 ? "" : pair.slice(eq + 1);
    let key: string;
    let value: string;
    try {
      key = decode(rawKey);
      value = decode(rawValue);
    } catch {
      throw new Error(`Invalid form encoding near '${rawKey}'`);
    }
    insert(root, splitKey(key), value);
  }
  return root;
}

function insert(node: FormTree, segments: string[], value: string): void {
  let current: FormTree = node;
  for (let i = 0; i < segments.length; i++) {
    let segment = segments[i] ?? "";
    const last = i === segments.length - 1;
    if (segment === "") {
      // `expand[]=a&expand[]=b`: append at the next free index.
      let n = 0;
      while (Object.hasOwn(current, String(n))) n++;
      segment = String(n);
    }
    if (last) {
      current[segment] = value;
      return;
    }
    const next = current[segment];
    if (typeof next === "object" && next !== null && !Array.isArray(next)) {
      current = next;
    } else {
      const created: FormTree = {};
      current[segment] = created;
      current = created;
    }
  }
}

/** The canonical text of a parameter tree, so that two requests with the same parameters compare equal. */
export function canonical(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  const keys = Object.keys(value as object).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(",")}}`;
}
