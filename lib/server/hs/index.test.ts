import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/domain/accounts";
import { HS_QUERY_ERRORS } from "@/lib/domain/hs";
import { LOCALES } from "@/lib/domain/markets";
import { searchHsCodes } from "./index";

const seller: Viewer = { userId: "u_seller", email: "s@example.test", role: "BUYER", seller: { id: "sel_1", role: "STAFF" } };
const buyer: Viewer = { userId: "u_buyer", email: "b@example.test", role: "BUYER", seller: null };
const operator: Viewer = { userId: "u_op", email: "o@example.test", role: "OPERATOR", seller: null };

describe("searchHsCodes", () => {
  it("answers a seller member in their locale", () => {
    const outcome = searchHsCodes(seller, "de", "Messer");
    expect(outcome.ok && outcome.results[0]?.code).toBe("8211");
  });

  it("refuses a visitor without a session, a buyer and an operator", () => {
    expect(searchHsCodes(null, "de", "Messer")).toEqual({ ok: false, code: "UNAUTHENTICATED" });
    expect(searchHsCodes(buyer, "de", "Messer")).toEqual({ ok: false, code: "FORBIDDEN" });
    expect(searchHsCodes(operator, "de", "Messer")).toEqual({ ok: false, code: "FORBIDDEN" });
  });

  it("refuses an unknown locale and bad queries with a code", () => {
    expect(searchHsCodes(seller, "xx", "Messer")).toEqual({ ok: false, code: "HS_LOCALE_UNKNOWN" });
    expect(searchHsCodes(seller, "en", "")).toEqual({ ok: false, code: "HS_QUERY_EMPTY" });
    expect(searchHsCodes(seller, "en", "x".repeat(200))).toEqual({ ok: false, code: "HS_QUERY_TOO_LONG" });
  });

  it("has every refusal translated in every locale", () => {
    for (const locale of LOCALES) {
      const messages = JSON.parse(fs.readFileSync(path.resolve("messages", `${locale}.json`), "utf8")) as { panel: { error: Record<string, string> } };
      for (const code of HS_QUERY_ERRORS) expect(messages.panel.error[code], `${locale} ${code}`).toBeTruthy();
    }
  });
});
