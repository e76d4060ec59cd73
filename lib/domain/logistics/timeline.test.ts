import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import { SHIPMENT_STATUSES } from "./status";
import {
  carrierName,
  currentStatus,
  estimateOf,
  eventsByTime,
  parcelTimeline,
  parseEstimate,
  sellerEstimate,
  shipmentTimeline,
  statusLabelKey,
  type ShipmentRecord,
  type TrackingEventRecord,
} from "./timeline";

const at = (hour: number, minute = 0) => new Date(Date.UTC(2026, 11, 1, hour, minute));
const day = (d: number) => new Date(Date.UTC(2026, 11, d));

const event = (id: string, kind: TrackingEventRecord["kind"], happened: Date, received: Date, extra: Partial<TrackingEventRecord> = {}): TrackingEventRecord => ({
  id,
  kind,
  at: happened,
  receivedAt: received,
  location: null,
  carrierText: null,
  source: "CARRIER",
  estimatedFrom: null,
  estimatedTo: null,
  ...extra,
});

const shipment = (extra: Partial<ShipmentRecord> = {}): ShipmentRecord => ({
  id: "shp_1",
  carrier: "dhl",
  trackingNumber: "JD014600003",
  status: "LABEL_CREATED",
  statusAt: at(0),
  estimatedFrom: null,
  estimatedTo: null,
  previousEstimate: null,
  deliveredAt: null,
  createdAt: at(0),
  events: [],
  ...extra,
});

describe("eventsByTime", () => {
  it("orders by when the event happened, newest first, not by when it arrived", () => {
    const events = [
      event("a", "PICKED_UP", at(8), at(9)),
      event("c", "OUT_FOR_DELIVERY", at(14), at(14, 5)),
      event("b", "IN_TRANSIT", at(10), at(15)), // arrived last, happened in between
    ];
    expect(eventsByTime(events).map((e) => e.id)).toEqual(["c", "b", "a"]);
  });
  it("puts the later arrival first when two events happened at the same moment", () => {
    const events = [event("x", "HELD_AT_CUSTOMS", at(10), at(11)), event("y", "RELEASED_BY_CUSTOMS", at(10), at(12))];
    expect(eventsByTime(events).map((e) => e.id)).toEqual(["y", "x"]);
  });
  it("leaves its input alone", () => {
    const events = [event("a", "PICKED_UP", at(8), at(8)), event("b", "IN_TRANSIT", at(9), at(9))];
    eventsByTime(events);
    expect(events.map((e) => e.id)).toEqual(["a", "b"]);
  });
});

describe("currentStatus", () => {
  it("is the newest event's by time, whatever arrived last", () => {
    const s = shipment({ events: [event("a", "OUT_FOR_DELIVERY", at(14), at(14)), event("b", "HELD_AT_CUSTOMS", at(9), at(15))] });
    expect(currentStatus(s)).toEqual({ status: "OUT_FOR_DELIVERY", statusAt: at(14) });
  });
  it("is the stored status without events", () => {
    expect(currentStatus(shipment({ status: "PICKED_UP", statusAt: at(3) }))).toEqual({ status: "PICKED_UP", statusAt: at(3) });
  });
});

describe("statusLabelKey", () => {
  it("gives every one of the eleven statuses its own translated words", () => {
    const keys = SHIPMENT_STATUSES.map(statusLabelKey);
    expect(new Set(keys).size).toBe(11);
    for (const status of SHIPMENT_STATUSES) expect((en.tracking.status as Record<string, string>)[status], status).toMatch(/\S/);
  });
  it("reads an unexpected value as an exception, never as a raw code", () => {
    expect(statusLabelKey("LOST_IN_SPACE")).toBe("status.EXCEPTION");
    expect(statusLabelKey("DELIVERED")).toBe("status.DELIVERED");
  });
});

describe("estimateOf", () => {
  it("shows the shipment's estimate with the stored one it replaced", () => {
    const s = shipment({ estimatedFrom: day(8), estimatedTo: day(9), previousEstimate: { from: "2026-12-05", to: "2026-12-06" } });
    expect(estimateOf(s)).toEqual({ estimate: { from: day(8), to: day(9) }, previous: { from: day(5), to: day(6) } });
  });
  it("is no change when the stored earlier estimate equals the current one", () => {
    const s = shipment({ estimatedFrom: day(8), estimatedTo: day(9), previousEstimate: { from: "2026-12-08", to: "2026-12-09" } });
    expect(estimateOf(s)).toEqual({ estimate: { from: day(8), to: day(9) }, previous: null });
  });
  it("without one on the shipment, takes the newest event's by time and the earlier different one as replaced", () => {
    const s = shipment({
      events: [
        event("late", "IN_TRANSIT", at(8), at(20), { estimatedFrom: day(4), estimatedTo: day(5) }), // older, arrived last
        event("new", "HELD_AT_CUSTOMS", at(12), at(12), { estimatedFrom: day(7), estimatedTo: day(9) }),
      ],
    });
    expect(estimateOf(s)).toEqual({ estimate: { from: day(7), to: day(9) }, previous: { from: day(4), to: day(5) } });
  });
  it("has no estimate when nobody gave one", () => {
    expect(estimateOf(shipment())).toEqual({ estimate: null, previous: null });
  });
});

describe("parseEstimate", () => {
  it("reads both stored shapes and refuses anything else", () => {
    expect(parseEstimate({ estimatedFrom: "2026-12-05", estimatedTo: "2026-12-06" })).toEqual({ from: day(5), to: day(6) });
    expect(parseEstimate({ from: "2026-12-05T00:00:00.000Z", to: null })).toEqual({ from: day(5), to: day(5) });
    expect(parseEstimate("2026-12-05")).toBeNull();
    expect(parseEstimate({ from: "soon" })).toBeNull();
    expect(parseEstimate(null)).toBeNull();
  });
});

describe("parcelTimeline", () => {
  it("says a parcel without shipments is not shipped yet, with the seller's estimate from the quote", () => {
    // Tuesday 1 December 2026: three business days is Friday the 4th, six is Wednesday the 9th (not counting the weekend).
    expect(parcelTimeline([], { from: at(17), days: { min: 3, max: 6 } })).toEqual({ shipments: [], notShipped: { sellerEstimate: { from: day(4), to: day(9) } } });
    expect(parcelTimeline([], { from: at(17), days: null })).toEqual({ shipments: [], notShipped: { sellerEstimate: null } });
  });
  it("lists shipments oldest first, each with its events newest first and the carrier's words kept", () => {
    const second = shipment({ id: "shp_2", createdAt: at(5), events: [event("e2", "PICKED_UP", at(6), at(6), { carrierText: "Shipment picked up", location: "Leipzig, DE" })] });
    const first = shipment({ id: "shp_1", createdAt: at(1) });
    const timeline = parcelTimeline([second, first], { from: at(0), days: null });
    expect(timeline.notShipped).toBeNull();
    expect(timeline.shipments.map((s) => s.id)).toEqual(["shp_1", "shp_2"]);
    expect(timeline.shipments[1]!.events).toEqual([{ id: "e2", status: "PICKED_UP", at: at(6), location: "Leipzig, DE", carrierText: "Shipment picked up", bySeller: false }]);
    expect(timeline.shipments[1]!.status).toBe("PICKED_UP");
  });
});

describe("shipmentTimeline and carrierName", () => {
  it("names known carriers and shows an unknown code as it is", () => {
    expect(carrierName("dhl-express")).toBe("DHL Express");
    expect(carrierName("acme-freight")).toBe("acme-freight");
    expect(shipmentTimeline(shipment({ carrier: "japan-post" })).carrierName).toBe("Japan Post");
  });
  it("marks the seller's own updates", () => {
    const s = shipmentTimeline(shipment({ events: [event("m", "DELIVERED", at(9), at(9), { source: "SELLER" })] }));
    expect(s.events[0]!.bySeller).toBe(true);
  });
});

describe("sellerEstimate", () => {
  it("refuses nonsense day counts", () => {
    expect(sellerEstimate(at(0), { min: 5, max: 2 })).toBeNull();
    expect(sellerEstimate(at(0), { min: -1, max: 2 })).toBeNull();
  });
});
