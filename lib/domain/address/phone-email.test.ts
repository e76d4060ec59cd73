import { describe, expect, it } from "vitest";
import { parseEmail, parsePhone } from "./index";

describe("parsePhone", () => {
  it("reads a Japanese mobile in national format as E.164", () => {
    expect(parsePhone("JP", "090-1234-5678")).toEqual({ ok: true, value: "+819012345678" });
    expect(parsePhone("JP", "０９０－１２３４－５６７８")).toEqual({ ok: true, value: "+819012345678" });
  });

  it("reads Kuwaiti numbers, national or international", () => {
    expect(parsePhone("KW", "6555 1234")).toEqual({ ok: true, value: "+96565551234" });
    expect(parsePhone("KW", "+965 2222 1234")).toEqual({ ok: true, value: "+96522221234" });
    expect(parsePhone("KW", "00965 2222 1234")).toEqual({ ok: true, value: "+96522221234" });
  });

  it("accepts another country's number written internationally", () => {
    expect(parsePhone("KW", "+44 7400 123456")).toEqual({ ok: true, value: "+447400123456" });
  });

  it("refuses a number valid only in another country's national format", () => {
    // A British mobile, and a US number (which Japan's plan would read as a pager).
    expect(parsePhone("KW", "07400 123456")).toEqual({ ok: false, code: "INVALID_PHONE" });
    expect(parsePhone("JP", "(201) 555-0123")).toEqual({ ok: false, code: "INVALID_PHONE" });
    expect(parsePhone("US", "(201) 555-0123")).toEqual({ ok: true, value: "+12015550123" });
  });

  it("refuses garbage, numbers of the right length in unused ranges, and text around a number", () => {
    for (const bad of ["hello", "123", "+999 1234 5678", "+81 0000 0000", "090-1234-5678 after 6pm"]) {
      expect(parsePhone("JP", bad), bad).toEqual({ ok: false, code: "INVALID_PHONE" });
    }
  });

  it("requires a number, refuses control characters and unsupported countries", () => {
    expect(parsePhone("JP", "  ")).toEqual({ ok: false, code: "REQUIRED" });
    expect(parsePhone("JP", undefined)).toEqual({ ok: false, code: "REQUIRED" });
    expect(parsePhone("JP", "090\u00001234")).toEqual({ ok: false, code: "INVALID_CHARACTERS" });
    expect(parsePhone("FI", "+358 40 1234567")).toEqual({ ok: false, code: "UNSUPPORTED_COUNTRY" });
  });
});

describe("parseEmail", () => {
  it("keeps the local part and lower-cases the domain", () => {
    expect(parseEmail("  Jane.Doe+shop@Example.COM ")).toEqual({ ok: true, value: "Jane.Doe+shop@example.com" });
    expect(parseEmail("taro@例え.テスト")).toEqual({ ok: true, value: "taro@例え.テスト" });
    expect(parseEmail("a@xn--mgbh0fb.xn--kgbechtv")).toEqual({ ok: true, value: "a@xn--mgbh0fb.xn--kgbechtv" });
  });

  it("requires an address", () => {
    expect(parseEmail("")).toEqual({ ok: false, code: "REQUIRED" });
    expect(parseEmail("   ")).toEqual({ ok: false, code: "REQUIRED" });
    expect(parseEmail(undefined)).toEqual({ ok: false, code: "REQUIRED" });
  });

  it("refuses what no mailbox looks like", () => {
    for (const bad of [
      "plain", "@example.com", "jane@", "jane@@example.com", "jane@example", "jane doe@example.com", "jane@exa mple.com",
      ".jane@example.com", "jane.@example.com", "ja..ne@example.com", "jane@-example.com", "jane@example-.com", "jane@example.c",
      "jane@example..com", "\"jane\"@example.com", "jane@[127.0.0.1]", "jane\u0000@example.com", "jane\u202E@example.com",
    ]) {
      expect(parseEmail(bad), JSON.stringify(bad)).toEqual({ ok: false, code: "INVALID_EMAIL" });
    }
    expect(parseEmail(42)).toEqual({ ok: false, code: "INVALID_EMAIL" });
  });

  it("allows at most 254 characters and 64 before the @", () => {
    const domain = `${"d".repeat(63)}.${"e".repeat(63)}.${"f".repeat(63)}.com`;
    const longest = `${"a".repeat(254 - domain.length - 1)}@${domain}`;
    expect(longest).toHaveLength(254);
    expect(parseEmail(longest).ok).toBe(true);
    expect(parseEmail(`a${longest}`)).toEqual({ ok: false, code: "INVALID_EMAIL" });
    expect(parseEmail(`${"a".repeat(65)}@example.com`)).toEqual({ ok: false, code: "INVALID_EMAIL" });
  });
});
