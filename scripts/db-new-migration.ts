/**
 * `npm run db:migration -- <name>`: writes the SQL that takes the database from the
 * schema of the last migration to `prisma/schema.prisma`, as a new migration folder.
 * The previous schema is taken from git (the schema as of the newest migration commit),
 * or from `--from <file>`.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { resolveDatabase } from "@/lib/db/embedded";

const args = process.argv.slice(2);
const fromIndex = args.indexOf("--from");
const fromFile = fromIndex >= 0 ? args[fromIndex + 1] : undefined;
const name = args.filter((a, i) => !a.startsWith("--") && (fromIndex < 0 || i !== fromIndex + 1))[0];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run db:migration -- <snake_case_name> [--from previous-schema.prisma]");
  process.exit(2);
}

let previous = fromFile;
if (!previous) {
  previous = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "caravan-schema-")), "schema.prisma");
  fs.writeFileSync(previous, execFileSync("git", ["show", "HEAD:prisma/schema.prisma"], { encoding: "utf8" }));
}

// `migrate diff` needs a reachable database through the driver adapter, though it reads nothing from it.
const db = await resolveDatabase();
try {
  const sql = execFileSync(
    process.execPath,
    ["node_modules/prisma/build/index.js", "migrate", "diff", "--from-schema-datamodel", previous, "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
    { env: { ...process.env, DATABASE_URL: db.url }, encoding: "utf8" },
  );
  if (!sql.trim() || /^-- This is an empty migration/.test(sql.trim())) {
    console.log("The schema has not changed: no migration written.");
  } else {
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const dir = path.join("prisma/migrations", `${stamp}_${name}`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "migration.sql"), sql);
    console.log(`Wrote ${dir}/migration.sql`);
  }
} finally {
  await db.stop();
}
