/**
 * How many times a tag has been expired in this process (by the page cache's
 * invalidation listener, lib/cache/incremental-cache-handler.mjs). In-process caches
 * of the app keep the epoch they were filled at and refill when it moves, so a page
 * regenerated after a change never reads data cached before it.
 */
const STATE = Symbol.for("caravan.cache");

interface ListenerState {
  epochs: Map<string, number>;
  listening?: boolean;
  failing?: boolean;
}

const state = () => (globalThis as { [STATE]?: ListenerState })[STATE];

export function tagEpoch(tag: string): number {
  return state()?.epochs.get(tag) ?? 0;
}

/**
 * Whether this process hears every invalidation: its listener is started and connected.
 * Without it (scripts, tests, a lost connection) an epoch never moves, so an in-process
 * cache that depends on it must read through instead.
 */
export function hearsInvalidations(): boolean {
  const s = state();
  return Boolean(s?.listening && !s.failing);
}
