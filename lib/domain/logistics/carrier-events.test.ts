import { describe, expect, it } from "vitest";
import { mapCarrierKind, parseCarrierEvents } from "./carrier-events";

const NOW = new Date("2026-12-01T12:00:00Z");
const event = (over: Record<string, unknown> = {}) => ({ id: "evt-1", trackingNumber: "SIM12345678", kind: "SIM-TRN", at: "2026-12-01T10:00:00Z", ...over });
const parse = (body: unknown, carrier = "simulated") => parseCarrierEvents(carrier, typeof body === "string" ? body : JSON.stringify(body), NOW);

describe("mapCarrierKind", () => {
  it("takes normalised statuses as they are, from any carrier", () => {
    expect(mapCarrierKind("simulated", "DELIVERED")).toBe("DELIVERED");
    expect(mapCarrierKind("someone-new", "HELD_AT_CUSTOMS")).toBe("HELD_AT_CUSTOMS");
  });
  it("maps each carrier's own codes by its table", () => {
    expect(mapCarrierKind("simulated", "SIM-CUS")).toBe("HELD_AT_CUSTOMS");
    expect(mapCarrierKind("dhl-express", "transit")).toBe("IN_TRANSIT");
    expect(mapCarrierKind("dhl-express", "delivered")).toBe("DELIVERED");
    expect(mapCarrierKind("ups", "D")).toBe("DELIVERED");
  });
  it("knows no code of another carrier's table, nor unknown words", () => {
    expect(mapCarrierKind("ups", "SIM-DLV")).toBeNull();
    expect(mapCarrierKind("simulated", "delivered")).toBeNull();
    expect(mapCarrierKind("simulated", "toString")).toBeNull();
  });
});

describe("parseCarrierEvents", () => {
  it("reads one event, with its carrier code mapped", () => {
    expect(parse(event({ location: " Leipzig hub ", text: "Departed", estimatedDelivery: { from: "2026-12-03", to: "2026-12-05" } }))).toEqual({
      ok: true,
      events: [{ id: "evt-1", trackingNumber: "SIM12345678", kind: "IN_TRANSIT", at: new Date("2026-12-01T10:00:00Z"), location: "Leipzig hub", text: "Departed", estimate: { from: new Date("2026-12-03T00:00:00Z"), to: new Date("2026-12-05T00:00:00Z") } }],
    });
  });
  it("reads a batch", () => {
    const parsed = parse([event(), event({ id: "evt-2", kind: "DELIVERED", at: "2026-12-01T11:00:00Z" })]);
    expect(parsed.ok && parsed.events.map((e) => [e.id, e.kind])).toEqual([["evt-1", "IN_TRANSIT"], ["evt-2", "DELIVERED"]]);
  });
  it("takes an estimate's dates from instants too, and a single day", () => {
    const parsed = parse(event({ estimatedDelivery: { from: "2026-12-04T18:00:00+09:00" } }));
    expect(parsed.ok && parsed.events[0]!.estimate).toEqual({ from: new Date("2026-12-04T00:00:00Z"), to: new Date("2026-12-04T00:00:00Z") });
  });
  it.each([
    ["not JSON", "{", "BODY_NOT_JSON"],
    ["an empty batch", [], "NO_EVENTS"],
    ["a string", '"x"', "EVENT_NOT_OBJECT"],
    ["no id", event({ id: undefined }), "EVENT_ID_INVALID"],
    ["an id with spaces", event({ id: "a b" }), "EVENT_ID_INVALID"],
    ["no tracking number", event({ trackingNumber: "" }), "TRACKING_NUMBER_INVALID"],
    ["an unknown kind", event({ kind: "LOST_IN_SPACE" }), "KIND_UNKNOWN"],
    ["no time", event({ at: undefined }), "AT_INVALID"],
    ["a date without a time", event({ at: "2026-12-01" }), "AT_INVALID"],
    ["a time far in the future", event({ at: "2027-12-01T00:00:00Z" }), "AT_INVALID"],
    ["a location that is not text", event({ location: 42 }), "LOCATION_INVALID"],
    ["a text too long", event({ text: "x".repeat(501) }), "TEXT_INVALID"],
    ["an estimate ending before it starts", event({ estimatedDelivery: { from: "2026-12-05", to: "2026-12-03" } }), "ESTIMATE_INVALID"],
    ["an impossible date", event({ estimatedDelivery: { from: "2026-02-30", to: "2026-03-01" } }), "ESTIMATE_INVALID"],
  ])("refuses %s", (_name, body, code) => {
    expect(parse(body)).toMatchObject({ ok: false, code });
  });
  it("refuses a whole batch for one bad event, naming its index", () => {
    expect(parse([event(), event({ id: "evt-2", kind: "nope" })])).toEqual({ ok: false, code: "KIND_UNKNOWN", index: 1 });
  });
  it("refuses more than 100 events at once", () => {
    expect(parse(Array.from({ length: 101 }, (_, i) => event({ id: `evt-${i}` })))).toEqual({ ok: false, code: "TOO_MANY_EVENTS" });
  });
});
