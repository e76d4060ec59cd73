/**
 * Email addresses, checked pragmatically: the shapes real mailboxes have, not every
 * form RFC 5322 allows (quoted local parts, comments and IP literals are refused).
 * Whether the mailbox exists is for the confirmation email to find out.
 */
import { type FieldResult } from "./text";

/** RFC 5321's limit on a forward path. */
export const EMAIL_MAX_LENGTH = 254;

/** Local part: printable, no spaces, none of the characters that need quoting; dots only between characters. */
const LOCAL_PART = /^(?!\.)(?!.*\.\.)[^\s@"(),:;<>[\]\\]{1,64}(?<!\.)$/u;
/** A domain label: letters (any script), digits and inner hyphens, 1 to 63 characters. */
const LABEL = /^(?!-)[\p{L}\p{N}-]{1,63}(?<!-)$/u;
/** The top-level domain: letters (or an IDN's "xn--" form), at least two. */
const TOP_LEVEL = /^(?:\p{L}{2,63}|xn--[a-z0-9-]{1,59})$/u;

/** An email address with its domain in lower case (the local part is kept as typed). */
export function parseEmail(raw: unknown): FieldResult {
  if (raw === undefined || raw === null) return { ok: false, code: "REQUIRED" };
  if (typeof raw !== "string") return { ok: false, code: "INVALID_EMAIL" };
  if (raw.length > EMAIL_MAX_LENGTH * 4) return { ok: false, code: "INVALID_EMAIL" };
  const text = raw.normalize("NFC").trim();
  if (text === "") return { ok: false, code: "REQUIRED" };
  if ([...text].length > EMAIL_MAX_LENGTH || /[\p{Cc}\p{Cf}\p{Cs}\p{Z}]/u.test(text)) return { ok: false, code: "INVALID_EMAIL" };
  const at = text.lastIndexOf("@");
  if (at <= 0 || text.indexOf("@") !== at) return { ok: false, code: "INVALID_EMAIL" };
  const local = text.slice(0, at);
  const domain = text.slice(at + 1).toLowerCase();
  const labels = domain.split(".");
  if (!LOCAL_PART.test(local) || labels.length < 2 || !labels.every((label) => LABEL.test(label)) || !TOP_LEVEL.test(labels[labels.length - 1]!)) {
    return { ok: false, code: "INVALID_EMAIL" };
  }
  return { ok: true, value: `${local}@${domain}` };
}
