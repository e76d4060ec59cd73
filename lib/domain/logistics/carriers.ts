/**
 * The carriers a seller can ship with, and the shape of their tracking numbers, without
 * I/O. A number is normalised (spaces, dashes and dots removed, upper case) before it
 * is checked; the normalised form is what the store keeps and shows.
 *
 * Postal operators use the UPU S10 identifier (UPU standard S10): two service letters,
 * eight serial digits, a check digit, and the two-letter ISO country of the operator
 * that issued it ("RR123456785JP"). The check digit weighs the serial digits by
 * 8 6 4 2 3 5 9 7, takes 11 minus the sum modulo 11, with 10 -> 0 and 11 -> 5.
 */
export interface Carrier {
  code: string;
  name: string;
  /** Patterns for a normalised tracking number; at least one must match. */
  patterns: readonly RegExp[];
  /** The carrier's public tracking page; `{number}` stands for the tracking number. */
  trackingUrl: string;
  /** UPU S10 postal operator: the country its identifiers end with. */
  s10Country?: string;
}

const S10 = /^[A-Z]{2}\d{9}[A-Z]{2}$/;
const S10_WEIGHTS = [8, 6, 4, 2, 3, 5, 9, 7] as const;

/** The S10 check digit of eight serial digits. */
export function s10CheckDigit(serial: string): number {
  if (!/^\d{8}$/.test(serial)) throw new Error(`Not an S10 serial number: ${serial}`);
  const sum = S10_WEIGHTS.reduce((s, w, i) => s + w * Number(serial[i]), 0);
  const check = 11 - (sum % 11);
  return check === 10 ? 0 : check === 11 ? 5 : check;
}

/** A normalised number is a well-formed UPU S10 identifier with a correct check digit (any country). */
export function isS10(number: string): boolean {
  if (!S10.test(number)) return false;
  return s10CheckDigit(number.slice(2, 10)) === Number(number[10]);
}

function postal(code: string, name: string, country: string, trackingUrl: string): Carrier {
  return { code, name, patterns: [S10], trackingUrl, s10Country: country };
}

export const CARRIERS: readonly Carrier[] = [
  postal("japan-post", "Japan Post", "JP", "https://trackings.post.japanpost.jp/services/srv/search/?requestNo1={number}&locale=en"),
  postal("deutsche-post", "Deutsche Post", "DE", "https://www.deutschepost.de/de/s/sendungsverfolgung.html?piececode={number}"),
  postal("la-poste", "La Poste / Colissimo", "FR", "https://www.laposte.fr/outils/suivre-vos-envois?code={number}"),
  postal("correios", "Correios", "BR", "https://rastreamento.correios.com.br/app/index.php?objeto={number}"),
  postal("royal-mail", "Royal Mail", "GB", "https://www.royalmail.com/track-your-item#/tracking-results/{number}"),
  postal("australia-post", "Australia Post", "AU", "https://auspost.com.au/mypost/track/details/{number}"),
  postal("canada-post", "Canada Post", "CA", "https://www.canadapost-postescanada.ca/track-reperage/en#/search?searchFor={number}"),
  postal("usps", "USPS international", "US", "https://tools.usps.com/go/TrackConfirmAction?tLabels={number}"),
  postal("posta-kenya", "Posta Kenya", "KE", "https://www.posta.co.ke/track-and-trace/?tracking={number}"),
  postal("india-post", "India Post", "IN", "https://www.indiapost.gov.in/_layouts/15/dop.portal.tracking/trackconsignment.aspx?consignment={number}"),
  { code: "dhl-express", name: "DHL Express", patterns: [/^\d{10}$/], trackingUrl: "https://www.dhl.com/global-en/home/tracking/tracking-express.html?tracking-id={number}" },
  { code: "ups", name: "UPS", patterns: [/^1Z[0-9A-Z]{16}$/], trackingUrl: "https://www.ups.com/track?tracknum={number}" },
  { code: "fedex", name: "FedEx", patterns: [/^\d{12}$/, /^\d{15}$/], trackingUrl: "https://www.fedex.com/fedextrack/?trknbr={number}" },
  { code: "yamato", name: "Yamato Transport", patterns: [/^\d{12}$/], trackingUrl: "https://toi.kuronekoyamato.co.jp/cgi-bin/tneko?number01={number}" },
  { code: "simulated", name: "Caravan carrier simulator", patterns: [/^SIM\d{10}$/], trackingUrl: "/track/simulated/{number}" },
];

export const CARRIER_CODES = CARRIERS.map((c) => c.code);

export function findCarrier(code: unknown): Carrier | null {
  return typeof code === "string" ? (CARRIERS.find((c) => c.code === code) ?? null) : null;
}

/** Spaces, dashes and dots out, upper case: " rr 1234-5678 5jp" -> "RR123456785JP". */
export function normaliseTrackingNumber(raw: string): string {
  return raw.replace(/[\s\-.\u00A0]/g, "").toUpperCase();
}

export type TrackingCheck = { ok: true; carrier: Carrier; trackingNumber: string } | { ok: false; code: "UNKNOWN_CARRIER" | "INVALID_TRACKING_NUMBER" };

/** The carrier and the normalised number, when the number has one of the carrier's shapes (and, for S10, its check digit and the operator's country). */
export function checkTrackingNumber(carrierCode: unknown, raw: unknown): TrackingCheck {
  const carrier = findCarrier(carrierCode);
  if (!carrier) return { ok: false, code: "UNKNOWN_CARRIER" };
  if (typeof raw !== "string") return { ok: false, code: "INVALID_TRACKING_NUMBER" };
  const number = normaliseTrackingNumber(raw);
  if (number.length > 40 || !carrier.patterns.some((p) => p.test(number))) return { ok: false, code: "INVALID_TRACKING_NUMBER" };
  if (carrier.s10Country && (!isS10(number) || number.slice(11) !== carrier.s10Country)) return { ok: false, code: "INVALID_TRACKING_NUMBER" };
  return { ok: true, carrier, trackingNumber: number };
}

/** The carrier's public tracking page for a number, or null for an unknown carrier. */
export function trackingUrl(carrierCode: string, trackingNumber: string): string | null {
  const carrier = findCarrier(carrierCode);
  return carrier ? carrier.trackingUrl.replace("{number}", encodeURIComponent(trackingNumber)) : null;
}
