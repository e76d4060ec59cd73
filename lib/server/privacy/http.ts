import "server-only";
/**
 * The "Your data" forms and downloads (lib/server/privacy/rights.ts): the buyer's own from
 * the account, and a guest's by the link mailed to them.
 */
import { currentViewer } from "@/lib/server/auth/viewer";
import { handlePanelPost, handlePublicFormPost } from "@/lib/server/panels/http";
import { eraseForToken, eraseForViewer, exportForToken, exportForViewer, requestByEmail, type PersonalExport, type PrivacyFailure } from "./rights";

const NO_STORE = { "cache-control": "private, no-store" };

function download(data: PersonalExport): Response {
  const day = data.generatedAt.slice(0, 10);
  return new Response(`${JSON.stringify(data, null, 2)}\n`, {
    headers: { ...NO_STORE, "content-type": "application/json; charset=utf-8", "content-disposition": `attachment; filename="caravan-personal-data-${day}.json"` },
  });
}

function refused(failure: PrivacyFailure): Response {
  const status = failure.code === "SIGN_IN_REQUIRED" ? 401 : failure.code === "LINK_EXPIRED" ? 404 : 400;
  return Response.json(failure, { status, headers: NO_STORE });
}

/** GET /api/account/data: everything held about the signed-in buyer, as JSON. */
export async function accountExport(request: Request): Promise<Response> {
  const result = await exportForViewer(await currentViewer(request.headers));
  return result.ok ? download(result.data) : refused(result);
}

/** GET /api/your-data/<token>: the same, for the person an emailed export link was sent to. */
export async function tokenExport(token: string): Promise<Response> {
  const result = await exportForToken(token);
  return result.ok ? download(result.data) : refused(result);
}

/** POST /api/your-data/request: mails an export or erasure link to the address, when the store holds data for it. */
export function requestPost(request: Request): Promise<Response> {
  return handlePublicFormPost(request, async ({ locale, field }) => {
    const result = await requestByEmail({ email: field("email"), kind: field("kind"), locale });
    if (!result.ok) return result;
    return { ok: true, to: `/${locale}/your-data`, notice: "sent" };
  });
}

/** POST /api/your-data/<token>/erase: erases the person an emailed erasure link was sent to. */
export function tokenErasePost(request: Request, token: string): Promise<Response> {
  return handlePublicFormPost(request, async ({ locale, field }) => {
    const result = await eraseForToken(token, { confirm: field("confirm") });
    if (!result.ok) return result;
    return { ok: true, to: `/${locale}/your-data/erased` };
  });
}

/** POST /api/account/data/erase: erases the signed-in buyer (and ends their account). */
export function accountErasePost(request: Request): Promise<Response> {
  return handlePanelPost(request, async ({ viewer, locale, field }) => {
    const result = await eraseForViewer(viewer, { confirm: field("confirm") });
    if (!result.ok) return result;
    return { ok: true, to: `/${locale}/your-data/erased` };
  });
}
