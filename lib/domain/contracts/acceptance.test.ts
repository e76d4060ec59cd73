import { describe, expect, it } from "vitest";
import { ACCEPTANCE_FORMAT, canonicalAcceptance, canonicalJson, type SignedAcceptance } from "./acceptance";

const FIELDS: SignedAcceptance = {
  id: "acc_Zx3",
  orderId: "ord_Q9",
  termsVersionId: "terms-2026-12-ja",
  text: "第1条 本規約は…\nArt. 2 — Verkäufer: Musterstraße 1, 10115 Berlin",
  textSha256: "a".repeat(64),
  locale: "ja",
  jurisdiction: "JP",
  acceptedAt: new Date("2026-12-01T09:30:00.123Z"),
  ipSealed: "pii1.k1.iv.ct.tag",
  userAgentSealed: "pii1.k1.iv2.ct2.tag2",
  totals: { currency: "JPY", chargedMinor: 12800, dueOnDeliveryMinor: 0 },
  consents: { terms: true, digitalImmediateSupply: null },
  signingKeyId: "c0ffee12",
};

/** One changed value per field (and per key inside the JSON fields), each still a plausible record. */
const CHANGES: [string, Partial<SignedAcceptance>][] = [
  ["id", { id: "acc_Zx4" }],
  ["orderId", { orderId: "ord_Q8" }],
  ["termsVersionId", { termsVersionId: "terms-2026-11-ja" }],
  ["text", { text: FIELDS.text.replace("Berlin", "Bonn") }],
  ["text (one trailing space)", { text: `${FIELDS.text} ` }],
  ["textSha256", { textSha256: "b".repeat(64) }],
  ["locale", { locale: "ja-JP" }],
  ["jurisdiction", { jurisdiction: "DE" }],
  ["acceptedAt (one millisecond)", { acceptedAt: new Date("2026-12-01T09:30:00.124Z") }],
  ["ipSealed", { ipSealed: "pii1.k1.iv.ct.taG" }],
  ["ipSealed (absent)", { ipSealed: null }],
  ["userAgentSealed", { userAgentSealed: "pii1.k1.iv2.ct2.tag3" }],
  ["userAgentSealed (absent)", { userAgentSealed: null }],
  ["totals.currency", { totals: { currency: "USD", chargedMinor: 12800, dueOnDeliveryMinor: 0 } }],
  ["totals.chargedMinor", { totals: { currency: "JPY", chargedMinor: 12801, dueOnDeliveryMinor: 0 } }],
  ["totals.dueOnDeliveryMinor", { totals: { currency: "JPY", chargedMinor: 12800, dueOnDeliveryMinor: 1 } }],
  ["totals (a key added)", { totals: { currency: "JPY", chargedMinor: 12800, dueOnDeliveryMinor: 0, extra: 0 } }],
  ["consents.terms", { consents: { terms: false, digitalImmediateSupply: null } }],
  ["consents.digitalImmediateSupply", { consents: { terms: true, digitalImmediateSupply: true } }],
  ["consents (a consent removed)", { consents: { terms: true } }],
  ["signingKeyId", { signingKeyId: "c0ffee13" }],
];

describe("canonicalAcceptance", () => {
  it("is exactly this text for this record (the format signed records depend on never changes)", () => {
    expect(canonicalAcceptance(FIELDS)).toBe(
      `${ACCEPTANCE_FORMAT}\n` +
        `{"acceptedAt":"2026-12-01T09:30:00.123Z","consents":{"digitalImmediateSupply":null,"terms":true},"id":"acc_Zx3","ipSealed":"pii1.k1.iv.ct.tag",` +
        `"jurisdiction":"JP","locale":"ja","orderId":"ord_Q9","signingKeyId":"c0ffee12",` +
        `"termsVersionId":"terms-2026-12-ja","text":${JSON.stringify(FIELDS.text)},"textSha256":"${"a".repeat(64)}",` +
        `"totals":{"chargedMinor":12800,"currency":"JPY","dueOnDeliveryMinor":0},"userAgentSealed":"pii1.k1.iv2.ct2.tag2"}`,
    );
  });

  it("is stable: the same record in any key order (as JSONB gives it back) serialises the same", () => {
    const reordered: SignedAcceptance = {
      signingKeyId: FIELDS.signingKeyId,
      consents: { digitalImmediateSupply: null, terms: true },
      totals: { dueOnDeliveryMinor: 0, chargedMinor: 12800, currency: "JPY" },
      userAgentSealed: FIELDS.userAgentSealed,
      ipSealed: FIELDS.ipSealed,
      acceptedAt: new Date(FIELDS.acceptedAt.getTime()),
      jurisdiction: FIELDS.jurisdiction,
      locale: FIELDS.locale,
      textSha256: FIELDS.textSha256,
      text: FIELDS.text,
      termsVersionId: FIELDS.termsVersionId,
      orderId: FIELDS.orderId,
      id: FIELDS.id,
    };
    expect(canonicalAcceptance(reordered)).toBe(canonicalAcceptance(FIELDS));
    const roundTripped = { ...(JSON.parse(JSON.stringify(FIELDS)) as SignedAcceptance), acceptedAt: new Date(JSON.parse(JSON.stringify(FIELDS.acceptedAt)) as string) };
    expect(canonicalAcceptance(roundTripped)).toBe(canonicalAcceptance(FIELDS));
  });

  it.each(CHANGES)("changes when %s changes", (_name, change) => {
    expect(canonicalAcceptance({ ...FIELDS, ...change })).not.toBe(canonicalAcceptance(FIELDS));
  });

  it("covers every field of the record (the list of changes above misses none)", () => {
    const changed = new Set(CHANGES.flatMap(([, change]) => Object.keys(change)));
    expect([...changed].sort()).toEqual(Object.keys(FIELDS).sort());
  });

  it("cannot be confused by a value that looks like another field or like JSON", () => {
    const a = canonicalAcceptance({ ...FIELDS, locale: 'ja","jurisdiction":"DE', jurisdiction: "JP" });
    const b = canonicalAcceptance({ ...FIELDS, locale: "ja", jurisdiction: 'DE","locale":"ja' });
    expect(a).not.toBe(b);
    expect(canonicalAcceptance({ ...FIELDS, ipSealed: "null" })).not.toBe(canonicalAcceptance({ ...FIELDS, ipSealed: null }));
  });

  it("refuses an invalid date", () => {
    expect(() => canonicalAcceptance({ ...FIELDS, acceptedAt: new Date("nope") })).toThrow(TypeError);
  });
});

describe("canonicalJson", () => {
  it("sorts keys at every depth, keeps array order, writes no whitespace", () => {
    expect(canonicalJson({ b: [3, { z: 1, a: null }], a: "x", "é": true, Z: false })).toBe('{"Z":false,"a":"x","b":[3,{"a":null,"z":1}],"é":true}');
  });

  it("refuses what JSON cannot hold", () => {
    for (const bad of [undefined, Number.NaN, Number.POSITIVE_INFINITY, new Date(0), () => 1, { a: undefined }, [1n]]) {
      expect(() => canonicalJson(bad), String(bad)).toThrow(TypeError);
    }
  });
});
