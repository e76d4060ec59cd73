import { describe, expect, it } from "vitest";
import { filtersQuery, maskShipTo, maskStoredShipTo, pageCount, parcelBreakdown, parseOrderFilters, sellerOrderStatus } from "./index";

describe("sellerOrderStatus", () => {
  const paid = { orderStatus: "PAID", deliveredAt: null, refundedMinor: 0 };
  it("is PAID until delivered, DELIVERED after, REFUNDED once any refund is made, CANCELLED for a cancelled order", () => {
    expect(sellerOrderStatus(paid)).toBe("PAID");
    expect(sellerOrderStatus({ ...paid, deliveredAt: new Date("2026-12-01T00:00:00Z") })).toBe("DELIVERED");
    expect(sellerOrderStatus({ ...paid, deliveredAt: new Date("2026-12-01T00:00:00Z"), refundedMinor: 1 })).toBe("REFUNDED");
    expect(sellerOrderStatus({ ...paid, orderStatus: "REFUNDED" })).toBe("REFUNDED");
    expect(sellerOrderStatus({ ...paid, orderStatus: "CANCELLED" })).toBe("CANCELLED");
  });
});

describe("parseOrderFilters", () => {
  it("reads a status, a destination and a page", () => {
    expect(parseOrderFilters({ status: "DELIVERED", destination: "jp", page: "3" })).toEqual({ status: "DELIVERED", destination: "JP", page: 3 });
    expect(parseOrderFilters({ status: ["PAID", "REFUNDED"] })).toEqual({ status: "PAID", destination: null, page: 1 });
  });
  it("ignores what is not a status, a country or a page in range", () => {
    expect(parseOrderFilters({ status: "AWAITING_PAYMENT", destination: "JPN", page: "0" })).toEqual({ status: null, destination: null, page: 1 });
    expect(parseOrderFilters({ status: "paid", destination: "1A", page: "-2" })).toEqual({ status: null, destination: null, page: 1 });
    expect(parseOrderFilters({ page: "99999999" })).toEqual({ status: null, destination: null, page: 1 });
    expect(parseOrderFilters({})).toEqual({ status: null, destination: null, page: 1 });
  });
  it("keeps the filters in page links", () => {
    const filters = { status: "PAID" as const, destination: "JP", page: 2 };
    expect(filtersQuery(filters, { page: 3 })).toBe("?status=PAID&destination=JP&page=3");
    expect(filtersQuery(filters, { page: 1 })).toBe("?status=PAID&destination=JP");
    expect(filtersQuery({ status: null, destination: null, page: 1 })).toBe("");
  });
  it("counts pages, at least one", () => {
    expect(pageCount(0)).toBe(1);
    expect(pageCount(20)).toBe(1);
    expect(pageCount(21)).toBe(2);
  });
});

describe("maskShipTo", () => {
  it("keeps initials, the town and the country", () => {
    expect(maskShipTo({ name: "Jane Doe", city: "Osaka", country: "jp" })).toBe("J••• D•••, Osaka, JP");
    expect(maskShipTo({ name: "山田 花子", city: "京都市", country: "JP" })).toBe("山••• 花•••, 京都市, JP");
    expect(maskShipTo({ name: "فاطمة العلي", city: "Salmiya", country: "KW" })).toBe("ف••• ا•••, Salmiya, KW");
  });
  it("falls back to the region, and leaves out what is missing", () => {
    expect(maskShipTo({ name: "  Jane   Doe ", city: "", region: "Kyoto", country: "JP" })).toBe("J••• D•••, Kyoto, JP");
    expect(maskShipTo({ name: null, country: "DE" })).toBe("DE");
  });
  it("never holds the street, postal code or the rest of the name", () => {
    const masked = maskShipTo({ name: "Jane Doe", city: "Osaka", country: "JP" });
    expect(masked).not.toMatch(/ane|oe/);
  });
});

describe("parcelBreakdown", () => {
  const m = (amountMinor: number) => ({ amountMinor, currency: "JPY" });
  const parcel = { index: 1, incoterm: "DAP", regime: "STANDARD", goods: m(1000), shipping: m(500), duty: m(90), fees: m(10), tax: m(160), total: m(1760), dueAtCheckout: m(1500), dueOnDelivery: m(260) };
  it("reads the parcel at its position from the stored quote", () => {
    const breakdown = parcelBreakdown({ parcels: [{ ...parcel, index: 0, incoterm: "DDP" }, parcel] }, 1)!;
    expect(breakdown.incoterm).toBe("DAP");
    expect(breakdown.dueOnDelivery).toEqual({ amountMinor: 260, currency: "JPY" });
    expect(breakdown.goods).toEqual({ amountMinor: 1000, currency: "JPY" });
  });
  it("is null for a missing parcel or a quote of another shape", () => {
    expect(parcelBreakdown({ parcels: [parcel] }, 0)).toBeNull();
    expect(parcelBreakdown({ parcels: [{ ...parcel, goods: { amountMinor: 1.5, currency: "JPY" } }] }, 1)).toBeNull();
    expect(parcelBreakdown(null, 0)).toBeNull();
    expect(parcelBreakdown({ parcels: "x" }, 0)).toBeNull();
  });
});

describe("maskStoredShipTo", () => {
  it("names the region of a stored code in the address's script", () => {
    expect(maskStoredShipTo("JP", { name: "Hanako Yamada", line1: "Karasuma 123", region: "26", postalCode: "6040000" })).toBe("H••• Y•••, Kyoto, JP");
    expect(maskStoredShipTo("JP", { name: "山田 花子", line1: "烏丸通 123", region: "26", postalCode: "6040000" })).toBe("山••• 花•••, 京都府, JP");
  });
  it("keeps a town, and copes with no address at all", () => {
    expect(maskStoredShipTo("KW", { name: "Fatima Al-Ali", line1: "Block 3", city: "Salmiya", postalCode: "20001" })).toBe("F••• A•••, Salmiya, KW");
    expect(maskStoredShipTo("JP", null)).toBe("JP");
  });
});
