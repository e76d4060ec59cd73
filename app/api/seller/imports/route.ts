import { MAX_CATALOGUE_BYTES } from "@/lib/domain/catalogue/upload";
import { methodNotAllowed } from "@/lib/server/http/method-not-allowed";
import { handlePanelPost } from "@/lib/server/panels/http";
import { startCatalogueImport } from "@/lib/server/seller-imports";

/** POST /api/seller/imports: a catalogue file (multipart, field `file`) queued for import; on to its progress page. */
export async function POST(request: Request) {
  return handlePanelPost(
    request,
    async ({ viewer, locale, file }) => {
      const started = await startCatalogueImport(viewer, file("file"));
      return started.ok ? { ok: true, to: `/${locale}/seller/imports/${started.jobId}` } : started;
    },
    // The file's 10 MB and the form's few fields.
    { maxBytes: MAX_CATALOGUE_BYTES + 64 * 1024 },
  );
}

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed(["POST"]);
