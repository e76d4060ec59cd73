import { execFile } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { migrate } from "@/lib/db/migrate";
import { createPrismaClient } from "@/lib/db/client";
import { readSnapshot, storeRates } from "@/lib/server/fx/snapshot";
import { createDatabase } from "./database";

const run = promisify(execFile);
const clusterUrl = inject("databaseUrl");
/** A database of its own: the refresh adds rates that other suites must not see. */
let databaseUrl: string;

async function freshDatabaseWithSnapshot(): Promise<string> {
  const url = await createDatabase(clusterUrl, `fx_refresh_${process.pid}`);
  await migrate(url);
  const prisma = createPrismaClient(url);
  try {
    await storeRates(prisma, readSnapshot());
  } finally {
    await prisma.$disconnect();
  }
  return url;
}
const TSX = path.resolve("node_modules/tsx/dist/cli.mjs");

async function rateRows(): Promise<{ quote: string; rate: string; date: string }[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT quote, rate::text AS rate, to_char(date, 'YYYY-MM-DD') AS date FROM "FxRate" ORDER BY quote, date`);
    return rows;
  } finally {
    await client.end();
  }
}

function refresh(feedUrl: string) {
  return run(process.execPath, [TSX, "scripts/fx-refresh.ts"], {
    env: { ...process.env, DATABASE_URL: databaseUrl, CARAVAN_ECB_URL: feedUrl },
  }).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );
}

describe("npm run fx:refresh", () => {
  let server: http.Server;
  let base: string;
  const nextDay = fs
    .readFileSync("prisma/fx/eurofxref-daily.xml", "utf8")
    .replace("time='2026-11-27'", "time='2026-11-30'")
    .replace("rate='181.05'", "rate='182.10'");

  beforeAll(async () => {
    databaseUrl = await freshDatabaseWithSnapshot();
    server = http.createServer((req, res) => {
      if (req.url === "/daily.xml") res.writeHead(200, { "content-type": "text/xml" }).end(nextDay);
      else if (req.url === "/broken.xml") res.writeHead(200).end("<html>maintenance</html>");
      else res.writeHead(503).end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(() => {
    server.close();
  });

  it("fails with one clear line and keeps the stored rates when the feed cannot be reached", async () => {
    const before = await rateRows();
    const result = await refresh("http://127.0.0.1:9/eurofxref-daily.xml");
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(/^FX refresh failed: could not reach .* the last stored rates stay in use\./);
    expect(await rateRows()).toEqual(before);
  }, 60_000);

  it("refuses a document that is not the ECB's format, changing nothing", async () => {
    const before = await rateRows();
    const unavailable = await refresh(`${base}/missing.xml`);
    expect(unavailable.code).toBe(1);
    expect(unavailable.stderr).toMatch(/HTTP 503/);
    const broken = await refresh(`${base}/broken.xml`);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/Not an ECB reference-rate document/);
    expect(await rateRows()).toEqual(before);
  }, 60_000);

  it("stores a new day's rates next to the old ones", async () => {
    const result = await refresh(`${base}/daily.xml`);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/ECB reference date 2026-11-30/);
    const rows = await rateRows();
    expect(rows).toContainEqual({ quote: "JPY", rate: "182.1000000000", date: "2026-11-30" });
    expect(rows).toContainEqual({ quote: "JPY", rate: "181.0500000000", date: "2026-11-27" });
  }, 60_000);
});
