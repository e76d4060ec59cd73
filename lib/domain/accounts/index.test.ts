import { describe, expect, it } from "vitest";
import { authErrorCode, isDemoEmail, localeOfPath, parseSignIn, parseSignUp, requireOperator, requireSellerMember, type Viewer } from "./index";

const buyer: Viewer = { userId: "u1", email: "b@example.com", role: "BUYER", seller: null };
const operator: Viewer = { ...buyer, userId: "u2", role: "OPERATOR" };
const owner: Viewer = { ...buyer, userId: "u3", seller: { id: "s1", role: "OWNER" } };

describe("guards", () => {
  it("refuses nobody as unauthenticated, a buyer as forbidden", () => {
    expect(requireOperator(null)).toEqual({ ok: false, code: "UNAUTHENTICATED" });
    expect(requireOperator(buyer)).toEqual({ ok: false, code: "FORBIDDEN" });
    expect(requireOperator(operator)).toEqual({ ok: true, viewer: operator });
  });
  it("lets a member in to their own seller only", () => {
    expect(requireSellerMember(owner, "s1").ok).toBe(true);
    expect(requireSellerMember(owner, "s2")).toEqual({ ok: false, code: "FORBIDDEN" });
    expect(requireSellerMember(operator, "s1")).toEqual({ ok: false, code: "FORBIDDEN" });
    expect(requireSellerMember(null, "s1")).toEqual({ ok: false, code: "UNAUTHENTICATED" });
  });
});

describe("forms", () => {
  it("lower-cases and trims the address", () => {
    expect(parseSignIn({ email: "  Ana@Example.COM ", password: "x" })).toEqual({ ok: true, data: { email: "ana@example.com", password: "x" } });
  });
  it("names what is wrong with a sign-up", () => {
    expect(parseSignUp({ email: "nope", password: "long enough pw", repeated: "long enough pw" })).toEqual({ ok: false, code: "INVALID_EMAIL" });
    expect(parseSignUp({ email: "a@example.com", password: "short", repeated: "short" })).toEqual({ ok: false, code: "PASSWORD_TOO_SHORT" });
    expect(parseSignUp({ email: "a@example.com", password: "long enough pw", repeated: "other" })).toEqual({ ok: false, code: "PASSWORDS_DIFFER" });
    expect(parseSignUp({ email: "a@example.com", password: "x".repeat(129), repeated: "x".repeat(129) })).toEqual({ ok: false, code: "PASSWORD_TOO_LONG" });
  });
});

describe("codes and locales", () => {
  it("maps upstream codes, anything else to SERVICE_BUSY", () => {
    expect(authErrorCode("INVALID_EMAIL_OR_PASSWORD")).toBe("INVALID_CREDENTIALS");
    expect(authErrorCode("EMAIL_NOT_VERIFIED")).toBe("EMAIL_NOT_VERIFIED");
    expect(authErrorCode("toString")).toBe("SERVICE_BUSY");
    expect(authErrorCode(undefined)).toBe("SERVICE_BUSY");
  });
  it("reads the locale from the path", () => {
    const locales = ["en", "de", "zh-CN", "pt-BR"] as const;
    expect(localeOfPath("/de/sign-in?verified=1", locales, "en")).toBe("de");
    expect(localeOfPath("/zh-CN", locales, "en")).toBe("zh-CN");
    expect(localeOfPath("/xx/sign-in", locales, "en")).toBe("en");
    expect(localeOfPath(null, locales, "en")).toBe("en");
  });
});

describe("demo accounts", () => {
  it("are recognised by their domain, in any case", () => {
    expect(isDemoEmail("seller+kyoto-ceramics@demo.caravan.localhost")).toBe(true);
    expect(isDemoEmail("Operator@DEMO.caravan.localhost")).toBe(true);
    expect(isDemoEmail("someone@caravan.localhost")).toBe(false);
    expect(isDemoEmail("x@notdemo.caravan.localhost")).toBe(false);
  });
});
