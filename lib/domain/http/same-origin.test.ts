import { describe, expect, it } from "vitest";
import { isCsrfToken, judgeSameOrigin, type OriginFacts } from "./same-origin";

const TOKEN = "6f1c2a8e-3b7d-4c55-9e0a-1f2b3c4d5e6f";
const facts = (extra: Partial<OriginFacts>): OriginFacts => ({
  origin: null,
  secFetchSite: null,
  ownOrigins: ["http://shop.test", "https://shop.example"],
  cookieToken: null,
  formToken: null,
  ...extra,
});
const OK = { ok: true };
const FORBIDDEN = { ok: false, code: "FORBIDDEN_ORIGIN" };

describe("judgeSameOrigin", () => {
  it.each<[string, Partial<OriginFacts>, object]>([
    ["its own origin", { origin: "http://shop.test" }, OK],
    ["its public origin", { origin: "https://shop.example" }, OK],
    ["another site", { origin: "https://evil.example" }, FORBIDDEN],
    ["another port", { origin: "http://shop.test:8080" }, FORBIDDEN],
    ["another scheme", { origin: "https://shop.test" }, FORBIDDEN],
    ["a sub-domain", { origin: "http://evil.shop.test" }, FORBIDDEN],
    ["a look-alike suffix", { origin: "http://shop.test.evil.example" }, FORBIDDEN],
    ["an opaque origin", { origin: "null" }, FORBIDDEN],
    ["an empty Origin", { origin: "" }, FORBIDDEN],
    ["a trailing slash", { origin: "http://shop.test/" }, FORBIDDEN],
    ["a foreign Origin despite Sec-Fetch-Site", { origin: "https://evil.example", secFetchSite: "same-origin" }, FORBIDDEN],
    ["a foreign Origin despite a matching token", { origin: "https://evil.example", cookieToken: TOKEN, formToken: TOKEN }, FORBIDDEN],
    ["no Origin, Sec-Fetch-Site same-origin", { secFetchSite: "same-origin" }, OK],
    ["no Origin, Sec-Fetch-Site none", { secFetchSite: "none" }, OK],
    ["no Origin, Sec-Fetch-Site cross-site", { secFetchSite: "cross-site" }, FORBIDDEN],
    ["no Origin, Sec-Fetch-Site same-site", { secFetchSite: "same-site" }, FORBIDDEN],
    ["no headers at all", {}, FORBIDDEN],
    ["no Origin, matching token", { cookieToken: TOKEN, formToken: TOKEN }, OK],
    ["no Origin, cross-site but matching token", { secFetchSite: "cross-site", cookieToken: TOKEN, formToken: TOKEN }, OK],
    ["no Origin, tokens differ", { cookieToken: TOKEN, formToken: TOKEN.replace("6", "7") }, FORBIDDEN],
    ["no Origin, only the cookie", { cookieToken: TOKEN }, FORBIDDEN],
    ["no Origin, only the field", { formToken: TOKEN }, FORBIDDEN],
    ["no Origin, both empty", { cookieToken: "", formToken: "" }, FORBIDDEN],
    ["no Origin, short equal tokens", { cookieToken: "abc", formToken: "abc" }, FORBIDDEN],
  ])("%s", (_name, extra, verdict) => {
    expect(judgeSameOrigin(facts(extra))).toEqual(verdict);
  });
});

describe("isCsrfToken", () => {
  it("accepts what the form generates", () => {
    expect(isCsrfToken(TOKEN)).toBe(true);
    expect(isCsrfToken("0123456789abcdef0123456789abcdef")).toBe(true);
  });
  it.each([null, undefined, "", "short", "x".repeat(65), `${TOKEN};x=1`, `${TOKEN} `, "ü".repeat(40)])("refuses %j", (value) => {
    expect(isCsrfToken(value)).toBe(false);
  });
});
