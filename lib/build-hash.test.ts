import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { needsBuild, recordBuild, sourceHash } from "./build-hash";

const roots: string[] = [];
function project(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "caravan-build-"));
  roots.push(root);
  fs.mkdirSync(path.join(root, "app"));
  fs.writeFileSync(path.join(root, "app", "page.tsx"), "export default 1;");
  return root;
}
afterEach(() => {
  for (const root of roots.splice(0)) fs.rmSync(root, { recursive: true, force: true });
});

describe("build stamp", () => {
  it("needs a build until one is recorded, then only when sources change", () => {
    const root = project();
    expect(needsBuild(".next", root)).toBe(true);
    fs.mkdirSync(path.join(root, ".next"));
    fs.writeFileSync(path.join(root, ".next", "BUILD_ID"), "x");
    expect(needsBuild(".next", root)).toBe(true);
    recordBuild(".next", root);
    expect(needsBuild(".next", root)).toBe(false);
    fs.writeFileSync(path.join(root, "app", "page.tsx"), "export default 2;");
    expect(needsBuild(".next", root)).toBe(true);
  });
  it("ignores test files", () => {
    const root = project();
    const before = sourceHash(root);
    fs.writeFileSync(path.join(root, "app", "page.test.ts"), "test");
    expect(sourceHash(root)).toBe(before);
  });
});
