// `pnpm db:seed`: migrates the database, then writes the demo province into it when it is empty.
//   --seed N            generator seed (default 20240101)
//   --today YYYY-MM-DD  the demo's today (default: the current date)
//   --scale province    the demo province (default; PGlite or PostgreSQL)
//   --scale national    63 provinces, ~5.5M members (PostgreSQL only: needs DATABASE_URL)
//   --reset             drop and recreate schema public first (all data is lost)
// The database is opened exactly like the server's: DATABASE_URL, else the embedded database in
// DATA_DIR (default ./data, relative to the directory pnpm was run in).
import { isAbsolute, resolve } from "node:path";
import { parseArgs } from "node:util";
import { isIsoDate } from "@dangbo/shared";
import { openDatabase, type Database } from "../client.ts";
import { migrate } from "../migrate.ts";
import { DEFAULT_SEED, isDatabaseEmpty, seedDemo } from "../seed/index.ts";
import { seedNational } from "../seed/national.ts";

class UsageError extends Error {}

const USAGE =
  "usage: pnpm db:seed [--seed N] [--today YYYY-MM-DD] [--scale province|national] [--reset]";

/** Printed when the national scale is asked for without PostgreSQL. */
const NATIONAL_NEEDS_POSTGRES =
  "The national scale needs PostgreSQL: set DATABASE_URL (e.g. DATABASE_URL=postgresql://postgres@127.0.0.1:5432/dangbo_national pnpm db:seed --scale national); the embedded database holds one province.";

interface Options {
  seed: number;
  today?: string;
  reset: boolean;
  scale: "province" | "national";
}

function parse(argv: string[]): Options | "help" {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        seed: { type: "string" },
        today: { type: "string" },
        scale: { type: "string" },
        reset: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  }
  if (values.help) return "help";
  const scale = values.scale ?? "province";
  if (scale !== "province" && scale !== "national") {
    throw new UsageError(`--scale must be province or national, got "${scale}"\n${USAGE}`);
  }
  // Before anything is opened: the embedded database is never touched for the national scale.
  if (scale === "national" && !process.env.DATABASE_URL)
    throw new UsageError(NATIONAL_NEEDS_POSTGRES);
  let seed = DEFAULT_SEED;
  if (values.seed !== undefined) {
    seed = Number(values.seed);
    if (!/^\d+$/.test(values.seed) || !Number.isSafeInteger(seed)) {
      throw new UsageError(`--seed must be a non-negative integer, got "${values.seed}"`);
    }
  }
  if (values.today !== undefined && !isIsoDate(values.today)) {
    throw new UsageError(`--today must be a date YYYY-MM-DD, got "${values.today}"`);
  }
  return { seed, today: values.today, reset: values.reset ?? false, scale };
}

/** DATA_DIR as the server reads it: relative paths from the directory pnpm was invoked in. */
function dataDir(): string {
  const raw = process.env.DATA_DIR ?? "./data";
  if (raw.startsWith("memory://") || isAbsolute(raw)) return raw;
  return resolve(process.env.INIT_CWD ?? process.cwd(), raw);
}

async function run(options: Options): Promise<void> {
  const url = process.env.DATABASE_URL || undefined;
  const db: Database = await openDatabase({
    url,
    dataDir: dataDir(),
    onPoolError: () => {},
  });
  let open = true;
  try {
    console.log(`database: ${db.description}`);
    if (options.reset) {
      await db.exec("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;");
      console.log("reset: dropped and recreated schema public");
    }
    const migrated = await migrate(db, { log: (line) => console.log(line) });
    if (migrated.applied.length === 0) console.log("migrations: up to date");
    if (!(await isDatabaseEmpty(db))) {
      console.log("database already has data; use --reset to start over");
      return;
    }
    if (options.scale === "national" && url) {
      // The national seed streams on its own connection (COPY, no statement timeout).
      open = false;
      await db.close();
      const national = await seedNational({
        url,
        seed: options.seed,
        ...(options.today ? { today: options.today } : {}),
        log: (line) => console.log(line),
      });
      const rows = Object.values(national.counts).reduce((a, b) => a + b, 0);
      console.log(
        `seeded the national tree: ${rows.toLocaleString("en-US")} rows in ${(national.ms / 1000).toFixed(1)} s`,
      );
      return;
    }
    const summary = await seedDemo(db, {
      seed: options.seed,
      ...(options.today ? { today: options.today } : {}),
      log: (line) => console.log(line),
    });
    const rows = Object.values(summary.counts).reduce((a, b) => a + b, 0);
    console.log(
      `seeded the demo province: ${rows.toLocaleString("en-US")} rows in ${(summary.ms / 1000).toFixed(1)} s`,
    );
  } finally {
    if (open) await db.close();
  }
}

async function main(): Promise<number> {
  try {
    const options = parse(process.argv.slice(2));
    if (options === "help") {
      console.log(USAGE);
      return 0;
    }
    await run(options);
    return 0;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(error instanceof UsageError ? message : `seed failed: ${message.split("\n")[0]}`);
    return 1;
  }
}

process.exitCode = await main();
