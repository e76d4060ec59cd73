import "server-only";
import crypto from "node:crypto";
import type { Clock } from "@/lib/domain/clock";
import { CSRF_FIELD } from "@/lib/domain/http/same-origin";
import { isLocale, type Locale } from "@/lib/domain/markets";
import { readForm } from "@/lib/server/http/form";
import { checkSameOrigin } from "@/lib/server/http/origin";
import { limitRequest } from "@/lib/server/rate-limit";
import { confirmWithdrawal } from "./withdrawals";

/**
 * POST /api/withdrawals: the two steps of "Withdraw from contract here", as plain forms.
 * `intent=review` takes the chosen quantities (`qty_<lineId>`) to the confirmation step;
 * `intent=confirm` ("Confirm withdrawal") records the withdrawal and shows the
 * acknowledgement. Refusals come back as `error=<code>`.
 */
export type WithdrawalPostResult =
  | { kind: "redirect"; location: string; headers: Record<string, string> }
  | { kind: "refused"; status: 403 | 413 | 429; error: string; headers: Record<string, string> };

const LINE_ID = /^oln_[A-Za-z0-9_-]{16}$/;

/** `lineId:quantity,...` of the chosen lines, as the review step carries it. */
export function parseSelection(raw: string | null): { lineId: string; quantity: number }[] {
  return (raw ?? "")
    .split(",")
    .slice(0, 100)
    .map((part) => part.split(":"))
    .filter(([lineId, q]) => lineId && LINE_ID.test(lineId) && /^\d{1,2}$/.test(q ?? ""))
    .map(([lineId, q]) => ({ lineId: lineId!, quantity: Number(q) }))
    .filter((s) => s.quantity > 0);
}

export async function handleWithdrawalPost(request: Request, clock: Clock): Promise<WithdrawalPostResult> {
  const form = await readForm(request);
  if (!form.ok) return { kind: "refused", status: 413, error: "PAYLOAD_TOO_LARGE", headers: {} };
  if (!checkSameOrigin(request, form.field(CSRF_FIELD)).ok) return { kind: "refused", status: 403, error: "FORBIDDEN_ORIGIN", headers: {} };
  const limit = await limitRequest(request, "forms");
  if (!limit.allowed) return { kind: "refused", status: 429, error: "RATE_LIMITED", headers: limit.headers };
  const requested = form.field("locale");
  const locale: Locale = isLocale(requested) ? requested : "en";
  const order = form.field("order") ?? "";
  const key = form.field("key") ?? "";
  const page = (params: Record<string, string>) => `/${locale}/checkout/withdraw?${new URLSearchParams({ order, key, ...params })}`;
  const redirect = (location: string) => ({ kind: "redirect" as const, location, headers: limit.headers });

  if (form.field("intent") === "review") {
    const picks: string[] = [];
    for (const lineId of (form.field("lines") ?? "").split(",").slice(0, 100)) {
      if (!LINE_ID.test(lineId)) continue;
      const q = form.field(`qty_${lineId}`);
      if (q && /^\d{1,2}$/.test(q) && Number(q) > 0) picks.push(`${lineId}:${Number(q)}`);
    }
    if (picks.length === 0) return redirect(page({ error: "NOTHING_SELECTED" }));
    return redirect(page({ step: "review", sel: picks.join(","), token: crypto.randomBytes(16).toString("base64url") }));
  }
  if (form.field("intent") === "confirm") {
    const result = await confirmWithdrawal(order, key, { token: form.field("token"), items: parseSelection(form.field("sel")) }, clock);
    if (!result.ok) return redirect(page({ error: result.code }));
    return redirect(page({ ack: result.withdrawalIds.join(","), at: result.acknowledgedAt.toISOString() }));
  }
  return redirect(page({ error: "INVALID_SELECTION" }));
}
