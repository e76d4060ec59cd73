import { describe, expect, it } from "vitest";
import { maskName, maskPhone, parseRevealRequest, privacyRegimeFor, shipToWindow } from "./index";

describe("shipToWindow", () => {
  const paidAt = new Date("2026-11-02T09:00:00Z");
  const deliveredAt = new Date("2026-11-10T12:00:00Z");
  const base = { paidAt, deliveredAt: null, returnDays: 14, ended: false };

  it("is masked before payment and once the order ended", () => {
    expect(shipToWindow({ ...base, paidAt: null, now: new Date("2026-11-03T00:00:00Z") })).toEqual({ visible: false, reason: "NOT_PAID" });
    expect(shipToWindow({ ...base, now: new Date("2026-11-02T08:59:59.999Z") })).toEqual({ visible: false, reason: "NOT_PAID" });
    expect(shipToWindow({ ...base, ended: true, now: new Date("2026-11-03T00:00:00Z") })).toEqual({ visible: false, reason: "ENDED" });
  });

  it("is visible from payment until delivery, with no end while undelivered", () => {
    expect(shipToWindow({ ...base, now: paidAt })).toEqual({ visible: true, until: null });
    expect(shipToWindow({ ...base, now: new Date("2027-06-01T00:00:00Z") })).toEqual({ visible: true, until: null });
  });

  it("stays visible for the returns period after delivery and is masked from its last moment on", () => {
    const until = new Date("2026-11-24T12:00:00Z");
    expect(shipToWindow({ ...base, deliveredAt, now: deliveredAt })).toEqual({ visible: true, until });
    expect(shipToWindow({ ...base, deliveredAt, now: new Date(until.getTime() - 1) })).toEqual({ visible: true, until });
    expect(shipToWindow({ ...base, deliveredAt, now: until })).toEqual({ visible: false, reason: "EXPIRED" });
    expect(shipToWindow({ ...base, deliveredAt, now: new Date("2026-12-30T00:00:00Z") })).toEqual({ visible: false, reason: "EXPIRED" });
  });

  it("counts the seller's own returns period", () => {
    const now = new Date("2026-11-30T00:00:00Z"); // 19.5 days after delivery
    expect(shipToWindow({ ...base, deliveredAt, returnDays: 14, now }).visible).toBe(false);
    expect(shipToWindow({ ...base, deliveredAt, returnDays: 30, now })).toEqual({ visible: true, until: new Date("2026-12-10T12:00:00Z") });
  });

  it("treats a nonsensical returns period as none: masked at delivery", () => {
    expect(shipToWindow({ ...base, deliveredAt, returnDays: -3, now: deliveredAt }).visible).toBe(false);
    expect(shipToWindow({ ...base, deliveredAt, returnDays: Number.NaN, now: deliveredAt }).visible).toBe(false);
  });
});

describe("parseRevealRequest", () => {
  it("takes a known field and a reason of 10 to 500 characters, trimmed", () => {
    expect(parseRevealRequest("email", "  Carrier asks to confirm the recipient  ")).toEqual({ ok: true, field: "email", reason: "Carrier asks to confirm the recipient" });
    for (const field of ["name", "address", "phone"]) expect(parseRevealRequest(field, "x".repeat(10)).ok).toBe(true);
    expect(parseRevealRequest("phone", "x".repeat(500)).ok).toBe(true);
    expect(parseRevealRequest("name", "配送業者からの住所確認依頼").ok).toBe(true);
  });

  it("refuses another field, a missing, short or long reason, and control characters", () => {
    expect(parseRevealRequest("password", "a good long reason")).toEqual({ ok: false, code: "REVEAL_FIELD_INVALID" });
    expect(parseRevealRequest(undefined, "a good long reason")).toEqual({ ok: false, code: "REVEAL_FIELD_INVALID" });
    expect(parseRevealRequest("email", "")).toEqual({ ok: false, code: "REVEAL_REASON_REQUIRED" });
    expect(parseRevealRequest("email", "   ")).toEqual({ ok: false, code: "REVEAL_REASON_REQUIRED" });
    expect(parseRevealRequest("email", null)).toEqual({ ok: false, code: "REVEAL_REASON_REQUIRED" });
    expect(parseRevealRequest("email", "too short")).toEqual({ ok: false, code: "REVEAL_REASON_TOO_SHORT" });
    expect(parseRevealRequest("email", "x".repeat(501))).toEqual({ ok: false, code: "REVEAL_REASON_TOO_LONG" });
    expect(parseRevealRequest("email", "a reason\u0007with a bell")).toEqual({ ok: false, code: "INVALID_REASON" });
  });
});

describe("masks", () => {
  it("keeps a name's initials only", () => {
    expect(maskName("Hanako Yamada")).toBe("H••• Y•••");
    expect(maskName("山田 花子")).toBe("山••• 花•••");
    expect(maskName("  ")).toBe("•••");
    expect(maskName(null)).toBe("•••");
  });

  it("keeps a phone's last two digits, and nothing of a short one", () => {
    expect(maskPhone("+81 90-1234-5678")).toBe("•••78");
    expect(maskPhone("123")).toBe("•••");
    expect(maskPhone(undefined)).toBe("•••");
  });
});

describe("privacyRegimeFor", () => {
  it("names the law of each kind of market", () => {
    for (const country of ["DE", "FR", "ES", "IT", "NL", "no", "IS"]) expect(privacyRegimeFor(country)).toBe("EU");
    expect(privacyRegimeFor("GB")).toBe("UK");
    expect(privacyRegimeFor("CH")).toBe("CH");
    expect(privacyRegimeFor("JP")).toBe("JP");
    expect(privacyRegimeFor("BR")).toBe("BR");
    expect(privacyRegimeFor("AU")).toBe("AU");
    for (const country of ["US", "CA", "KR", "CN", "MX", "IN", "AE", "KW", "KE"]) expect(privacyRegimeFor(country)).toBe("GENERAL");
  });
});
