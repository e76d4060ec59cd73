import { registerJobHandler, type JobHandler } from "./index";

/**
 * Every kind of background job the store runs, and its handler. The server's runner
 * (instrumentation.ts) and the scripts that drain the queue register these.
 */
const HANDLERS: Record<string, () => Promise<JobHandler>> = {
  "analytics.nightly": async () => (await import("@/lib/server/analytics/jobs")).analyticsNightlyJob,
  "analytics.refresh": async () => (await import("@/lib/server/analytics/jobs")).analyticsRefreshJob,
  "catalogue.import": async () => (await import("@/lib/server/seller-imports/job")).runCatalogueImport,
  "digital.deliver": async () => (await import("@/lib/server/digital/delivery")).deliverDigitalJob,
  "image.renditions": async () => (await import("@/lib/server/media/renditions")).imageRenditionsHandler(),
  "privacy.retention": async () => (await import("@/lib/server/privacy/retention")).retentionJob,
  "shipment.notice": async () => (await import("@/lib/server/logistics/notices")).shipmentNoticeHandler(),
};

export async function registerJobHandlers(): Promise<void> {
  for (const [kind, load] of Object.entries(HANDLERS)) registerJobHandler(kind, await load());
}
