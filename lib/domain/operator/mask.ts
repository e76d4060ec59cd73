/**
 * What the operator's panel shows of a buyer: enough to tell two orders apart, never
 * the address itself. An email keeps the first character of the mailbox and of the
 * domain, and the domain's last label: "buyer@example.com" becomes "b•••@e•••.com".
 */
const HIDDEN = "•••";

export function maskEmail(email: string): string {
  const text = email.trim();
  const at = text.lastIndexOf("@");
  if (at <= 0 || at === text.length - 1) return HIDDEN;
  const local = text.slice(0, at);
  const domain = text.slice(at + 1);
  const dot = domain.lastIndexOf(".");
  const host = dot > 0 ? domain.slice(0, dot) : domain;
  const tld = dot > 0 && dot < domain.length - 1 ? domain.slice(dot) : "";
  return `${firstChar(local)}${HIDDEN}@${firstChar(host)}${HIDDEN}${tld}`;
}

/** The first character as a person reads it (a surrogate pair stays whole). */
function firstChar(text: string): string {
  return Array.from(text)[0] ?? "";
}
