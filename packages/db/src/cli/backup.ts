import { isAbsolute, resolve } from "node:path";
import { backupPglite, backupPostgres, restorePglite, restorePostgres } from "../backup.ts";
import { openDatabase, redactUrl } from "../client.ts";

// `pnpm db:backup [file]` and `pnpm db:restore <file>`: DATABASE_URL (PostgreSQL) or the embedded
// database in DATA_DIR. Restoring the embedded database needs the server stopped.
const cwd = process.env.INIT_CWD ?? process.cwd();
const [command, fileArg] = process.argv.slice(2);
const url = process.env.DATABASE_URL || undefined;
const dataDirRaw = process.env.DATA_DIR ?? "./data";
const dataDir = isAbsolute(dataDirRaw) ? dataDirRaw : resolve(cwd, dataDirRaw);
const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, "-");

try {
  if (command === "backup") {
    const file = resolve(cwd, fileArg ?? (url ? `dangbo-${stamp}.dump` : `dangbo-${stamp}.tar.gz`));
    if (url) {
      await backupPostgres(url, file);
      console.log(`backed up ${redactUrl(url)} to ${file}`);
    } else {
      const db = await openDatabase({ dataDir });
      try {
        const bytes = await backupPglite(db, file);
        console.log(
          `backed up the embedded database in ${dataDir} to ${file} (${(bytes / 1024 / 1024).toFixed(1)} MB)`,
        );
      } finally {
        await db.close();
      }
    }
  } else if (command === "restore") {
    if (!fileArg) throw new Error("usage: pnpm db:restore <file>");
    const file = resolve(cwd, fileArg);
    if (url) {
      await restorePostgres(url, file);
      console.log(`restored ${file} into ${redactUrl(url)}`);
    } else {
      const kept = await restorePglite(dataDir, file);
      console.log(
        `restored ${file} into ${dataDir}${kept ? ` (the previous data is kept in ${kept})` : ""}`,
      );
    }
  } else {
    throw new Error("usage: backup [file] | restore <file>");
  }
} catch (error) {
  console.error(
    `db:${command ?? "backup"}: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`,
  );
  process.exit(1);
}
