import { describe, expect, it } from "vitest";
import { LOCALES } from "@/lib/domain/markets";
import { renderHeldLineMail } from "./mail";

describe("the held-line email to the seller", () => {
  it("renders in every locale with the order, the product and the media page, escaped in HTML", () => {
    for (const locale of LOCALES) {
      const mail = renderHeldLineMail({ locale, orderNumber: "CV-AB12-CD34", productTitle: "Tea <b>guide</b>", quantity: 2, reason: "NO_LICENCE_KEY", mediaUrl: "https://shop.test/en/seller/products/prd_1/media" });
      expect(mail.subject).toContain("CV-AB12-CD34");
      expect(mail.text).toContain("Tea <b>guide</b>");
      expect(mail.text).toContain("https://shop.test/en/seller/products/prd_1/media");
      expect(mail.html).toContain("Tea &lt;b&gt;guide&lt;/b&gt;");
      expect(mail.html).not.toContain("<b>guide");
    }
  });
  it("names why the line is held", () => {
    const base = { locale: "en" as const, orderNumber: "CV-1", productTitle: "Album", quantity: 1, mediaUrl: "https://shop.test/m" };
    expect(renderHeldLineMail({ ...base, reason: "NO_LICENCE_KEY" }).text).toContain("licence keys");
    expect(renderHeldLineMail({ ...base, reason: "NO_FILE" }).text).toContain("no file");
  });
});
