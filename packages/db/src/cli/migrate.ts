import { isAbsolute, resolve } from "node:path";
import { openDatabase } from "../client.ts";
import { migrate } from "../migrate.ts";

// `pnpm db:migrate`: applies prisma/migrations to DATABASE_URL, or to the embedded database in DATA_DIR.
const cwd = process.env.INIT_CWD ?? process.cwd();
const dataDir = process.env.DATA_DIR ?? "./data";
try {
  const db = await openDatabase({
    url: process.env.DATABASE_URL || undefined,
    dataDir: isAbsolute(dataDir) ? dataDir : resolve(cwd, dataDir),
  });
  try {
    console.log(`migrating ${db.description}`);
    const result = await migrate(db, { log: (line) => console.log(line) });
    console.log(
      result.applied.length
        ? `applied ${result.applied.length} migration(s)`
        : `up to date (${result.alreadyApplied} applied)`,
    );
  } finally {
    await db.close();
  }
} catch (error) {
  console.error(
    `db:migrate: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`,
  );
  process.exit(1);
}
