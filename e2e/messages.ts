/** The store's message files, to assert on translated texts without copying them. */
import fs from "node:fs";
import path from "node:path";

export type Messages = Record<string, unknown> & { errors: { notFoundTitle: string; unavailableTitle: string; unavailableBody: string; retry: string } };

export function messages(locale: string): Messages {
  return JSON.parse(fs.readFileSync(path.resolve("messages", `${locale}.json`), "utf8")) as Messages;
}

/** The message at a dotted key ("checkout.pay"), as written in the file (placeholders left in). */
export function text(m: Record<string, unknown>, key: string): string {
  return key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], m) as string;
}
