/** The store's message files, to assert on translated texts without copying them. */
import fs from "node:fs";
import path from "node:path";

type Messages = { errors: { notFoundTitle: string; unavailableTitle: string; unavailableBody: string; retry: string } };

export function messages(locale: string): Messages {
  return JSON.parse(fs.readFileSync(path.resolve("messages", `${locale}.json`), "utf8")) as Messages;
}
