/** A content hash of everything `next build` reads, to rebuild only when it changed. */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const INPUTS = ["app", "components", "lib", "i18n", "messages", "prisma/schema.prisma", "public", "next.config.ts", "proxy.ts", "package-lock.json", "tsconfig.json"];

function walk(entry: string, out: string[]): void {
  if (!fs.existsSync(entry)) return;
  const stat = fs.statSync(entry);
  if (stat.isDirectory()) {
    for (const child of fs.readdirSync(entry).sort()) {
      if (child === "node_modules" || child.endsWith(".test.ts")) continue;
      walk(path.join(entry, child), out);
    }
  } else out.push(entry);
}

export function sourceHash(root = process.cwd()): string {
  const files: string[] = [];
  for (const input of INPUTS) walk(path.join(root, input), files);
  const hash = crypto.createHash("sha256");
  for (const file of files) {
    hash.update(path.relative(root, file));
    hash.update(fs.readFileSync(file));
  }
  return hash.digest("hex");
}

const STAMP_FILE = "caravan-source-hash";

/** True when the build folder is missing or was built from other sources. */
export function needsBuild(distDir = ".next", root = process.cwd()): boolean {
  const stamp = path.join(root, distDir, STAMP_FILE);
  if (!fs.existsSync(path.join(root, distDir, "BUILD_ID")) || !fs.existsSync(stamp)) return true;
  return fs.readFileSync(stamp, "utf8").trim() !== sourceHash(root);
}

export function recordBuild(distDir = ".next", root = process.cwd()): void {
  fs.writeFileSync(path.join(root, distDir, STAMP_FILE), sourceHash(root));
}
