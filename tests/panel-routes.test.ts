import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PANEL_ROOTS, PANEL_ROUTES } from "@/e2e/panel-routes";

/** The panels' access walk covers every page and route handler under the panels' folders. */
function routeFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === "page.tsx" || entry.name === "route.ts" ? [full.split(path.sep).join("/")] : [];
  });
}

function exportedMethods(file: string): string[] {
  const source = fs.readFileSync(file, "utf8");
  if (file.endsWith("page.tsx")) return ["GET"];
  // Handlers are functions; `export const POST = refused.PUT` and methodNotAllowed(...) only answer 405.
  return ["GET", "POST"].filter((method) => new RegExp(`export (async )?function ${method}\\b|export const ${method} = (async )?\\(`).test(source));
}

describe("the panels' access table", () => {
  const files = PANEL_ROOTS.flatMap(routeFiles).sort();

  it("finds the panels' route files", () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it.each(files)("names %s with each method it answers", (file) => {
    const listed = PANEL_ROUTES.filter((route) => route.file === file).map((route) => route.method).sort();
    expect(listed).toEqual(exportedMethods(file).sort());
  });

  it("names no file that does not exist", () => {
    for (const route of PANEL_ROUTES) expect(fs.existsSync(route.file), route.file).toBe(true);
  });
});
