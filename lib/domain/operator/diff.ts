/**
 * A readable difference between an audit entry's `before` and `after` (JSON values):
 * one row per changed leaf, named by its path ("commissionBps", "address.city",
 * "lines[0].qty"), with the value as it was and as it became, each as JSON text.
 * Unchanged fields are left out; a field only on one side is added or removed.
 */
export type DiffRow =
  | { path: string; kind: "added"; after: string }
  | { path: string; kind: "removed"; before: string }
  | { path: string; kind: "changed"; before: string; after: string };

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

function show(value: unknown): string {
  return JSON.stringify(value === undefined ? null : value);
}

function join(path: string, key: string | number): string {
  if (typeof key === "number") return `${path}[${key}]`;
  return /^[A-Za-z_$][\w$]*$/.test(key) ? (path ? `${path}.${key}` : key) : `${path}[${JSON.stringify(key)}]`;
}

export function diffJson(before: unknown, after: unknown): DiffRow[] {
  const rows: DiffRow[] = [];
  walk(before as Json | undefined, after as Json | undefined, "", rows);
  return rows;
}

function walk(before: Json | undefined, after: Json | undefined, path: string, rows: DiffRow[]): void {
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    for (const key of keys) walk(before[key] as Json | undefined, after[key] as Json | undefined, join(path, key), rows);
    return;
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    for (let i = 0; i < Math.max(before.length, after.length); i++) walk(before[i], after[i], join(path, i), rows);
    return;
  }
  if (before === undefined && after === undefined) return;
  if (before === undefined) {
    if (isObject(after) && Object.keys(after).length > 0) {
      for (const key of Object.keys(after).sort()) walk(undefined, after[key] as Json, join(path, key), rows);
      return;
    }
    rows.push({ path: path || "·", kind: "added", after: show(after) });
    return;
  }
  if (after === undefined) {
    if (isObject(before) && Object.keys(before).length > 0) {
      for (const key of Object.keys(before).sort()) walk(before[key] as Json, undefined, join(path, key), rows);
      return;
    }
    rows.push({ path: path || "·", kind: "removed", before: show(before) });
    return;
  }
  if (show(before) !== show(after)) rows.push({ path: path || "·", kind: "changed", before: show(before), after: show(after) });
}
