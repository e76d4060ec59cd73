/**
 * The store's page cache (Next's `cacheHandler`): Next's own file-system cache, with two
 * additions (docs/adr/0009):
 *
 * 1. Only pages worth keeping are stored: a 404 or any other non-200 page, and a
 *    listing filtered by a typed price bound, are rendered per request instead, so the
 *    number of cache entries is bounded by the catalogue, not by what clients send.
 * 2. Tag invalidations reach every app server. A change to the catalogue records its
 *    tags in the `CacheInvalidation` table and `pg_notify`s in the same transaction
 *    (lib/server/cache/invalidation.ts); each server LISTENs on one PostgreSQL
 *    connection and expires the tags in its own cache at once. On (re)connecting it
 *    replays recent rows it has not seen, so a server that was down or just started
 *    never serves a page older than a change it missed.
 *
 * Plain JavaScript: Next loads this file at run time with `import()`.
 */
import FileSystemCacheModule from "next/dist/server/lib/incremental-cache/file-system-cache.js";
import tagsManifestModule from "next/dist/server/lib/incremental-cache/tags-manifest.external.js";
import pg from "pg";

const FileSystemCache = FileSystemCacheModule.default ?? FileSystemCacheModule;
const { tagsManifest } = tagsManifestModule;

export const CHANNEL = "caravan_cache";
/** Rows older than this are not replayed: every cached data page is regenerated within it. */
export const REPLAY_WINDOW_HOURS = 48;
const RECONNECT_MS = 2_000;

/** Whether a rendered result may be stored. Pure; exported for its unit test. */
export function shouldStore(key, data) {
  if (!data) return true;
  if (data.kind === "APP_PAGE" || data.kind === "APP_ROUTE" || data.kind === "PAGES") {
    if (typeof data.status === "number" && data.status !== 200) return false;
    // Price bounds are free-form amounts: one page per typed amount would grow without bound.
    if (/\/(?:min|max)=/.test(key)) return false;
  }
  return true;
}

/**
 * Expires tags in this process: pages and data cached before `at` (ms since the epoch)
 * that carry one of them are regenerated on their next request. Also bumps a per-tag
 * epoch that in-process caches of the app (e.g. the FX table) compare against.
 */
export function expireTags(tags, at = Date.now()) {
  const state = sharedState();
  for (const tag of tags) {
    const entry = tagsManifest.get(tag) ?? {};
    tagsManifest.set(tag, { ...entry, stale: Math.max(entry.stale ?? 0, at), expired: Math.max(entry.expired ?? 0, at) });
    state.epochs.set(tag, (state.epochs.get(tag) ?? 0) + 1);
  }
}

function sharedState() {
  const key = Symbol.for("caravan.cache");
  globalThis[key] ??= { listening: false, failing: false, lastId: 0n, epochs: new Map(), client: undefined };
  return globalThis[key];
}

function log(level, message, extra = {}) {
  console[level === "error" ? "error" : "log"](JSON.stringify({ level, time: new Date().toISOString(), message, ...extra }));
}

async function replay(client, state) {
  const { rows } = await client.query(
    `SELECT id, tags, "createdAt" FROM "CacheInvalidation"
      WHERE id > $1 AND "createdAt" > now() - make_interval(hours => $2)
      ORDER BY id`,
    [state.lastId.toString(), REPLAY_WINDOW_HOURS],
  );
  const now = Date.now();
  for (const row of rows) {
    // The database's clock may run ahead of ours: never expire "in the future".
    expireTags(row.tags, Math.min(new Date(row.createdAt).getTime(), now));
    state.lastId = BigInt(row.id);
  }
}

async function connect(state, url) {
  const client = new pg.Client({ connectionString: url, application_name: "caravan-cache-listener" });
  let retried = false;
  const retry = (error) => {
    if (retried) return;
    retried = true;
    state.client = undefined;
    // One line when the connection is lost, not one per retry while the database stays away.
    if (error && !state.failing) log("error", "cache invalidation listener disconnected; retrying", { error: String(error.message ?? error) });
    state.failing = true;
    client.end().catch(() => {});
    setTimeout(() => connect(state, url), RECONNECT_MS).unref();
  };
  client.on("error", retry);
  client.on("end", () => retry());
  client.on("notification", (message) => {
    // The payload is the row id; replay reads every row after the last one seen, so a
    // lost or reordered notification costs nothing.
    if (message.channel === CHANNEL) replay(client, state).catch(retry);
  });
  try {
    await client.connect();
    // The listener must never keep a process alive on its own.
    client.connection?.stream?.unref?.();
    await client.query(`LISTEN ${CHANNEL}`);
    state.client = client;
    await replay(client, state);
    if (state.failing) log("info", "cache invalidation listener reconnected");
    state.failing = false;
  } catch (error) {
    retry(error);
  }
}

/** Starts this process's listener once, at run time only (never while building). */
export function startListener(url = process.env.DATABASE_URL) {
  const state = sharedState();
  if (state.listening || !url || process.env.NEXT_PHASE === "phase-production-build") return;
  state.listening = true;
  void connect(state, url);
}

export default class CaravanCacheHandler extends FileSystemCache {
  constructor(ctx) {
    super(ctx);
    startListener();
  }

  async set(key, data, ctx) {
    if (process.env.NEXT_PHASE !== "phase-production-build" && !shouldStore(key, data)) return;
    return super.set(key, data, ctx);
  }
}
