import { describe, expect, it } from "vitest";
import { addressKey, clientAddress, UNKNOWN_CLIENT } from "./client-address";

const headers = (xff?: string) => new Headers(xff === undefined ? {} : { "x-forwarded-for": xff });

describe("addressKey", () => {
  it.each([
    ["203.0.113.7", "203.0.113.7"],
    [" 203.0.113.7 ", "203.0.113.7"],
    ["::ffff:127.0.0.1", "127.0.0.1"],
    ["2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64"],
    ["2001:db8:1:2::9", "2001:db8:1:2::/64"],
    ["2001:0db8:0001:0002:ffff::1", "2001:db8:1:2::/64"],
    ["[2001:db8::1]", "2001:db8:0:0::/64"],
    ["::1", "0:0:0:0::/64"],
  ])("keys %s as %s", (address, key) => {
    expect(addressKey(address)).toBe(key);
  });

  it.each(["", "localhost", "1.2.3", "256.1.1.1", "1.2.3.4:80", "fe80::1%eth0", "2001:db8::1::2", "x".repeat(5000), "1.2.3.4, 5.6.7.8"])("refuses %j", (value) => {
    expect(addressKey(value)).toBeNull();
  });
});

describe("clientAddress without a trusted proxy", () => {
  it("uses the single address Next writes from the socket", () => {
    expect(clientAddress(headers("198.51.100.4"), false)).toBe("198.51.100.4");
    expect(clientAddress(headers("::ffff:198.51.100.4"), false)).toBe("198.51.100.4");
  });

  it("puts requests without an address, or with a list or junk, under one shared key", () => {
    expect(clientAddress(headers(), false)).toBe(UNKNOWN_CLIENT);
    expect(clientAddress(headers("198.51.100.4, 10.0.0.1"), false)).toBe(UNKNOWN_CLIENT);
    expect(clientAddress(headers("evil"), false)).toBe(UNKNOWN_CLIENT);
  });
});

describe("clientAddress behind a trusted proxy", () => {
  it("takes the right-most valid hop, ignoring what the client claimed before it", () => {
    expect(clientAddress(headers("1.1.1.1, 2.2.2.2, 198.51.100.4"), true)).toBe("198.51.100.4");
    expect(clientAddress(headers("spoofed, 198.51.100.4"), true)).toBe("198.51.100.4");
    expect(clientAddress(headers("198.51.100.4, junk"), true)).toBe("198.51.100.4");
    expect(clientAddress(headers("2001:db8:1:2::9"), true)).toBe("2001:db8:1:2::/64");
  });

  it("falls back to the shared key when no hop is an address", () => {
    expect(clientAddress(headers("junk, more junk"), true)).toBe(UNKNOWN_CLIENT);
    expect(clientAddress(headers(), true)).toBe(UNKNOWN_CLIENT);
  });
});
