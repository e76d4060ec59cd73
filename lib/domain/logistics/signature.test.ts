import { describe, expect, it } from "vitest";
import { demoCarrierSecret, parseCarrierSecrets, signatureHeader, verifySignature } from "./signature";

const SECRET = "a-carrier-secret-of-some-length";
const BODY = JSON.stringify({ id: "evt-1", trackingNumber: "SIM123456", kind: "IN_TRANSIT", at: "2026-12-01T10:00:00Z" });
const T = 1_796_119_200;

describe("carrier webhook signatures", () => {
  it("accepts the body signed with the secret at the given time", () => {
    expect(verifySignature(BODY, signatureHeader(BODY, SECRET, T), SECRET, T + 10)).toEqual({ ok: true, timestamp: T });
  });
  it("accepts one matching v1 among several (a secret being rotated)", () => {
    const good = signatureHeader(BODY, SECRET, T).split(",v1=")[1]!;
    expect(verifySignature(BODY, `t=${T},v1=${"0".repeat(64)},v1=${good}`, SECRET, T).ok).toBe(true);
  });
  it("refuses a missing header", () => {
    expect(verifySignature(BODY, null, SECRET, T)).toEqual({ ok: false, code: "SIGNATURE_MISSING" });
    expect(verifySignature(BODY, "", SECRET, T)).toEqual({ ok: false, code: "SIGNATURE_MISSING" });
  });
  it("refuses a header without a timestamp or a signature", () => {
    expect(verifySignature(BODY, `v1=${"a".repeat(64)}`, SECRET, T)).toEqual({ ok: false, code: "SIGNATURE_MALFORMED" });
    expect(verifySignature(BODY, `t=${T}`, SECRET, T)).toEqual({ ok: false, code: "SIGNATURE_MALFORMED" });
    expect(verifySignature(BODY, `t=${T},v1=nothex`, SECRET, T)).toEqual({ ok: false, code: "SIGNATURE_MALFORMED" });
  });
  it("refuses a signature over five minutes old or ahead", () => {
    const header = signatureHeader(BODY, SECRET, T);
    expect(verifySignature(BODY, header, SECRET, T + 300).ok).toBe(true);
    expect(verifySignature(BODY, header, SECRET, T + 301)).toEqual({ ok: false, code: "SIGNATURE_STALE" });
    expect(verifySignature(BODY, header, SECRET, T - 301)).toEqual({ ok: false, code: "SIGNATURE_STALE" });
  });
  it("refuses another secret, another body, or a timestamp changed after signing", () => {
    const header = signatureHeader(BODY, SECRET, T);
    expect(verifySignature(BODY, header, "another-secret-entirely", T)).toEqual({ ok: false, code: "SIGNATURE_MISMATCH" });
    expect(verifySignature(BODY.replace("IN_TRANSIT", "DELIVERED"), header, SECRET, T)).toEqual({ ok: false, code: "SIGNATURE_MISMATCH" });
    expect(verifySignature(BODY, header.replace(`t=${T}`, `t=${T + 1}`), SECRET, T)).toEqual({ ok: false, code: "SIGNATURE_MISMATCH" });
  });
  it("derives a demo secret per carrier from the store's secret", () => {
    expect(demoCarrierSecret("store", "simulated")).toBe(demoCarrierSecret("store", "simulated"));
    expect(demoCarrierSecret("store", "simulated")).not.toBe(demoCarrierSecret("store", "dhl"));
    expect(demoCarrierSecret("store", "simulated")).not.toBe(demoCarrierSecret("other", "simulated"));
  });
});

describe("parseCarrierSecrets", () => {
  it("reads carrier=secret pairs", () => {
    expect(parseCarrierSecrets("simulated=0123456789abcdef, dhl=fedcba9876543210xyz")).toEqual({ ok: true, secrets: { simulated: "0123456789abcdef", dhl: "fedcba9876543210xyz" } });
  });
  it("keeps '=' inside a secret", () => {
    expect(parseCarrierSecrets("ups=abc=def=ghi=jkl=mno")).toEqual({ ok: true, secrets: { ups: "abc=def=ghi=jkl=mno" } });
  });
  it("refuses short secrets, bad carrier codes and repeats", () => {
    expect(parseCarrierSecrets("dhl=short").ok).toBe(false);
    expect(parseCarrierSecrets("DHL Express=0123456789abcdef").ok).toBe(false);
    expect(parseCarrierSecrets("nosecret").ok).toBe(false);
    expect(parseCarrierSecrets("dhl=0123456789abcdef,dhl=0123456789abcdeg").ok).toBe(false);
  });
});
