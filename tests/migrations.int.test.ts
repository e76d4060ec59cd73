import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, inject } from "vitest";
import { migrate, MigrationChecksumError, readMigrations } from "@/lib/db/migrate";
import { createDatabase } from "./database";

const adminUrl = inject("databaseUrl");

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

let counter = 0;
function freshDatabase(): Promise<string> {
  return createDatabase(adminUrl, `mig_${process.pid}_${++counter}`);
}

function tempMigrations(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "caravan-migrations-"));
  for (const [name, sql] of Object.entries(files)) {
    fs.mkdirSync(path.join(dir, name));
    fs.writeFileSync(path.join(dir, name, "migration.sql"), sql);
  }
  return dir;
}

/** Tables, columns, indexes, constraints, enums, triggers and functions: what "the schema" is, comparably. */
async function describeSchema(url: string) {
  return withClient(url, async (c) => {
    const columns = await c.query(`
      SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default,
             character_maximum_length, numeric_precision, numeric_scale
        FROM information_schema.columns
       WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
       ORDER BY table_name, column_name`);
    const indexes = await c.query(`
      SELECT tablename, indexname, indexdef FROM pg_indexes
       WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY indexname`);
    const constraints = await c.query(`
      SELECT conrelid::regclass::text AS table_name, conname, pg_get_constraintdef(oid) AS def
        FROM pg_constraint WHERE connamespace = 'public'::regnamespace
         AND conrelid::regclass::text <> '"_prisma_migrations"' AND conrelid::regclass::text <> '_prisma_migrations'
       ORDER BY conname`);
    const enums = await c.query(`
      SELECT t.typname, string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) AS labels
        FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname ORDER BY t.typname`);
    const triggers = await c.query(`
      SELECT tgrelid::regclass::text AS table_name, tgname, pg_get_triggerdef(oid) AS def
        FROM pg_trigger WHERE NOT tgisinternal ORDER BY tgname`);
    const functions = await c.query(`
      SELECT proname, pg_get_function_identity_arguments(oid) AS arguments
        FROM pg_proc WHERE pronamespace = 'public'::regnamespace ORDER BY proname`);
    return { columns: columns.rows, indexes: indexes.rows, constraints: constraints.rows, enums: enums.rows, triggers: triggers.rows, functions: functions.rows };
  });
}

describe("migrations", () => {
  let url: string;
  beforeAll(async () => {
    url = await freshDatabase();
  });

  it("applies every migration once and records it like Prisma Migrate", async () => {
    const first = await migrate(url);
    expect(first.applied).toEqual(readMigrations().map((m) => m.name));
    const second = await migrate(url);
    expect(second.applied).toEqual([]);
    expect(second.alreadyApplied).toEqual(first.applied);
    const rows = await withClient(url, (c) =>
      c.query(`SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`),
    );
    expect(rows.rows.map((r) => r.migration_name)).toEqual(first.applied);
    for (const [i, row] of rows.rows.entries()) {
      expect(row.checksum).toBe(readMigrations()[i]!.checksum);
      expect(row.finished_at).toBeInstanceOf(Date);
    }
  });

  it("applies only what is pending", async () => {
    const db = await freshDatabase();
    const dir = tempMigrations({ "001_a": "CREATE TABLE a (id int);" });
    expect((await migrate(db, { dir })).applied).toEqual(["001_a"]);
    fs.mkdirSync(path.join(dir, "002_b"));
    fs.writeFileSync(path.join(dir, "002_b", "migration.sql"), "CREATE TABLE b (id int);");
    expect(await migrate(db, { dir })).toEqual({ applied: ["002_b"], alreadyApplied: ["001_a"] });
  });

  it("fails loudly when an applied migration's file changed", async () => {
    const db = await freshDatabase();
    const dir = tempMigrations({ "001_a": "CREATE TABLE a (id int);" });
    await migrate(db, { dir });
    fs.writeFileSync(path.join(dir, "001_a", "migration.sql"), "CREATE TABLE a (id bigint);");
    await expect(migrate(db, { dir })).rejects.toBeInstanceOf(MigrationChecksumError);
  });

  it("rolls back a failing migration entirely and records nothing", async () => {
    const db = await freshDatabase();
    const dir = tempMigrations({ "001_bad": "CREATE TABLE half (id int); SELECT * FROM no_such_table;" });
    await expect(migrate(db, { dir })).rejects.toThrow(/001_bad failed and was rolled back/);
    const tables = await withClient(db, (c) => c.query(`SELECT to_regclass('public.half') AS t`));
    expect(tables.rows[0].t).toBeNull();
    const history = await withClient(db, (c) => c.query(`SELECT count(*)::int AS n FROM "_prisma_migrations"`));
    expect(history.rows[0].n).toBe(0);
  });

  describe("drift", () => {
    let fromSchema: string;
    beforeAll(async () => {
      fromSchema = await freshDatabase();
      const sql = execFileSync(
        process.execPath,
        ["node_modules/prisma/build/index.js", "migrate", "diff", "--from-empty", "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
        { env: { ...process.env, DATABASE_URL: fromSchema }, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] },
      );
      await withClient(fromSchema, (c) => c.query(sql));
    }, 120_000);

    /** CHECK constraints the Prisma schema cannot express, added by hand in migrations: present, and the only difference. */
    const SQL_ONLY_CHECKS = ["OrderLine_withdrawn_within_quantity", "StockReservation_quantity_positive", "Variant_stock_not_negative"];
    /** Triggers and their functions written by hand in migrations (ContractAcceptance and AuditEntry are append-only). */
    const SQL_ONLY_TRIGGERS = ["ContractAcceptance_append_only", "ContractAcceptance_no_truncate", "AuditEntry_append_only", "AuditEntry_no_truncate"];
    const SQL_ONLY_FUNCTIONS = ["ContractAcceptance_refuse_change", "AuditEntry_refuse_change"];

    it("migrations produce exactly the schema in prisma/schema.prisma (plus its hand-written checks and triggers)", async () => {
      const migrated = await describeSchema(url);
      const expected = await describeSchema(fromSchema);
      expect(migrated.columns.length).toBeGreaterThan(20);
      const checks = migrated.constraints.filter((c: { conname: string }) => SQL_ONLY_CHECKS.includes(c.conname));
      expect(checks.map((c: { conname: string }) => c.conname)).toEqual(SQL_ONLY_CHECKS);
      expect(migrated.triggers.map((t: { tgname: string }) => t.tgname)).toEqual(expect.arrayContaining(SQL_ONLY_TRIGGERS));
      expect(migrated.functions.map((f: { proname: string }) => f.proname)).toEqual(expect.arrayContaining(SQL_ONLY_FUNCTIONS));
      expect({
        ...migrated,
        constraints: migrated.constraints.filter((c: { conname: string }) => !SQL_ONLY_CHECKS.includes(c.conname)),
        triggers: migrated.triggers.filter((t: { tgname: string }) => !SQL_ONLY_TRIGGERS.includes(t.tgname)),
        functions: migrated.functions.filter((f: { proname: string }) => !SQL_ONLY_FUNCTIONS.includes(f.proname)),
      }).toEqual(expected);
    });
  });

  describe("npm run db:migration", () => {
    const script = (args: string[]) => {
      try {
        const stdout = execFileSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/db-new-migration.ts", ...args], {
          env: { ...process.env, DATABASE_URL: adminUrl },
          encoding: "utf8",
          stdio: ["ignore", "pipe", "pipe"],
        });
        return { code: 0, out: stdout };
      } catch (error) {
        const e = error as { status: number; stdout: string; stderr: string };
        return { code: e.status, out: e.stdout + e.stderr };
      }
    };

    it("writes nothing when the schema did not change", () => {
      const before = readMigrations().length;
      const result = script(["unchanged_check", "--from", "prisma/schema.prisma"]);
      expect(result.code).toBe(0);
      expect(result.out).toContain("The schema has not changed: no migration written.");
      expect(readMigrations()).toHaveLength(before);
    }, 120_000);

    it("refuses a missing or badly formed name", () => {
      expect(script([]).code).toBe(2);
      const bad = script(["Bad Name!"]);
      expect(bad.code).toBe(2);
      expect(bad.out).toContain("Usage: npm run db:migration -- <snake_case_name>");
    }, 60_000);
  });

  afterAll(async () => {
    await withClient(adminUrl, async (c) => {
      const { rows } = await c.query(`SELECT datname FROM pg_database WHERE datname LIKE 'mig_${process.pid}_%'`);
      for (const row of rows) await c.query(`DROP DATABASE "${row.datname}" WITH (FORCE)`);
    });
  });
});
