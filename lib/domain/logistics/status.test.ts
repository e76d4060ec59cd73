import { describe, expect, it } from "vitest";
import { statusAfter, type ShipmentStatus } from "./status";

const at = (minute: number) => new Date(Date.UTC(2026, 11, 1, 10, minute));
const replay = (events: [ShipmentStatus, number][]) =>
  events.reduce((state, [kind, minute]) => statusAfter(state, { kind, at: at(minute) }), { status: "LABEL_CREATED" as ShipmentStatus, statusAt: at(0) });

describe("statusAfter", () => {
  it("takes the newer event's status", () => {
    expect(statusAfter({ status: "LABEL_CREATED", statusAt: at(0) }, { kind: "IN_TRANSIT", at: at(5) })).toEqual({ status: "IN_TRANSIT", statusAt: at(5) });
  });
  it("keeps the status when an older event arrives late", () => {
    const current = { status: "DELIVERED" as const, statusAt: at(30) };
    expect(statusAfter(current, { kind: "IN_TRANSIT", at: at(5) })).toBe(current);
  });
  it("keeps the status when an older event of a non-final status arrives late", () => {
    const current = { status: "OUT_FOR_DELIVERY" as const, statusAt: at(30) };
    expect(statusAfter(current, { kind: "HELD_AT_CUSTOMS", at: at(20) })).toBe(current);
  });
  it("does not undo DELIVERED with a later-timestamped scan of an earlier step", () => {
    const current = { status: "DELIVERED" as const, statusAt: at(30) };
    expect(statusAfter(current, { kind: "IN_TRANSIT", at: at(40) })).toBe(current);
    expect(statusAfter(current, { kind: "OUT_FOR_DELIVERY", at: at(31) })).toBe(current);
  });
  it("lets a later return or exception follow DELIVERED", () => {
    const current = { status: "DELIVERED" as const, statusAt: at(30) };
    expect(statusAfter(current, { kind: "RETURNED_TO_SENDER", at: at(40) })).toEqual({ status: "RETURNED_TO_SENDER", statusAt: at(40) });
    expect(statusAfter(current, { kind: "EXCEPTION", at: at(40) })).toEqual({ status: "EXCEPTION", statusAt: at(40) });
    expect(statusAfter(current, { kind: "EXCEPTION", at: at(20) })).toBe(current);
  });
  it("keeps RETURNED_TO_SENDER whatever follows", () => {
    const current = { status: "RETURNED_TO_SENDER" as const, statusAt: at(30) };
    expect(statusAfter(current, { kind: "DELIVERED", at: at(40) })).toBe(current);
  });
  it("breaks a tie at the same instant by how far along the way the status is", () => {
    expect(statusAfter({ status: "IN_TRANSIT", statusAt: at(5) }, { kind: "PICKED_UP", at: at(5) })).toEqual({ status: "IN_TRANSIT", statusAt: at(5) });
    expect(statusAfter({ status: "PICKED_UP", statusAt: at(5) }, { kind: "IN_TRANSIT", at: at(5) })).toEqual({ status: "IN_TRANSIT", statusAt: at(5) });
  });
  it("ends at the same status whatever order the events arrive in", () => {
    const events: [ShipmentStatus, number][] = [
      ["LABEL_CREATED", 0],
      ["PICKED_UP", 1],
      ["IN_TRANSIT", 2],
      ["HELD_AT_CUSTOMS", 3],
      ["RELEASED_BY_CUSTOMS", 4],
      ["OUT_FOR_DELIVERY", 5],
      ["DELIVERED", 6],
    ];
    expect(replay(events).status).toBe("DELIVERED");
    expect(replay([...events].reverse()).status).toBe("DELIVERED");
    expect(replay([events[3]!, events[6]!, events[0]!, events[5]!]).status).toBe("DELIVERED");
  });
});
