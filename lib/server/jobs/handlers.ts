import { registerJobHandler, type JobHandler } from "./index";

/**
 * Every kind of background job the store runs, and its handler. The server's runner
 * (instrumentation.ts) and the scripts that drain the queue register these.
 */
const HANDLERS: Record<string, () => Promise<JobHandler>> = {};

export async function registerJobHandlers(): Promise<void> {
  for (const [kind, load] of Object.entries(HANDLERS)) registerJobHandler(kind, await load());
}
