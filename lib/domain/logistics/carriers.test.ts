import { describe, expect, it } from "vitest";
import { CARRIERS, checkTrackingNumber, isS10, normaliseTrackingNumber, s10CheckDigit, trackingUrl } from "./carriers";

describe("carriers", () => {
  it("computes the UPU S10 check digit with weights 8 6 4 2 3 5 9 7 (10 -> 0, 11 -> 5)", () => {
    expect(s10CheckDigit("12345678")).toBe(5); // 204 mod 11 = 6, 11 - 6 = 5
    expect(s10CheckDigit("47312482")).toBe(9); // EE473124829US, the S10 standard's example
    expect(s10CheckDigit("00000000")).toBe(5); // remainder 0 -> 11 -> 5
    expect(s10CheckDigit("00000001")).toBe(4); // 7 -> 11 - 7 = 4
    expect(s10CheckDigit("02000000")).toBe(0); // 12 mod 11 = 1 -> 10 -> 0
    expect(s10CheckDigit("10000000")).toBe(3); // 8 -> 3
  });

  it("accepts a postal item of the operator's country with the right check digit", () => {
    expect(checkTrackingNumber("japan-post", "RR123456785JP")).toMatchObject({ ok: true, trackingNumber: "RR123456785JP" });
    expect(checkTrackingNumber("deutsche-post", "rr 1234 5678 5de")).toMatchObject({ ok: true, trackingNumber: "RR123456785DE" });
    expect(checkTrackingNumber("posta-kenya", "EE123456785KE")).toMatchObject({ ok: true });
    expect(checkTrackingNumber("india-post", "EE123456785IN")).toMatchObject({ ok: true });
    expect(checkTrackingNumber("usps", "EE473124829US")).toMatchObject({ ok: true });
  });

  it("refuses a wrong S10 check digit, another operator's country and a malformed item", () => {
    expect(checkTrackingNumber("japan-post", "RR123456784JP")).toEqual({ ok: false, code: "INVALID_TRACKING_NUMBER" });
    expect(checkTrackingNumber("japan-post", "RR123456785DE")).toEqual({ ok: false, code: "INVALID_TRACKING_NUMBER" });
    expect(checkTrackingNumber("royal-mail", "R1123456785GB")).toEqual({ ok: false, code: "INVALID_TRACKING_NUMBER" });
    expect(checkTrackingNumber("royal-mail", "RR12345678GB")).toEqual({ ok: false, code: "INVALID_TRACKING_NUMBER" });
    expect(isS10("RR123456785JP")).toBe(true);
    expect(isS10("RR123456780JP")).toBe(false);
  });

  it("checks the courier shapes", () => {
    expect(checkTrackingNumber("dhl-express", "12 3456 7890")).toMatchObject({ ok: true, trackingNumber: "1234567890" });
    expect(checkTrackingNumber("dhl-express", "123456789")).toMatchObject({ ok: false });
    expect(checkTrackingNumber("ups", "1z999aa10123456784")).toMatchObject({ ok: true, trackingNumber: "1Z999AA10123456784" });
    expect(checkTrackingNumber("ups", "1Z999AA1012345678")).toMatchObject({ ok: false });
    expect(checkTrackingNumber("fedex", "123456789012")).toMatchObject({ ok: true });
    expect(checkTrackingNumber("fedex", "123456789012345")).toMatchObject({ ok: true });
    expect(checkTrackingNumber("fedex", "1234567890123")).toMatchObject({ ok: false });
    expect(checkTrackingNumber("yamato", "4321-5678-9012")).toMatchObject({ ok: true, trackingNumber: "432156789012" });
    expect(checkTrackingNumber("yamato", "43215678901")).toMatchObject({ ok: false });
    expect(checkTrackingNumber("simulated", "sim 0000012345")).toMatchObject({ ok: true, trackingNumber: "SIM0000012345" });
    expect(checkTrackingNumber("simulated", "SIM12345")).toMatchObject({ ok: false });
  });

  it("refuses an unknown carrier and a missing number", () => {
    expect(checkTrackingNumber("pigeon", "RR123456785JP")).toEqual({ ok: false, code: "UNKNOWN_CARRIER" });
    expect(checkTrackingNumber("ups", undefined)).toEqual({ ok: false, code: "INVALID_TRACKING_NUMBER" });
    expect(checkTrackingNumber("ups", "")).toEqual({ ok: false, code: "INVALID_TRACKING_NUMBER" });
  });

  it("normalises spaces, dashes and case", () => {
    expect(normaliseTrackingNumber(" rr-1234.5678 5jp ")).toBe("RR123456785JP");
  });

  it("has the required carriers with unique codes and a tracking URL per number", () => {
    const codes = CARRIERS.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of ["japan-post", "deutsche-post", "la-poste", "correios", "royal-mail", "australia-post", "canada-post", "usps", "posta-kenya", "india-post", "dhl-express", "ups", "fedex", "yamato", "simulated"]) {
      expect(codes).toContain(code);
    }
    expect(trackingUrl("ups", "1Z999AA10123456784")).toBe("https://www.ups.com/track?tracknum=1Z999AA10123456784");
    expect(trackingUrl("nope", "1")).toBeNull();
  });
});
