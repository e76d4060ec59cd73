/**
 * Data minimisation without I/O: how long a seller may see the buyer's shipping
 * details, what the operator's panel shows of a buyer before a reveal, what a reveal
 * request must carry, and which privacy law a ship-to market's notice speaks of.
 */
/** What stands in for hidden characters (as in the seller's and the operator's other masks). */
export const HIDDEN_MARK = "\u2022\u2022\u2022";

// ---------------------------------------------------------------- the seller's window

const DAY_MS = 86_400_000;

export interface ShipToWindowInput {
  /** When the order was paid; null: not paid (the seller has nothing to ship yet). */
  paidAt: Date | null;
  /** When the carrier delivered the parcel; null: not delivered yet. */
  deliveredAt: Date | null;
  /** The seller's returns period, in whole days counted from delivery. */
  returnDays: number;
  /** The order was cancelled or the parcel refunded: there is nothing left to ship or take back. */
  ended: boolean;
  now: Date;
}

export type ShipToWindow =
  /** `until`: the moment masking starts; null while the parcel is not delivered (no end yet). */
  | { visible: true; until: Date | null }
  | { visible: false; reason: "NOT_PAID" | "ENDED" | "EXPIRED" };

/**
 * Whether the seller may see the buyer's name, address and phone: from payment until
 * delivery plus the seller's returns period (the returned goods may need a collection
 * or a replacement sent), masked before and after. The window is half-open: at exactly
 * `deliveredAt + returnDays` days the details are masked.
 */
export function shipToWindow(input: ShipToWindowInput): ShipToWindow {
  if (!input.paidAt || input.paidAt.getTime() > input.now.getTime()) return { visible: false, reason: "NOT_PAID" };
  if (input.ended) return { visible: false, reason: "ENDED" };
  if (!input.deliveredAt) return { visible: true, until: null };
  const days = Number.isInteger(input.returnDays) && input.returnDays > 0 ? input.returnDays : 0;
  const until = new Date(input.deliveredAt.getTime() + days * DAY_MS);
  return input.now.getTime() < until.getTime() ? { visible: true, until } : { visible: false, reason: "EXPIRED" };
}

// ---------------------------------------------------------------- the operator's masked view

/** The buyer's details an operator can reveal, one at a time, each with a reason. */
export const REVEAL_FIELDS = ["email", "name", "address", "phone"] as const;
export type RevealField = (typeof REVEAL_FIELDS)[number];

export function isRevealField(value: unknown): value is RevealField {
  return typeof value === "string" && (REVEAL_FIELDS as readonly string[]).includes(value);
}

export const REVEAL_REASON_MIN = 10;
export const REVEAL_REASON_MAX = 500;

export type RevealRefusal = "REVEAL_FIELD_INVALID" | "REVEAL_REASON_REQUIRED" | "REVEAL_REASON_TOO_SHORT" | "REVEAL_REASON_TOO_LONG" | "INVALID_REASON";

/**
 * A reveal request as the form sent it: one known field and a reason of 10 to 500
 * characters (counted as a person reads them, after trimming), without control
 * characters (it goes into the audit log).
 */
export function parseRevealRequest(field: unknown, reason: unknown): { ok: true; field: RevealField; reason: string } | { ok: false; code: RevealRefusal } {
  if (!isRevealField(field)) return { ok: false, code: "REVEAL_FIELD_INVALID" };
  const text = typeof reason === "string" ? reason.trim() : "";
  if (!text) return { ok: false, code: "REVEAL_REASON_REQUIRED" };
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text)) return { ok: false, code: "INVALID_REASON" };
  const length = Array.from(text).length;
  if (length < REVEAL_REASON_MIN) return { ok: false, code: "REVEAL_REASON_TOO_SHORT" };
  if (length > REVEAL_REASON_MAX) return { ok: false, code: "REVEAL_REASON_TOO_LONG" };
  return { ok: true, field, reason: text };
}

function initial(word: string): string {
  const first = Array.from(word)[0];
  return first ? `${first}${HIDDEN_MARK}` : "";
}

/** A name as its initials: "Hanako Yamada" becomes "H••• Y•••", "山田 花子" "山••• 花•••". */
export function maskName(name: string | null | undefined): string {
  const words = (name ?? "").trim().split(/\s+/u).filter(Boolean);
  return words.length > 0 ? words.map(initial).join(" ") : HIDDEN_MARK;
}

/** A phone number as its last two digits: "+81 90-1234-5678" becomes "•••78". */
export function maskPhone(phone: string | null | undefined): string {
  const digits = (phone ?? "").replace(/\D/g, "");
  return digits.length >= 6 ? `${HIDDEN_MARK}${digits.slice(-2)}` : HIDDEN_MARK;
}

// ---------------------------------------------------------------- the notice's law

/** The privacy law a ship-to market's notice explains, beside what is the same everywhere. */
export const PRIVACY_REGIMES = ["EU", "UK", "CH", "JP", "BR", "AU", "GENERAL"] as const;
export type PrivacyRegime = (typeof PRIVACY_REGIMES)[number];

/** The European Economic Area: the 27 member states of the EU plus Iceland, Liechtenstein and Norway (the GDPR applies in all). */
const EEA = new Set([
  "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
  "IS", "LI", "NO",
]);

const NATIONAL: Record<string, PrivacyRegime> = { GB: "UK", CH: "CH", JP: "JP", BR: "BR", AU: "AU" };

/** EU/EEA: GDPR; GB: UK GDPR; CH: FADP; JP: APPI; BR: LGPD; AU: Privacy Act 1988; anywhere else the general section. */
export function privacyRegimeFor(country: string): PrivacyRegime {
  const code = country.toUpperCase();
  if (EEA.has(code)) return "EU";
  return NATIONAL[code] ?? "GENERAL";
}
