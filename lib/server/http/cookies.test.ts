import { describe, expect, it } from "vitest";
import { requestCookie } from "./cookies";

const request = (cookie?: string) => new Request("http://shop.test/", { headers: cookie === undefined ? {} : { cookie } });

describe("requestCookie", () => {
  it("finds a cookie among others, with spaces, and keeps an '=' inside its value", () => {
    expect(requestCookie(request("a=1; caravan_market=JP;b=2"), "caravan_market")).toBe("JP");
    expect(requestCookie(request("token=ab=cd"), "token")).toBe("ab=cd");
  });

  it("is undefined without the cookie, without a header, and for a name that only prefixes another", () => {
    expect(requestCookie(request("caravan_market_x=JP"), "caravan_market")).toBeUndefined();
    expect(requestCookie(request(), "caravan_market")).toBeUndefined();
    expect(requestCookie(request("=JP; noequals"), "noequals")).toBeUndefined();
  });
});
