import { describe, expect, it } from "vitest";
import { maskEmail } from "./mask";

describe("maskEmail", () => {
  it("keeps the first letter of mailbox and domain and the last label", () => {
    expect(maskEmail("buyer@example.com")).toBe("b•••@e•••.com");
    expect(maskEmail("hanako@example.jp")).toBe("h•••@e•••.jp");
    expect(maskEmail("fatima@mail.example.co.uk")).toBe("f•••@m•••.uk");
  });

  it("never shows more than one character of the mailbox or the host", () => {
    const masked = maskEmail("someone.private@secretdomain.org");
    expect(masked).not.toContain("omeone");
    expect(masked).not.toContain("ecret");
    expect(masked).toBe("s•••@s•••.org");
  });

  it("handles a domain without a dot, surrogate pairs and stray spaces", () => {
    expect(maskEmail("root@localhost")).toBe("r•••@l•••");
    expect(maskEmail("𝒶lice@example.com")).toBe("𝒶•••@e•••.com");
    expect(maskEmail("  buyer@example.com ")).toBe("b•••@e•••.com");
  });

  it("hides anything that is not an address entirely", () => {
    expect(maskEmail("")).toBe("•••");
    expect(maskEmail("no-at-sign")).toBe("•••");
    expect(maskEmail("@example.com")).toBe("•••");
    expect(maskEmail("buyer@")).toBe("•••");
  });
});
