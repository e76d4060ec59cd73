/**
 * Server errors as one JSON line each (the database being unreachable shows up here),
 * for whatever collects the process's standard error.
 */
export async function onRequestError(
  error: unknown,
  request: { path: string; method: string },
  context: { routePath: string; routeType: string },
) {
  const err = error as Error & { digest?: string; code?: string };
  console.error(
    JSON.stringify({
      level: "error",
      time: new Date().toISOString(),
      message: err.message,
      code: err.code,
      digest: err.digest,
      method: request.method,
      path: request.path,
      route: context.routePath,
      routeType: context.routeType,
    }),
  );
}

/**
 * Guards below Next's own request handling (lib/server/http/node-guard.ts), and the
 * background job runner (lib/server/jobs), unless CARAVAN_JOBS=off (a process that
 * serves pages only, with the jobs run elsewhere).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const [{ installNodeGuard }, http] = await Promise.all([import("@/lib/server/http/node-guard"), import("node:http")]);
  installNodeGuard(http);
  if (process.env.NEXT_PHASE === "phase-production-build" || process.env.CARAVAN_JOBS === "off") return;
  const [{ registerJobHandlers }, { startJobRunner }] = await Promise.all([import("@/lib/server/jobs/handlers"), import("@/lib/server/jobs")]);
  await registerJobHandlers();
  startJobRunner();
}
