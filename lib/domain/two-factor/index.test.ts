import { describe, expect, it } from "vitest";
import {
  actionNeedsSecondFactor,
  authenticatorSecret,
  base32Decode,
  base32Encode,
  DEMO_TOTP_SECRET,
  deviceKey,
  groupedSecret,
  isNewDevice,
  networkOf,
  noticeForDevice,
  otpauthUri,
  parseSecondStepCode,
  parseTotpCode,
  requireSecondFactor,
  secondFactorOf,
  secretOfUri,
  totpCode,
  twoFactorErrorCode,
} from "./index";

describe("totpCode (RFC 6238, appendix B)", () => {
  const keys = {
    sha1: Buffer.from("12345678901234567890"),
    sha256: Buffer.from("12345678901234567890123456789012"),
    sha512: Buffer.from("1234567890123456789012345678901234567890123456789012345678901234"),
  } as const;
  const vectors: [number, string, string, string][] = [
    [59, "94287082", "46119246", "90693936"],
    [1111111109, "07081804", "68084774", "25091201"],
    [1111111111, "14050471", "67062674", "99943326"],
    [1234567890, "89005924", "91819424", "93441116"],
    [2000000000, "69279037", "90698825", "38618901"],
    [20000000000, "65353130", "77737706", "47863826"],
  ];
  it.each(vectors)("at %i s", (seconds, sha1, sha256, sha512) => {
    const at = new Date(seconds * 1000);
    expect(totpCode(keys.sha1, at, { digits: 8 })).toBe(sha1);
    expect(totpCode(keys.sha256, at, { digits: 8, algorithm: "sha256" })).toBe(sha256);
    expect(totpCode(keys.sha512, at, { digits: 8, algorithm: "sha512" })).toBe(sha512);
  });

  it("gives six digits by default, the same within a 30-second step and another in the next", () => {
    const key = base32Decode(DEMO_TOTP_SECRET);
    const code = totpCode(key, new Date(90_000));
    expect(code).toMatch(/^\d{6}$/);
    expect(totpCode(key, new Date(119_999))).toBe(code);
    expect(totpCode(key, new Date(120_000))).not.toBe(code);
  });
});

describe("base32", () => {
  it("round-trips bytes and reads RFC 4648's test vector", () => {
    expect(base32Encode(Buffer.from("foobar"))).toBe("MZXW6YTBOI");
    expect(base32Decode("MZXW6YTBOI======").toString()).toBe("foobar");
    expect(base32Decode("mzxw 6ytb oi").toString()).toBe("foobar");
    expect(() => base32Decode("M1")).toThrow();
  });

  it("the demo key is 160 bits of valid base32", () => {
    expect(base32Decode(DEMO_TOTP_SECRET)).toHaveLength(20);
    expect(base32Encode(base32Decode(DEMO_TOTP_SECRET))).toBe(DEMO_TOTP_SECRET);
  });

  it("turns the secret as better-auth keeps it into the authenticator's key", () => {
    expect(authenticatorSecret("base32:jbswy3dpehpk3pxp")).toBe("JBSWY3DPEHPK3PXP");
    expect(authenticatorSecret("foobar")).toBe("MZXW6YTBOI");
  });
});

describe("the authenticator's URI", () => {
  it("names the issuer and account and carries the secret", () => {
    const uri = otpauthUri("Caravan", "ana+shop@example.com", "JBSWY3DPEHPK3PXP");
    expect(uri).toBe("otpauth://totp/Caravan:ana%2Bshop%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=Caravan&algorithm=SHA1&digits=6&period=30");
    expect(secretOfUri(uri)).toBe("JBSWY3DPEHPK3PXP");
    expect(secretOfUri("https://example.com/?secret=X")).toBeNull();
    expect(secretOfUri("not a uri")).toBeNull();
    expect(groupedSecret("JBSWY3DPEHPK3PXP")).toBe("JBSW Y3DP EHPK 3PXP");
  });
});

describe("codes typed at the second step", () => {
  it("reads six digits as an authenticator code, spaces allowed", () => {
    expect(parseSecondStepCode("123456")).toEqual({ ok: true, data: { kind: "totp", code: "123456" } });
    expect(parseSecondStepCode(" 123 456 ")).toEqual({ ok: true, data: { kind: "totp", code: "123456" } });
  });

  it("reads a backup code with or without its dash, keeping its case", () => {
    expect(parseSecondStepCode("aB3dE-fG5hJ")).toEqual({ ok: true, data: { kind: "backup", code: "aB3dE-fG5hJ" } });
    expect(parseSecondStepCode("aB3dEfG5hJ")).toEqual({ ok: true, data: { kind: "backup", code: "aB3dE-fG5hJ" } });
  });

  it.each([undefined, null, 123456, "", "12345", "1234567", "abcd-efghi", "abcde-fghij-k", "'; drop table", "x".repeat(41)])("refuses %j", (raw) => {
    expect(parseSecondStepCode(raw)).toEqual({ ok: false, code: "INVALID_TWO_FACTOR_CODE" });
  });

  it("takes only authenticator codes where a backup code does not serve (turning on or off)", () => {
    expect(parseTotpCode("654321")).toEqual({ ok: true, data: "654321" });
    expect(parseTotpCode("aB3dE-fG5hJ")).toEqual({ ok: false, code: "INVALID_TWO_FACTOR_CODE" });
  });

  it("names better-auth's refusals in the store's codes", () => {
    expect(twoFactorErrorCode("INVALID_CODE")).toBe("INVALID_TWO_FACTOR_CODE");
    expect(twoFactorErrorCode("INVALID_BACKUP_CODE")).toBe("INVALID_TWO_FACTOR_CODE");
    expect(twoFactorErrorCode("TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE")).toBe("TWO_FACTOR_EXPIRED");
    expect(twoFactorErrorCode("ACCOUNT_TEMPORARILY_LOCKED")).toBe("TWO_FACTOR_LOCKED");
    expect(twoFactorErrorCode("INVALID_PASSWORD")).toBe("INVALID_CREDENTIALS");
    expect(twoFactorErrorCode("toString")).toBe("SERVICE_BUSY");
    expect(twoFactorErrorCode(undefined)).toBe("SERVICE_BUSY");
  });
});

describe("who must have passed the second step", () => {
  it("a session passes only when two-factor is on and it was made by the second step", () => {
    expect(secondFactorOf(false, true)).toBe("off");
    expect(secondFactorOf(true, false)).toBe("unverified");
    expect(secondFactorOf(true, true)).toBe("passed");
    expect(requireSecondFactor({ secondFactor: "passed" })).toEqual({ ok: true });
    expect(requireSecondFactor({ secondFactor: "unverified" })).toEqual({ ok: false, code: "TWO_FACTOR_REQUIRED" });
    expect(requireSecondFactor({ secondFactor: "off" })).toEqual({ ok: false, code: "TWO_FACTOR_REQUIRED" });
    expect(requireSecondFactor({})).toEqual({ ok: false, code: "TWO_FACTOR_REQUIRED" });
  });

  it("every operator action, and nothing else by path", () => {
    expect(actionNeedsSecondFactor("/api/admin/fx/override")).toBe(true);
    expect(actionNeedsSecondFactor("/api/admin")).toBe(true);
    expect(actionNeedsSecondFactor("/api/administrator")).toBe(false);
    expect(actionNeedsSecondFactor("/api/seller/products")).toBe(false);
  });
});

describe("devices", () => {
  it("groups addresses by network: IPv4 /24, IPv6 /48", () => {
    expect(networkOf("203.0.113.77")).toBe("203.0.113.0/24");
    expect(networkOf("::ffff:203.0.113.5")).toBe("203.0.113.0/24");
    expect(networkOf("2001:db8:abcd:12::1")).toBe("2001:db8:abcd::/48");
    expect(networkOf("2001:db8:abcd:12::/64")).toBe("2001:db8:abcd::/48");
    expect(networkOf("2001:0db8:0000:0000:0000:0000:0000:0001")).toBe("2001:db8:0::/48");
    expect(networkOf("999.1.1.1")).toBeNull();
    expect(networkOf("unknown")).toBeNull();
    expect(networkOf(null)).toBeNull();
  });

  it("a device is its browser and network, not its exact address", () => {
    expect(deviceKey("Firefox", "203.0.113.1")).toBe(deviceKey("Firefox", "203.0.113.200"));
    expect(deviceKey("Firefox", "203.0.113.1")).not.toBe(deviceKey("Firefox", "203.0.114.1"));
    expect(deviceKey("Firefox", "203.0.113.1")).not.toBe(deviceKey("Safari", "203.0.113.1"));
    expect(deviceKey(null, null)).toBe("\n-");
  });

  it("is new when never seen or not for 90 days; the notice waits for an account's second device", () => {
    const now = new Date("2026-06-01T12:00:00Z");
    const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);
    expect(isNewDevice(null, now)).toBe(true);
    expect(isNewDevice(daysAgo(89), now)).toBe(false);
    expect(isNewDevice(daysAgo(91), now)).toBe(true);
    expect(noticeForDevice(null, [], now)).toBe(false);
    expect(noticeForDevice(null, [daysAgo(3)], now)).toBe(true);
    expect(noticeForDevice(daysAgo(91), [daysAgo(3)], now)).toBe(true);
    expect(noticeForDevice(daysAgo(10), [daysAgo(3)], now)).toBe(false);
    expect(noticeForDevice(null, [daysAgo(120)], now)).toBe(false);
  });
});
