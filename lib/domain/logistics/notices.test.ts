import { describe, expect, it } from "vitest";
import { allUnitsDelivered, noticesDue } from "./notices";

describe("noticesDue", () => {
  it("sends SHIPPED with the first event", () => {
    expect(noticesDue({ firstEvent: true, before: "LABEL_CREATED", after: "LABEL_CREATED" })).toEqual(["SHIPPED"]);
  });
  it("sends SHIPPED and the status's own notice when the first event is already further along", () => {
    expect(noticesDue({ firstEvent: true, before: "LABEL_CREATED", after: "OUT_FOR_DELIVERY" })).toEqual(["SHIPPED", "OUT_FOR_DELIVERY"]);
  });
  it("sends a notice when the status moves into customs, out for delivery, delivered or an exception", () => {
    expect(noticesDue({ firstEvent: false, before: "ARRIVED_IN_DESTINATION", after: "HELD_AT_CUSTOMS" })).toEqual(["HELD_AT_CUSTOMS"]);
    expect(noticesDue({ firstEvent: false, before: "RELEASED_BY_CUSTOMS", after: "OUT_FOR_DELIVERY" })).toEqual(["OUT_FOR_DELIVERY"]);
    expect(noticesDue({ firstEvent: false, before: "OUT_FOR_DELIVERY", after: "DELIVERED" })).toEqual(["DELIVERED"]);
    expect(noticesDue({ firstEvent: false, before: "IN_TRANSIT", after: "EXCEPTION" })).toEqual(["EXCEPTION"]);
  });
  it("sends nothing for other steps, or when the status did not move", () => {
    expect(noticesDue({ firstEvent: false, before: "LABEL_CREATED", after: "PICKED_UP" })).toEqual([]);
    expect(noticesDue({ firstEvent: false, before: "DELIVERED", after: "DELIVERED" })).toEqual([]);
  });
});

describe("allUnitsDelivered", () => {
  const lines = [
    { id: "a", physical: true, quantity: 3, withdrawn: 0 },
    { id: "b", physical: true, quantity: 2, withdrawn: 1 },
    { id: "e", physical: false, quantity: 1, withdrawn: 0 },
  ];
  it("is true when every physical unit still owed is delivered", () => {
    expect(allUnitsDelivered(lines, [{ orderLineId: "a", quantity: 2 }, { orderLineId: "a", quantity: 1 }, { orderLineId: "b", quantity: 1 }])).toBe(true);
  });
  it("is false on a partial delivery", () => {
    expect(allUnitsDelivered(lines, [{ orderLineId: "a", quantity: 2 }, { orderLineId: "b", quantity: 1 }])).toBe(false);
    expect(allUnitsDelivered(lines, [{ orderLineId: "a", quantity: 3 }])).toBe(false);
  });
  it("leaves withdrawn units and digital lines out", () => {
    expect(allUnitsDelivered([{ id: "a", physical: true, quantity: 2, withdrawn: 2 }, { id: "b", physical: true, quantity: 1, withdrawn: 0 }, lines[2]!], [{ orderLineId: "b", quantity: 1 }])).toBe(true);
  });
  it("is false when nothing physical is owed", () => {
    expect(allUnitsDelivered([lines[2]!], [])).toBe(false);
    expect(allUnitsDelivered([{ id: "a", physical: true, quantity: 1, withdrawn: 1 }], [])).toBe(false);
  });
});
