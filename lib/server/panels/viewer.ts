import "server-only";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import type { Locale } from "@/lib/domain/markets";
import { signInPath } from "@/lib/domain/surfaces";
import { requireSecondFactor } from "@/lib/domain/two-factor";
import { currentViewer, type Viewer } from "@/lib/server/auth/viewer";

/**
 * The panels' page guards. The proxy only checked that a session cookie exists; these
 * read the session. No live session: to sign in, coming back to `path`. The wrong role:
 * the panel's 404, so a buyer learns nothing of what is there. The services behind
 * every page authorise again on their own (lib/domain/accounts guards).
 */
export async function signedInViewer(locale: Locale, path: string): Promise<Viewer> {
  const viewer = await currentViewer(await headers());
  if (!viewer) redirect(signInPath(locale, path));
  return viewer;
}

export type SellerViewer = Viewer & { seller: NonNullable<Viewer["seller"]> };

/** The account's two-factor page, telling why it was sent there and where to come back to. */
export function twoFactorSetupPath(locale: Locale, path: string): string {
  return `/${locale}/account/security?${new URLSearchParams({ required: "1", returnTo: path }).toString()}`;
}

/**
 * Payouts (`{ payouts: true }`) and every operator page need two-factor on and a session
 * that passed its second step (lib/domain/two-factor); otherwise on to set it up or
 * confirm it, coming back to `path`.
 */
function requireTwoFactor(viewer: Viewer, locale: Locale, path: string): void {
  if (!requireSecondFactor(viewer).ok) redirect(twoFactorSetupPath(locale, path));
}

export async function sellerViewer(locale: Locale, path: string, options: { payouts?: boolean } = {}): Promise<SellerViewer> {
  const viewer = await signedInViewer(locale, path);
  if (!viewer.seller) notFound();
  if (options.payouts) requireTwoFactor(viewer, locale, path);
  return viewer as SellerViewer;
}

export async function operatorViewer(locale: Locale, path: string): Promise<Viewer> {
  const viewer = await signedInViewer(locale, path);
  if (viewer.role !== "OPERATOR") notFound();
  requireTwoFactor(viewer, locale, path);
  return viewer;
}

/** The page's own path with its query, for sign-in to come back to and forms to return to. */
export function pagePath(path: string, query: Record<string, string | string[] | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (name === "error" || name === "done" || name === "fields") continue;
    for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value]) params.append(name, one);
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}
