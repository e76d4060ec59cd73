/**
 * Finding a Chromium for end-to-end tests and screenshots: Playwright's own build
 * when installed, else the system's (Debian's `chromium`), else none.
 */
import fs from "node:fs";
import { parseEnv } from "@/lib/env";

export const SYSTEM_CHROMIUM_PATHS = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

export async function findChromium(): Promise<{ path: string; source: "playwright" | "system" } | null> {
  const configured = parseEnv().CARAVAN_CHROMIUM;
  if (configured && fs.existsSync(configured)) return { path: configured, source: "system" };
  try {
    const { chromium } = await import("@playwright/test");
    const path = chromium.executablePath();
    if (path && fs.existsSync(path)) return { path, source: "playwright" };
  } catch {
    // Playwright not resolvable: fall through to the system browser.
  }
  const system = SYSTEM_CHROMIUM_PATHS.find((p) => fs.existsSync(p));
  return system ? { path: system, source: "system" } : null;
}

/** Flags for a root user on a machine without outside network access. */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];
