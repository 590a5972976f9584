import { createHash, randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Database, RawSql } from "./client.ts";

/** prisma/migrations of the repository. */
export const MIGRATIONS_DIR = join(
  dirname(fileURLToPath(import.meta.url)),
  "..",
  "..",
  "..",
  "prisma",
  "migrations",
);

/** The advisory lock key Prisma Migrate takes, so our runner and `prisma migrate deploy` exclude each other. */
const PRISMA_ADVISORY_LOCK = 72707369;

// Prisma's own DDL for its bookkeeping table, so `prisma migrate deploy/status` on a connected
// machine sees the same state as this runner.
const MIGRATIONS_TABLE_DDL = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
);`;

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export function readMigrations(dir: string = MIGRATIONS_DIR): MigrationFile[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const bytes = readFileSync(join(dir, name, "migration.sql"));
      return {
        name,
        sql: bytes.toString("utf8"),
        checksum: createHash("sha256").update(bytes).digest("hex"),
      };
    });
}

export class MigrationError extends Error {
  override name = "MigrationError";
}

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

export interface MigrateResult {
  applied: string[];
  alreadyApplied: number;
}

/**
 * Applies pending migrations, each in its own transaction, recording them in
 * `_prisma_migrations` exactly as Prisma does. Idempotent; refuses to run when an applied
 * migration's file has changed or a previous attempt failed half-way.
 */
export async function migrate(
  db: Database,
  options: { dir?: string; log?: (line: string) => void } = {},
): Promise<MigrateResult> {
  const files = readMigrations(options.dir);
  const log = options.log ?? (() => {});
  const run = async (sql: RawSql): Promise<MigrateResult> => {
    await sql.exec(MIGRATIONS_TABLE_DDL);
    const applied = await sql.query<AppliedRow>(
      `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`,
    );
    const byName = new Map(applied.map((row) => [row.migration_name, row]));
    for (const row of applied) {
      if (!row.finished_at) {
        throw new MigrationError(
          `Migration ${row.migration_name} started but did not finish; repair the database before migrating again.`,
        );
      }
    }
    const done: string[] = [];
    for (const file of files) {
      const row = byName.get(file.name);
      if (row) {
        if (row.checksum !== file.checksum) {
          throw new MigrationError(
            `Migration ${file.name} was modified after it was applied (checksum ${row.checksum.slice(0, 12)}… in the database, ${file.checksum.slice(0, 12)}… on disk).`,
          );
        }
        continue;
      }
      log(`applying migration ${file.name}`);
      await sql.exec("BEGIN");
      try {
        const id = randomUUID();
        await sql.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES ($1, $2, $3, now(), 0)`,
          [id, file.checksum, file.name],
        );
        await sql.exec(file.sql);
        await sql.query(
          `UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`,
          [id],
        );
        await sql.exec("COMMIT");
      } catch (error) {
        await sql.exec("ROLLBACK").catch(() => {});
        throw new MigrationError(
          `Migration ${file.name} failed and was rolled back: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
      done.push(file.name);
    }
    const unknown = applied.filter((row) => !files.some((f) => f.name === row.migration_name));
    if (unknown.length > 0) {
      log(
        `warning: the database has migrations this code does not know: ${unknown.map((r) => r.migration_name).join(", ")}`,
      );
    }
    return { applied: done, alreadyApplied: files.length - done.length };
  };

  return db.session(async (sql) => {
    // Session-level, like Prisma: held across the per-migration transactions.
    await sql.query("SELECT pg_advisory_lock($1)", [PRISMA_ADVISORY_LOCK]);
    try {
      return await run(sql);
    } finally {
      await sql.query("SELECT pg_advisory_unlock($1)", [PRISMA_ADVISORY_LOCK]).catch(() => {});
    }
  });
}

/** Names of migrations on disk that the database has not applied. */
export async function pendingMigrations(db: Database, dir?: string): Promise<string[]> {
  const files = readMigrations(dir);
  const [{ exists }] = await db.query<{ exists: boolean }>(
    `SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS exists`,
  );
  if (!exists) return files.map((f) => f.name);
  const applied = await db.query<{ migration_name: string }>(
    `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
  );
  const names = new Set(applied.map((r) => r.migration_name));
  return files.filter((f) => !names.has(f.name)).map((f) => f.name);
}
