import { describe, expect, it } from "vitest";
import { NOTICE_KINDS } from "@/lib/domain/logistics/notices";
import { LOCALES } from "@/lib/domain/markets";
import { renderShipmentNotice, type ShipmentNoticeView } from "./shipment-notice";

const VIEW: ShipmentNoticeView = {
  locale: "en",
  kind: "HELD_AT_CUSTOMS",
  orderNumber: "CV-7K3M-9QX2",
  orderUrl: "https://caravan.example/en/checkout/complete?order=ord_x&key=k",
  carrier: "DHL",
  trackingNumber: "JD0146000033",
  trackingUrl: "https://www.dhl.com/track?id=JD0146000033",
  estimate: { from: "2026-12-04", to: "2026-12-07" },
};

describe("renderShipmentNotice", () => {
  it("names the order, the carrier, the tracking number and link, the status in words and the estimate", () => {
    const mail = renderShipmentNotice(VIEW);
    expect(mail.subject).toBe("Your parcel for order CV-7K3M-9QX2 is at customs");
    for (const part of [mail.text, mail.html]) {
      expect(part).toContain("CV-7K3M-9QX2");
      expect(part).toContain("DHL");
      expect(part).toContain("JD0146000033");
      expect(part).toContain("Your parcel is being checked by customs");
      expect(part).toContain("Dec 4, 2026 – Dec 7, 2026");
    }
    expect(mail.text).toContain("Track your parcel: https://www.dhl.com/track?id=JD0146000033");
    expect(mail.text).toContain(`Your order: ${VIEW.orderUrl}`);
    expect(mail.html).toContain(`href="${VIEW.orderUrl.replace(/&/g, "&amp;")}"`);
  });
  it("leaves the tracking link out when the carrier's page is not known, and the estimate once delivered", () => {
    const mail = renderShipmentNotice({ ...VIEW, kind: "DELIVERED", trackingUrl: null });
    expect(mail.text).not.toContain("Track your parcel");
    expect(mail.html).not.toContain("dhl.com");
    expect(mail.text).not.toContain("Estimated delivery");
    expect(mail.subject).toBe("Your parcel for order CV-7K3M-9QX2 has been delivered");
  });
  it("shows a one-day estimate as that day", () => {
    expect(renderShipmentNotice({ ...VIEW, kind: "OUT_FOR_DELIVERY", estimate: { from: "2026-12-04", to: "2026-12-04" } }).text).toContain("Estimated delivery: Dec 4, 2026\n");
  });
  it("escapes what it is given in the HTML part", () => {
    const mail = renderShipmentNotice({ ...VIEW, carrier: "<b>Evil</b>" });
    expect(mail.html).not.toContain("<b>Evil</b>");
    expect(mail.html).toContain("&lt;b&gt;Evil&lt;/b&gt;");
  });
  it("refuses a link that is not http(s)", () => {
    expect(() => renderShipmentNotice({ ...VIEW, orderUrl: "javascript:alert(1)" })).toThrow(TypeError);
  });
  it("renders every notice in every language, right to left in Arabic", () => {
    for (const locale of LOCALES) {
      for (const kind of NOTICE_KINDS) {
        const mail = renderShipmentNotice({ ...VIEW, locale, kind });
        expect(mail.subject).toContain("CV-7K3M-9QX2");
        expect(mail.html).toContain(`lang="${locale}"`);
      }
    }
    const ar = renderShipmentNotice({ ...VIEW, locale: "ar" });
    expect(ar.html).toContain('dir="rtl"');
    expect(ar.text).toContain("\u2068JD0146000033\u2069");
    expect(renderShipmentNotice({ ...VIEW, locale: "de" }).subject).toBe("Ihr Paket zur Bestellung CV-7K3M-9QX2 ist beim Zoll");
  });
});
