import "server-only";
import { unstable_cache } from "next/cache";

/**
 * A read cached across requests in the page cache's data store, under `tags` (so the
 * change that makes it stale expires it on every app server, docs/adr/0009) and for at
 * most `revalidate` seconds. Outside a request (scripts, tests) it simply reads.
 * Results must survive JSON: plain objects, strings, numbers.
 */
export function sharedCache<A extends unknown[], R>(read: (...args: A) => Promise<R>, key: string, tags: readonly string[], revalidate = 3600) {
  const cached = unstable_cache(read, [key], { tags: [...tags], revalidate });
  return async (...args: A): Promise<R> => {
    try {
      return await cached(...args);
    } catch (error) {
      if (error instanceof Error && error.message.startsWith("Invariant: incrementalCache missing")) return read(...args);
      throw error;
    }
  };
}
