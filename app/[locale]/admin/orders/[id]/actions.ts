"use server";

import { headers } from "next/headers";
import { CSRF_FIELD } from "@/lib/domain/http/same-origin";
import { forwardedHttps } from "@/lib/preferences";
import { currentViewer } from "@/lib/server/auth/viewer";
import { checkSameOrigin } from "@/lib/server/http/origin";
import { revealBuyerField } from "@/lib/server/operator/pii";
import { limitRequest } from "@/lib/server/rate-limit";

/**
 * The operator's "Reveal" forms on an order's page (docs/adr/0032-reveal-as-a-server-action.md).
 * A server action, so the revealed value travels in the answer to this one post (the
 * page rendered again with it, or the action's result with JavaScript) and in no URL,
 * cookie or stored row. The same checks as the panels' route handlers: origin, rate,
 * session; the service authorises and audits.
 */
export type RevealState = { field: string; lines: string[] } | { field: string; code: string } | null;

/** Codes the form shows as they are (messages panel.error.*); the rest of the refusals read as one. */
const SHOWN = new Set(["REVEAL_FIELD_INVALID", "REVEAL_REASON_REQUIRED", "REVEAL_REASON_TOO_SHORT", "REVEAL_REASON_TOO_LONG", "REVEAL_NOT_HELD", "INVALID_REASON", "RATE_LIMITED"]);
const shown = (code: string) => (SHOWN.has(code) ? code : "REVEAL_REFUSED");

const text = (form: FormData, name: string): string | null => {
  const value = form.get(name);
  return typeof value === "string" ? value : null;
};

export async function revealBuyerFieldAction(_previous: RevealState, form: FormData): Promise<RevealState> {
  const field = text(form, "field") ?? "";
  const incoming = await headers();
  const request = new Request(`${forwardedHttps(incoming.get("x-forwarded-proto")) ? "https" : "http"}://${incoming.get("host") ?? "localhost"}/`, { headers: incoming });
  if (!checkSameOrigin(request, text(form, CSRF_FIELD)).ok) return { field, code: shown("FORBIDDEN_ORIGIN") };
  const limit = await limitRequest(request, "forms");
  if (!limit.allowed) return { field, code: "RATE_LIMITED" };
  const viewer = await currentViewer(incoming);
  if (!viewer) return { field, code: shown("UNAUTHENTICATED") };
  try {
    const result = await revealBuyerField(viewer, text(form, "orderId"), field, text(form, "reason"));
    return result.ok ? { field: result.field, lines: result.lines } : { field, code: shown(result.code) };
  } catch (error) {
    console.error(JSON.stringify({ level: "error", message: "reveal failed", error: error instanceof Error ? error.message : String(error) }));
    return { field, code: "SERVICE_BUSY" };
  }
}
