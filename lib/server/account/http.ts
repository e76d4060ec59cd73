import "server-only";
import { ADDRESS_FIELDS, type AddressError } from "@/lib/domain/address";
import { isSecureRequest } from "@/lib/preferences";
import { openJson, sealJson } from "@/lib/server/crypto/pii";
import { handlePanelPost } from "@/lib/server/panels/http";
import { deleteAddress, saveAddress, setDefaultAddress, type AddressValues } from "./addresses";
import { currentSessionId, revokeSession } from "./sessions";

/**
 * The account pages' forms (plain HTML posts, lib/server/panels/http.ts): the address
 * book (`action` save | default | delete) and ending a session. An address refused for
 * its fields goes back to the form with what was typed and each field's error, kept for
 * a few minutes in a sealed HttpOnly cookie (never in the URL: it is personal data).
 */
export const ADDRESS_FORM_COOKIE = "caravan_address_form";
const FORM_MAX_AGE = 600;

export interface AddressFormDraft {
  id: string | null;
  country: string;
  values: AddressValues;
  errors: AddressError[];
  makeDefault: boolean;
}

const draftContext = (userId: string) => `address-form:${userId}`;

/** The address form as last refused for this account, if the cookie holds one. */
export function openAddressDraft(userId: string, cookieValue: string | undefined): AddressFormDraft | null {
  if (!cookieValue) return null;
  try {
    return openJson<AddressFormDraft>(decodeURIComponent(cookieValue), draftContext(userId));
  } catch {
    return null;
  }
}

function draftCookie(value: string, maxAge: number, request: Request): string {
  return [`${ADDRESS_FORM_COOKIE}=${value}`, "Path=/", `Max-Age=${maxAge}`, "HttpOnly", "SameSite=Lax", ...(isSecureRequest(request) ? ["Secure"] : [])].join("; ");
}

export async function handleAddressPost(request: Request): Promise<Response> {
  let draft: { userId: string; form: AddressFormDraft } | null = null;
  const response = await handlePanelPost(request, async ({ viewer, locale, field }) => {
    const page = `/${locale}/account/addresses`;
    switch (field("action")) {
      case "save": {
        const fields: Record<string, string> = {};
        for (const name of ADDRESS_FIELDS) {
          const value = field(name);
          if (value !== null) fields[name] = value.slice(0, 300);
        }
        const id = field("id") || null;
        const makeDefault = field("makeDefault") === "yes";
        const saved = await saveAddress(viewer, { id, country: field("country"), fields, makeDefault });
        if (saved.ok) return { ok: true, to: page, notice: id ? "updated" : "added" };
        if (saved.code === "INVALID_ADDRESS") {
          draft = { userId: viewer.userId, form: { id, country: (field("country") ?? "").toUpperCase(), values: fields, errors: saved.errors, makeDefault } };
          return { ok: false, code: saved.code };
        }
        return saved;
      }
      case "default": {
        const done = await setDefaultAddress(viewer, field("id"));
        return done.ok ? { ok: true, to: page, notice: "defaultSet" } : done;
      }
      case "delete": {
        const done = await deleteAddress(viewer, field("id"));
        return done.ok ? { ok: true, to: page, notice: "deleted" } : done;
      }
      default:
        return { ok: false, code: "INVALID_INPUT" };
    }
  });
  const kept = draft as { userId: string; form: AddressFormDraft } | null;
  if (kept) response.headers.append("set-cookie", draftCookie(encodeURIComponent(sealJson(kept.form, draftContext(kept.userId))), FORM_MAX_AGE, request));
  else if ((request.headers.get("cookie") ?? "").includes(`${ADDRESS_FORM_COOKIE}=`)) response.headers.append("set-cookie", draftCookie("", 0, request));
  return response;
}

export async function handleSessionPost(request: Request): Promise<Response> {
  return handlePanelPost(request, async ({ viewer, locale, field }) => {
    const id = field("sessionId");
    const current = await currentSessionId(request.headers);
    const done = await revokeSession(viewer, id);
    if (!done.ok) return done;
    // This browser's own session ended: it is signed out, so on to sign in.
    if (id === current) return { ok: true, to: `/${locale}/sign-in` };
    return { ok: true, to: `/${locale}/account/sessions`, notice: "revoked" };
  });
}
