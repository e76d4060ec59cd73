import { describe, expect, it } from "vitest";
import { statusAfter } from "./status";

const at = (minute: number) => new Date(Date.UTC(2026, 11, 1, 10, minute));

describe("statusAfter", () => {
  it("takes the newer event's status", () => {
    expect(statusAfter({ status: "LABEL_CREATED", statusAt: at(0) }, { kind: "IN_TRANSIT", at: at(5) })).toEqual({ status: "IN_TRANSIT", statusAt: at(5) });
  });
  it("keeps the status when an older event arrives late", () => {
    const current = { status: "DELIVERED" as const, statusAt: at(30) };
    expect(statusAfter(current, { kind: "IN_TRANSIT", at: at(5) })).toBe(current);
  });
});
