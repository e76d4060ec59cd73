import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { IntlMessageFormat } from "intl-messageformat";
import { LOCALES } from "@/lib/domain/markets";

type Tree = { [key: string]: string | Tree };

function load(locale: string): Tree {
  return JSON.parse(fs.readFileSync(path.resolve("messages", `${locale}.json`), "utf8")) as Tree;
}

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(name, value);
    else for (const [k, v] of flatten(value, name)) out.set(k, v);
  }
  return out;
}

/** Argument names used by a message, from its parsed form. */
function argumentsOf(message: string, locale: string): string[] {
  const names = new Set<string>();
  const walk = (nodes: unknown[]) => {
    for (const node of nodes as { type: number; value?: string; options?: Record<string, { value: unknown[] }> }[]) {
      if (node.type !== 0 && node.type !== 7 && typeof node.value === "string") names.add(node.value);
      for (const option of Object.values(node.options ?? {})) walk(option.value);
    }
  };
  walk(new IntlMessageFormat(message, locale).getAst() as unknown[]);
  return [...names].sort();
}

const english = flatten(load("en"));

describe("messages", () => {
  it("English has the keys the pages use", () => {
    expect(english.size).toBeGreaterThan(80);
  });

  for (const locale of LOCALES.filter((l) => l !== "en")) {
    describe(locale, () => {
      const messages = flatten(load(locale));
      it("has exactly the English keys", () => {
        expect([...messages.keys()].sort()).toEqual([...english.keys()].sort());
      });
      it("parses, and uses the same placeholders as English", () => {
        for (const [key, text] of messages) {
          expect(argumentsOf(text, locale), key).toEqual(argumentsOf(english.get(key)!, "en"));
        }
      });
    });
  }
});
