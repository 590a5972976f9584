import { spawn } from "node:child_process";
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { pgliteOf, type Database } from "./client.ts";

/**
 * Backups of either engine. Embedded: PGlite's own `dumpDataDir` (a gzipped tarball of the data
 * folder, consistent because PGlite serialises all access). PostgreSQL: `pg_dump -Fc` /
 * `pg_restore --clean`, the standard tools (they must be on PATH, at least the server's version).
 */
export async function backupPglite(db: Database, file: string): Promise<number> {
  const pglite = pgliteOf(db);
  if (!pglite) throw new Error("not an embedded database");
  const dump = await pglite.dumpDataDir("gzip");
  const bytes = Buffer.from(await dump.arrayBuffer());
  writeFileSync(file, bytes);
  return bytes.length;
}

/**
 * Replaces the embedded database in `dataDir` by a backup. The server must be stopped (PGlite
 * has one user). The previous folder is kept beside it as `<dataDir>.before-restore-<time>`.
 */
export async function restorePglite(dataDir: string, file: string): Promise<string | null> {
  const blob = new Blob([readFileSync(file)]);
  let kept: string | null = null;
  if (existsSync(dataDir)) {
    kept = `${dataDir}.before-restore-${new Date().toISOString().replace(/[:.]/g, "-")}`;
    renameSync(dataDir, kept);
  }
  const pglite = new PGlite(dataDir, { loadDataDir: blob });
  await pglite.waitReady;
  await pglite.query("SELECT 1");
  await pglite.close();
  return kept;
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", (error) =>
      reject(new Error(`${command} is not available: ${error.message}`)),
    );
    child.on("exit", (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`${command} failed: ${stderr.trim().split("\n")[0]}`)),
    );
  });
}

export async function backupPostgres(url: string, file: string): Promise<void> {
  await run("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", `--file=${file}`, url]);
}

export async function restorePostgres(url: string, file: string): Promise<void> {
  await run("pg_restore", [
    "--clean",
    "--if-exists",
    "--no-owner",
    "--no-privileges",
    "--single-transaction",
    `--dbname=${url}`,
    file,
  ]);
}
