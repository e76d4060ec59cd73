import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_ARGS } from "./lib/browser";

const port = Number(process.env.E2E_PORT ?? 3100);
const outagePort = Number(process.env.E2E_OUTAGE_PORT ?? port + 1);
const executablePath = process.env.CARAVAN_CHROMIUM_PATH || undefined;

/**
 * End-to-end tests against a production build (`next start`). `npm test` builds it
 * against a throwaway database and passes DATABASE_URL, E2E_PORT and the browser path.
 */
export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  workers: process.env.CI ? 2 : 3,
  retries: 0,
  timeout: 45_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: ".data/test-results/e2e.json" }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: "retain-on-failure",
    launchOptions: { executablePath, args: CHROMIUM_ARGS },
  },
  projects: [
    { name: "chromium", testIgnore: /privacy-scan\.spec\.ts/, use: { ...devices["Desktop Chrome"], launchOptions: { executablePath, args: CHROMIUM_ARGS } } },
    // After every other suite: no buyer's personal value in plaintext in the database or the server's log.
    { name: "privacy-scan", testMatch: /privacy-scan\.spec\.ts/, dependencies: ["chromium"] },
  ],
  webServer: [
    {
      // Its output is also kept in E2E_SERVER_LOG (scripts/test.ts), which the privacy scan reads.
      command: process.env.E2E_SERVER_LOG
        ? `node node_modules/next/dist/bin/next start -p ${port} 2>&1 | tee ${JSON.stringify(process.env.E2E_SERVER_LOG)}`
        : `node node_modules/next/dist/bin/next start -p ${port}`,
      url: `http://127.0.0.1:${port}/en/help`,
      reuseExistingServer: false,
      timeout: 120_000,
      env: { ...(process.env as Record<string, string>), NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? ".next" },
    },
    {
      // The same build with a database that cannot be reached: for the outage tests.
      command: `node node_modules/next/dist/bin/next start -p ${outagePort}`,
      url: `http://127.0.0.1:${outagePort}/en/help`,
      reuseExistingServer: false,
      timeout: 120_000,
      env: {
        ...(process.env as Record<string, string>),
        NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? ".next",
        DATABASE_URL: "postgresql://caravan:unreachable@127.0.0.1:9/caravan?connect_timeout=2",
        // No job runner there: it would only log that it cannot reach the database, every second.
        CARAVAN_JOBS: "off",
      },
    },
  ],
});
