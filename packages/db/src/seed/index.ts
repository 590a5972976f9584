import { todayIso, type IsoDate } from "@dangbo/shared";
import type { Database } from "../client.ts";
import { hashPassword } from "../password.ts";
import { DEMO_PASSWORD } from "./facts.ts";
import { DEFAULT_SEED, generateDemo } from "./generator.ts";
import { writeTables } from "./writer.ts";

export { DEMO_FACTS, DEMO_PASSWORD, DEMO_USERS, type DemoUser } from "./facts.ts";
export {
  DEFAULT_SEED,
  EARLIEST_TODAY,
  generateDemo,
  memberCode,
  type GenerateOptions,
  type SeedData,
} from "./generator.ts";
export type { TableData } from "./util.ts";

export interface SeedOptions {
  /** Seed of the generator; default 20240101. */
  seed?: number;
  /** The demo's "today": nothing dated later is written; default the current date. */
  today?: IsoDate;
  /** Receives one progress line per table. */
  log?: (line: string) => void;
  /** Only the province scale exists for now. */
  scale?: "province";
}

export interface SeedSummary {
  counts: Record<string, number>;
  ms: number;
}

export class SeedError extends Error {
  override name = "SeedError";
}

/** True when the database holds no organisation unit (a fresh, migrated database). */
export async function isDatabaseEmpty(db: Database): Promise<boolean> {
  const [row] = await db.query<{ present: boolean }>(
    "SELECT EXISTS (SELECT 1 FROM org_unit) AS present",
  );
  return !row?.present;
}

/**
 * Writes the demo province (modelled on Ninh Thuận) into an empty, migrated database, in one
 * transaction: on any failure nothing is left behind. Refuses a database that has data.
 */
export async function seedDemo(db: Database, options: SeedOptions = {}): Promise<SeedSummary> {
  const started = performance.now();
  const log = options.log ?? (() => {});
  if (options.scale !== undefined && options.scale !== "province") {
    throw new SeedError(`scale ${String(options.scale)} is not available yet`);
  }
  if (!(await isDatabaseEmpty(db))) {
    throw new SeedError(
      "the database already has data; the demo seed only writes into an empty database",
    );
  }
  const today = options.today ?? todayIso();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const generating = performance.now();
  const data = generateDemo({ seed: options.seed ?? DEFAULT_SEED, today, passwordHash });
  const rows = data.tables.reduce((a, t) => a + t.rows.length, 0);
  log(
    `seed: generated ${rows.toLocaleString("en-US")} rows for today ${today}, seed ${data.seed} (${((performance.now() - generating) / 1000).toFixed(1)} s)`,
  );
  const counts = await db.transaction(async (sql) => {
    // A concurrent seeder waits on this lock, then finds the data and gives up.
    await sql.exec("LOCK TABLE org_unit IN SHARE ROW EXCLUSIVE MODE");
    const [row] = await sql.query<{ present: boolean }>(
      "SELECT EXISTS (SELECT 1 FROM org_unit) AS present",
    );
    if (row?.present)
      throw new SeedError(
        "the database already has data; the demo seed only writes into an empty database",
      );
    return writeTables(sql, data.tables, log);
  });
  const ms = Math.round(performance.now() - started);
  log(`seed: done in ${(ms / 1000).toFixed(1)} s`);
  return { counts, ms };
}
