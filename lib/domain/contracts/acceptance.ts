/**
 * The evidence of an accepted contract, as the bytes that are signed. Whatever signs or
 * verifies an acceptance (lib/server/contracts/evidence.ts) serialises it here, so a
 * record read back years later yields exactly the bytes signed when it was made.
 *
 * The serialisation is a format tag line, then JSON of every signed field with object
 * keys sorted (at every depth) and no whitespace. The tag names the version: a record
 * keeps verifying under the rules it was signed with, so this format never changes;
 * a new one gets a new tag.
 */

/** The first line of the signed bytes, and the version of the rules below. */
export const ACCEPTANCE_FORMAT = "caravan.contract-acceptance.v1";

/** The amounts the buyer saw when accepting, in minor units of `currency`. */
export interface AcceptanceTotals {
  currency: string;
  /** Charged at checkout. */
  chargedMinor: number;
  /** Collected by the carrier on delivery (duties and taxes under DAP); 0 when none. */
  dueOnDeliveryMinor: number;
}

/** What the buyer agreed to, by name: `terms` always true; a consent not asked is null. */
export type AcceptanceConsents = Record<string, boolean | null>;

/**
 * Every stored field of an acceptance except its signature, as stored: sealed values as
 * their sealed text, JSON columns as read back (their key order does not matter).
 */
export interface SignedAcceptance {
  id: string;
  orderId: string;
  termsVersionId: string;
  /** The terms text exactly as shown. */
  text: string;
  /** Hex SHA-256 of the UTF-8 bytes of `text`. */
  textSha256: string;
  locale: string;
  jurisdiction: string;
  acceptedAt: Date;
  ipSealed: string | null;
  userAgentSealed: string | null;
  totals: unknown;
  consents: unknown;
  signingKeyId: string;
}

/** JSON with object keys sorted by UTF-16 code units, at every depth, and no whitespace. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === "boolean") return JSON.stringify(value);
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new TypeError("canonical JSON has no NaN or Infinity");
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(",")}}`;
  }
  throw new TypeError(`canonical JSON holds only JSON values, not ${value === undefined ? "undefined" : typeof value}`);
}

/** The text an acceptance's signature is made over (encode it as UTF-8 to sign). */
export function canonicalAcceptance(fields: SignedAcceptance): string {
  if (Number.isNaN(fields.acceptedAt.getTime())) throw new TypeError("acceptedAt is not a valid date");
  // Listed one by one, not spread: a field added to SignedAcceptance fails to compile until it is signed too.
  const signed = {
    id: fields.id,
    orderId: fields.orderId,
    termsVersionId: fields.termsVersionId,
    text: fields.text,
    textSha256: fields.textSha256,
    locale: fields.locale,
    jurisdiction: fields.jurisdiction,
    acceptedAt: fields.acceptedAt.toISOString(),
    ipSealed: fields.ipSealed,
    userAgentSealed: fields.userAgentSealed,
    totals: fields.totals,
    consents: fields.consents,
    signingKeyId: fields.signingKeyId,
  } satisfies Record<keyof SignedAcceptance, unknown>;
  return `${ACCEPTANCE_FORMAT}\n${canonicalJson(signed)}`;
}
