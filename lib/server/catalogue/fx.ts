import "server-only";
import { getPrisma } from "@/lib/db/client";
import type { FxTable } from "@/lib/domain/fx";
import { readFxTable } from "@/lib/server/fx/load";
import { FX_TAG } from "@/lib/domain/cache/tags";
import { tagEpoch } from "@/lib/server/cache/epoch";

/** The FX table for a pricing date (see readFxTable), from the store's database. */
export function loadFxTable(asOf?: string): Promise<FxTable> {
  return readFxTable(getPrisma(), asOf);
}

const CURRENT_TTL_MS = 60_000;
let current: { table: Promise<FxTable>; until: number; epoch: number } | undefined;

/**
 * The newest rates, shared by the requests of one process for a minute: rates change
 * once a day. New rates (the `fx` tag expiring) drop the shared table at once. A failed
 * load is not kept, so the next request tries again.
 */
export function currentFxTable(now: number = Date.now()): Promise<FxTable> {
  const epoch = tagEpoch(FX_TAG);
  if (!current || current.until < now || current.epoch !== epoch) {
    const table = loadFxTable();
    current = { table, until: now + CURRENT_TTL_MS, epoch };
    table.catch(() => {
      if (current?.table === table) current = undefined;
    });
  }
  return current.table;
}
