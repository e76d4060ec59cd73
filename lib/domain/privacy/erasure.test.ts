import { describe, expect, it } from "vitest";
import { erasureRefusal, keptRecords, type ErasureOrder } from "./erasure";

const until = new Date("2037-01-01T00:00:00Z");
const order = (over: Partial<ErasureOrder> = {}): ErasureOrder => ({
  id: "ord_1", status: "PAID", retainUntil: until, parcelsDelivered: [true], withdrawals: [], payments: [{ id: "pay_1" }], hasContract: true, ...over,
});

describe("erasureRefusal", () => {
  it("lets a person with no orders, or only settled ones, be erased", () => {
    expect(erasureRefusal({ staff: false, orders: [] })).toBeNull();
    expect(erasureRefusal({ staff: false, orders: [order(), order({ status: "CANCELLED", parcelsDelivered: [false] }), order({ status: "REFUNDED", parcelsDelivered: [false] })] })).toBeNull();
    expect(erasureRefusal({ staff: false, orders: [order({ withdrawals: [{ id: "w", status: "REFUNDED" }] })] })).toBeNull();
  });

  it("waits while an order is unpaid, settling, undelivered or has an open withdrawal", () => {
    expect(erasureRefusal({ staff: false, orders: [order({ status: "AWAITING_PAYMENT" })] })).toBe("ORDERS_IN_PROGRESS");
    expect(erasureRefusal({ staff: false, orders: [order({ status: "PROCESSING" })] })).toBe("ORDERS_IN_PROGRESS");
    expect(erasureRefusal({ staff: false, orders: [order({ parcelsDelivered: [true, false] })] })).toBe("ORDERS_IN_PROGRESS");
    expect(erasureRefusal({ staff: false, orders: [order({ withdrawals: [{ id: "w", status: "REQUESTED" }] })] })).toBe("ORDERS_IN_PROGRESS");
    expect(erasureRefusal({ staff: false, orders: [order({ withdrawals: [{ id: "w", status: "RETURN_RECEIVED" }] })] })).toBe("ORDERS_IN_PROGRESS");
  });

  it("refuses a seller's or operator's account: it holds the keys to a shop", () => {
    expect(erasureRefusal({ staff: true, orders: [] })).toBe("STAFF_ACCOUNT");
  });
});

describe("keptRecords", () => {
  it("lists the order, its contract, payments and withdrawals with their basis and end of retention", () => {
    expect(keptRecords([order({ withdrawals: [{ id: "wd_1", status: "REFUNDED" }] })])).toEqual([
      { type: "order", id: "ord_1", basis: "tax-and-commercial-records", until: "2037-01-01T00:00:00.000Z" },
      { type: "contract", id: "ord_1", basis: "contract-evidence", until: "2037-01-01T00:00:00.000Z" },
      { type: "payment", id: "pay_1", basis: "tax-and-commercial-records", until: "2037-01-01T00:00:00.000Z" },
      { type: "withdrawal", id: "wd_1", basis: "contract-evidence", until: "2037-01-01T00:00:00.000Z" },
    ]);
    expect(keptRecords([])).toEqual([]);
    expect(keptRecords([order({ hasContract: false, payments: [], retainUntil: null })])).toEqual([{ type: "order", id: "ord_1", basis: "tax-and-commercial-records", until: null }]);
  });
});
