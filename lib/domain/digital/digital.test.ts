import { describe, expect, it } from "vitest";
import { attachmentDisposition, deliveryDue, deliveryOutcome, keysNeeded, linkState, linkTerms, linkToken, parseRange, tokenLinkId, tokenMatches } from "./index";

const SECRET = "s".repeat(43);
const LINK = "dl_AAAAAAAAAAAAAAAAAAAAAA";

describe("what a line needs and gets", () => {
  it("one key per unit when the product has a pool, none without", () => {
    expect(keysNeeded(3, true)).toBe(3);
    expect(keysNeeded(3, false)).toBe(0);
  });
  it("holds a line whose pool is empty or short, or that has nothing to give", () => {
    expect(deliveryOutcome({ needed: 2, taken: 2, hasFile: false })).toEqual({ status: "DELIVERED" });
    expect(deliveryOutcome({ needed: 0, taken: 0, hasFile: true })).toEqual({ status: "DELIVERED" });
    expect(deliveryOutcome({ needed: 2, taken: 1, hasFile: true })).toEqual({ status: "HELD", reason: "NO_LICENCE_KEY" });
    expect(deliveryOutcome({ needed: 1, taken: 0, hasFile: true })).toEqual({ status: "HELD", reason: "NO_LICENCE_KEY" });
    expect(deliveryOutcome({ needed: 0, taken: 0, hasFile: false })).toEqual({ status: "HELD", reason: "NO_FILE" });
  });
  it("is due once its time has come", () => {
    const at = new Date("2026-12-15T10:00:00Z");
    expect(deliveryDue(at, new Date("2026-12-15T09:59:59Z"))).toBe(false);
    expect(deliveryDue(at, at)).toBe(true);
  });
});

describe("download link tokens", () => {
  it("are bound to their link and their order line, and refuse anything else", () => {
    const token = linkToken(LINK, "oln_a", SECRET);
    expect(tokenLinkId(token)).toBe(LINK);
    expect(tokenMatches(token, LINK, "oln_a", SECRET)).toBe(true);
    expect(tokenMatches(token, LINK, "oln_b", SECRET)).toBe(false);
    expect(tokenMatches(token, LINK, "oln_a", "t".repeat(43))).toBe(false);
    expect(tokenMatches(token, "dl_BBBBBBBBBBBBBBBBBBBBBB", "oln_a", SECRET)).toBe(false);
    const forged = `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`;
    expect(tokenMatches(forged, LINK, "oln_a", SECRET)).toBe(false);
  });
  it("are refused when not shaped like the store's", () => {
    for (const bad of [null, 1, "", "dl_x.y", `${LINK}`, `${LINK}.${"a".repeat(43)}.x`, `../${LINK}.${"a".repeat(43)}`]) expect(tokenLinkId(bad)).toBeNull();
  });
});

describe("link state and terms", () => {
  const now = new Date("2026-12-01T10:00:00Z");
  it("usable until its lifetime or its count runs out", () => {
    const terms = linkTerms(now, 72, 5);
    expect(terms).toEqual({ expiresAt: new Date("2026-12-04T10:00:00Z"), maxDownloads: 5 });
    expect(linkState({ ...terms, used: 4 }, now)).toBe("USABLE");
    expect(linkState({ ...terms, used: 5 }, now)).toBe("USED_UP");
    expect(linkState({ ...terms, used: 0 }, terms.expiresAt)).toBe("EXPIRED");
  });
});

describe("byte ranges", () => {
  it("serves one range, open-ended or a suffix, clipped to the file", () => {
    expect(parseRange(null, 100)).toEqual({ kind: "full" });
    expect(parseRange("bytes=0-9", 100)).toEqual({ kind: "partial", start: 0, end: 9 });
    expect(parseRange("bytes=90-", 100)).toEqual({ kind: "partial", start: 90, end: 99 });
    expect(parseRange("bytes=-10", 100)).toEqual({ kind: "partial", start: 90, end: 99 });
    expect(parseRange("bytes=-500", 100)).toEqual({ kind: "partial", start: 0, end: 99 });
    expect(parseRange("bytes=50-500", 100)).toEqual({ kind: "partial", start: 50, end: 99 });
  });
  it("answers a range past the end as unsatisfiable, and ignores what it does not understand", () => {
    expect(parseRange("bytes=100-", 100)).toEqual({ kind: "unsatisfiable" });
    expect(parseRange("bytes=-0", 100)).toEqual({ kind: "unsatisfiable" });
    expect(parseRange("bytes=0-1,5-6", 100)).toEqual({ kind: "full" });
    expect(parseRange("items=0-1", 100)).toEqual({ kind: "full" });
    expect(parseRange("bytes=9-3", 100)).toEqual({ kind: "full" });
  });
});

describe("Content-Disposition", () => {
  it("gives the original name as filename* and an ASCII fallback", () => {
    expect(attachmentDisposition("guide.pdf")).toBe(`attachment; filename="guide.pdf"; filename*=UTF-8''guide.pdf`);
    expect(attachmentDisposition('茶の本 "draft".pdf')).toBe(`attachment; filename="___ _draft_.pdf"; filename*=UTF-8''%E8%8C%B6%E3%81%AE%E6%9C%AC%20%22draft%22.pdf`);
  });
});
