/**
 * How many times a tag has been expired in this process (by the page cache's
 * invalidation listener, lib/cache/incremental-cache-handler.mjs). In-process caches
 * of the app keep the epoch they were filled at and refill when it moves, so a page
 * regenerated after a change never reads data cached before it.
 */
const STATE = Symbol.for("caravan.cache");

export function tagEpoch(tag: string): number {
  const state = (globalThis as { [STATE]?: { epochs: Map<string, number> } })[STATE];
  return state?.epochs.get(tag) ?? 0;
}
