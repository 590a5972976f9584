import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openDatabase } from "./client.ts";
import { migrate, MigrationError, pendingMigrations, readMigrations } from "./migrate.ts";

function migrationsDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "dangbo-mig-"));
  for (const [name, sql] of Object.entries(files)) {
    mkdirSync(join(dir, name));
    writeFileSync(join(dir, name, "migration.sql"), sql);
  }
  return dir;
}

describe("migration runner", () => {
  it("applies pending migrations once, records them like Prisma, and is idempotent", async () => {
    const db = await openDatabase({ dataDir: "memory://" });
    try {
      const dir = migrationsDir({
        "001_a": "CREATE TABLE a (id int);",
        "002_b": "CREATE TABLE b (id int); INSERT INTO b VALUES (1);",
      });
      expect(await pendingMigrations(db, dir)).toEqual(["001_a", "002_b"]);
      expect((await migrate(db, { dir })).applied).toEqual(["001_a", "002_b"]);
      expect(await migrate(db, { dir })).toEqual({ applied: [], alreadyApplied: 2 });
      const rows = await db.query<{
        migration_name: string;
        checksum: string;
        applied_steps_count: number;
        finished_at: Date | null;
      }>(
        `SELECT migration_name, checksum, applied_steps_count, finished_at FROM "_prisma_migrations" ORDER BY migration_name`,
      );
      expect(rows.map((r) => r.migration_name)).toEqual(["001_a", "002_b"]);
      expect(
        rows.every(
          (r) => r.applied_steps_count === 1 && r.finished_at && /^[0-9a-f]{64}$/.test(r.checksum),
        ),
      ).toBe(true);
      expect(rows[0]!.checksum).toBe(readMigrations(dir)[0]!.checksum);
    } finally {
      await db.close();
    }
  });

  it("rolls back a failing migration completely and says which one failed", async () => {
    const db = await openDatabase({ dataDir: "memory://" });
    try {
      const dir = migrationsDir({
        "001_ok": "CREATE TABLE ok (id int);",
        "002_bad": "CREATE TABLE half (id int); SELECT * FROM nope;",
      });
      await expect(migrate(db, { dir })).rejects.toThrow(/002_bad failed/);
      const tables = await db.query<{ n: string }>(`SELECT to_regclass('half')::text AS n`);
      expect(tables[0]!.n).toBeNull();
      expect(await pendingMigrations(db, dir)).toEqual(["002_bad"]);
    } finally {
      await db.close();
    }
  });

  it("refuses to run when an applied migration was edited", async () => {
    const db = await openDatabase({ dataDir: "memory://" });
    try {
      const dir = migrationsDir({ "001_a": "CREATE TABLE a (id int);" });
      await migrate(db, { dir });
      writeFileSync(join(dir, "001_a", "migration.sql"), "CREATE TABLE a (id bigint);");
      await expect(migrate(db, { dir })).rejects.toBeInstanceOf(MigrationError);
    } finally {
      await db.close();
    }
  });

  it("migrates the real schema on PostgreSQL too", async () => {
    const url = process.env.TEST_DATABASE_URL;
    if (!url) return; // covered by the PostgreSQL CI run
    const { createTestDatabase } = await import("./testing.ts");
    const t = await createTestDatabase("postgres");
    try {
      expect(await pendingMigrations(t.db)).toEqual([]);
      expect(await migrate(t.db)).toMatchObject({ applied: [] });
    } finally {
      await t.drop();
    }
  });
});
