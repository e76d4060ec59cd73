import "server-only";
import { unstable_cache } from "next/cache";

/**
 * Declares what the page being rendered depends on, so a change to any of it expires
 * the page in every locale and market (docs/adr/0009). The data itself is read fresh
 * whenever the page renders; only this tiny marker goes through the data cache, whose
 * tags Next attaches to the page.
 */
export async function tagPage(tags: readonly string[]): Promise<void> {
  const sorted = [...new Set(tags)].sort();
  await unstable_cache(async () => true, ["page-tags", ...sorted], { tags: sorted })();
}
