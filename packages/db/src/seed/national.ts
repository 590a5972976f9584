import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { isIsoDate, todayIso, type IsoDate } from "@dangbo/shared";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { resetSequences } from "../bulk.ts";
import type { RawSql } from "../client.ts";
import { notifyEverythingChanged } from "../changes.ts";
import { rebuildClosure } from "../closure.ts";
import {
  rebuildMemberCountHistory,
  rebuildProbationDue,
  rebuildComposition,
  rebuildStructureCounts,
} from "../rollups.ts";
import { hashPassword } from "../password.ts";
import { DEMO_PASSWORD } from "./facts.ts";
import { DEFAULT_SEED, EARLIEST_TODAY } from "./generator.ts";
import {
  NATIONAL_SCALE,
  planNational,
  type NationalPlan,
  type NationalScale,
} from "./national-plan.ts";
import { memberTables, smallTables, unitTables, type CopyTable } from "./national-rows.ts";
import { rngFactory } from "./rng.ts";
import { SERIAL_TABLES, verifyForeignKeys } from "./writer.ts";

export {
  NATIONAL_SCALE,
  ROOT_CODE,
  type NationalPlan,
  type NationalScale,
} from "./national-plan.ts";
export { NATIONAL_USERS } from "./national-rows.ts";

/**
 * `pnpm db:seed --scale national`: a national tree (63 provinces, ~60k grassroots
 * organisations, ~5.5M members with their assignments and events, targets, a year of meetings)
 * written into an empty PostgreSQL database in one transaction:
 *
 *   plan (tree and counts in memory) → lock, check empty, TRUNCATE → drop the secondary
 *   indexes → COPY … FROM STDIN (FREEZE) table by table, rows generated while streaming →
 *   ANALYZE → closure, admission rollup, member counts (set-based SQL) → recreate the indexes
 *   exactly as they were → verify foreign keys → reset sequences → COMMIT → VACUUM ANALYZE.
 *
 * COPY FREEZE (allowed because each table was truncated in the same transaction) writes the
 * rows already frozen and all-visible: no hint-bit rewrite or anti-wraparound vacuum of 5.5M
 * rows later, and index-only scans work at once. Foreign-key triggers are off during the load
 * (superuser only; otherwise they stay on and the load is slower) and every key is checked
 * with one set-based query afterwards. PGlite is refused: a single-connection WebAssembly
 * database is the wrong tool for 20M rows (the CLI says so before opening anything).
 */

export interface NationalSeedOptions {
  /** PostgreSQL connection string of the (migrated, empty) database. */
  url: string;
  seed?: number;
  today?: IsoDate;
  /** Sizes; tests use a tiny scale, the CLI the full one. */
  scale?: Partial<NationalScale>;
  log?: (line: string) => void;
  /** The stored hash of the demo password; hashed here when absent. */
  passwordHash?: string;
}

export interface NationalSummary {
  plan: NationalPlan;
  /** Rows per table. */
  counts: Record<string, number>;
  /** Wall time per phase, in order. */
  phases: { phase: string; ms: number }[];
  ms: number;
}

export class NationalSeedError extends Error {
  override name = "NationalSeedError";
}

/** Tables the national seed writes with COPY, in order (parents first). */
const LOADED = [
  "org_unit",
  "org_unit_period",
  "app_user",
  "study_theme",
  "admission_target",
  "member",
  "member_assignment",
  "member_event",
  "meeting",
] as const;
/** Tables derived from them afterwards. */
const DERIVED = [
  "org_unit_closure",
  "admission_rollup",
  "unit_member_count",
  "unit_member_count_history",
  "unit_probation_due",
  "unit_structure_count",
  "rollup_state",
] as const;

function formatCount(n: number): string {
  return n.toLocaleString("en-US");
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

interface IndexDef {
  table: string;
  name: string;
  definition: string;
}

/** Secondary indexes of the given tables: not primary keys, not backing a constraint. */
export async function secondaryIndexes(
  sql: RawSql,
  tables: readonly string[],
): Promise<IndexDef[]> {
  return sql.query<IndexDef>(
    `SELECT t.relname AS table, i.relname AS name, pg_get_indexdef(x.indexrelid) AS definition
     FROM pg_index x
     JOIN pg_class i ON i.oid = x.indexrelid
     JOIN pg_class t ON t.oid = x.indrelid
     WHERE t.relnamespace = current_schema()::regnamespace AND t.relname = ANY($1)
       AND NOT x.indisprimary
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)
     ORDER BY t.relname, i.relname`,
    [tables],
  );
}

async function userTables(sql: RawSql): Promise<string[]> {
  const rows = await sql.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c
     WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r'
       AND c.relname <> '_prisma_migrations' ORDER BY 1`,
  );
  return rows.map((r) => r.name);
}

/** Tables that hold at least one row. */
async function tablesWithRows(sql: RawSql, tables: readonly string[]): Promise<string[]> {
  if (tables.length === 0) return [];
  const rows = await sql.query<{ name: string }>(
    tables
      .map((t) => `SELECT '${t}'::text AS name WHERE EXISTS (SELECT 1 FROM "${t}")`)
      .join(" UNION ALL "),
  );
  return rows.map((r) => r.name);
}

/**
 * admission_rollup for a freshly loaded tree: the statement of rebuildAdmissionRollup
 * (rollups.ts) with two changes that take it from ~105 s to ~40 s at national scale — events
 * before the earliest closure row are skipped before the join (they can never match), and rows
 * are inserted in primary-key order (random-order B-tree inserts into a 6M-row index were half
 * the time). Same result: the test compares it with rollupDrift's live aggregate.
 */
async function buildAdmissionRollup(sql: RawSql): Promise<void> {
  await sql.exec(`
    INSERT INTO admission_rollup (unit_id, via_unit_id, year, month, admitted)
    SELECT c.ancestor_id, v.ancestor_id, EXTRACT(YEAR FROM e.effective_on)::int,
           EXTRACT(MONTH FROM e.effective_on)::int, COUNT(*)::int
    FROM member_event e
    JOIN org_unit_closure c ON c.descendant_id = e.unit_id
     AND c.valid_from <= e.effective_on AND (c.valid_to IS NULL OR c.valid_to > e.effective_on)
    JOIN org_unit_closure v ON v.descendant_id = e.unit_id AND v.depth = GREATEST(c.depth - 1, 0)
     AND v.valid_from <= e.effective_on AND (v.valid_to IS NULL OR v.valid_to > e.effective_on)
    WHERE e.kind = 'ADMITTED' AND e.effective_on >= (SELECT min(valid_from) FROM org_unit_closure)
    GROUP BY 1, 2, 3, 4
    ORDER BY 1, 2, 3, 4`);
}

/**
 * unit_member_count as rebuildMemberCounts (rollups.ts) computes it, but counted per cell
 * first and only then summed up the closure: 200k cell rows × 5 ancestors instead of
 * 5.5M members × 5 (~22 s → a few seconds). Same result (checked by rollupDrift in the test).
 */
async function buildMemberCounts(sql: RawSql, today: IsoDate): Promise<void> {
  await sql.query(
    `INSERT INTO unit_member_count (unit_id, official, probationary, counted_on)
     SELECT c.ancestor_id, SUM(x.official)::int, SUM(x.probationary)::int, $1::date
     FROM (
       SELECT a.unit_id,
              COUNT(*) FILTER (WHERE m.official_on IS NOT NULL AND m.official_on <= $1::date) AS official,
              COUNT(*) FILTER (WHERE m.official_on IS NULL OR m.official_on > $1::date) AS probationary
       FROM member_assignment a
       JOIN member m ON m.id = a.member_id
       WHERE NOT a.temporary AND a.valid_from <= $1::date AND (a.valid_to IS NULL OR a.valid_to > $1::date)
       GROUP BY a.unit_id) x
     JOIN org_unit_closure c ON c.descendant_id = x.unit_id
      AND c.valid_from <= $1::date AND (c.valid_to IS NULL OR c.valid_to > $1::date)
     GROUP BY c.ancestor_id
     ORDER BY 1`,
    [today],
  );
}

async function copyTable(
  client: pg.Client,
  t: CopyTable,
  log: (line: string) => void,
): Promise<number> {
  const started = performance.now();
  let lastLog = started;
  const progress = (rows: number) => {
    const now = performance.now();
    if (now - lastLog < 5_000) return;
    lastLog = now;
    log(
      `national: ${t.table} ${formatCount(rows)}${t.expected ? ` / ${formatCount(t.expected)}` : ""} (${Math.round((now - started) / 1000)} s)`,
    );
  };
  const stream = client.query(
    copyFrom(
      `COPY "${t.table}" (${t.columns.map((c) => `"${c}"`).join(", ")}) FROM STDIN WITH (FREEZE)`,
    ),
  );
  await pipeline(Readable.from(t.chunks(progress)), stream);
  log(
    `national: ${t.table} ${formatCount(stream.rowCount)} rows (${seconds(performance.now() - started)})`,
  );
  return stream.rowCount;
}

/** Resolves the options the way the CLI and the tests share. */
export function nationalSettings(
  options: Omit<NationalSeedOptions, "url" | "log" | "passwordHash">,
): {
  seed: number;
  today: IsoDate;
  scale: NationalScale;
} {
  const today = options.today ?? todayIso();
  if (!isIsoDate(today)) throw new RangeError(`today must be a date YYYY-MM-DD, got "${today}"`);
  if (today < EARLIEST_TODAY)
    throw new RangeError(`today must be on or after ${EARLIEST_TODAY}, got ${today}`);
  return {
    seed: options.seed ?? DEFAULT_SEED,
    today,
    scale: { ...NATIONAL_SCALE, ...options.scale },
  };
}

/**
 * Writes the national tree into an empty, migrated PostgreSQL database. Refuses a database
 * that holds any row (outside _prisma_migrations). On failure nothing is left behind.
 */
export async function seedNational(options: NationalSeedOptions): Promise<NationalSummary> {
  const started = performance.now();
  const log = options.log ?? (() => {});
  const { seed, today, scale } = nationalSettings(options);
  const phases: { phase: string; ms: number }[] = [];
  let phaseStart = performance.now();
  const phase = (name: string) => {
    const now = performance.now();
    phases.push({ phase: name, ms: Math.round(now - phaseStart) });
    phaseStart = now;
  };

  const rngOf = rngFactory(seed);
  const plan = planNational(rngOf, seed, today, scale);
  log(
    `national: planned ${formatCount(plan.provinces.length)} provinces, ${formatCount(plan.committees.length)} committees, ${formatCount(plan.units.length)} units (${formatCount(plan.cells.length)} member-holding), ${formatCount(plan.totalMembers)} members for today ${today}, seed ${seed}`,
  );
  const passwordHash = options.passwordHash ?? (await hashPassword(DEMO_PASSWORD));
  phase("plan");

  const client = new pg.Client({ connectionString: options.url });
  // A dropped connection surfaces as the failing query's error; without a listener it would crash.
  client.on("error", () => {});
  await client.connect();
  const sql: RawSql = {
    exec: async (script) => {
      await client.query(script);
    },
    query: async <T>(text: string, params: unknown[] = []) =>
      (await client.query(text, params)).rows as T[],
  };
  const counts: Record<string, number> = {};
  try {
    await sql.exec(
      `SET statement_timeout = 0; SET lock_timeout = 0; SET work_mem = '256MB';
       SET maintenance_work_mem = '1GB'; SET synchronous_commit = off`,
    );
    await sql.exec("BEGIN");
    // A concurrent seeder waits here, then finds the data and gives up.
    await sql.exec("LOCK TABLE org_unit IN ACCESS EXCLUSIVE MODE");
    const tables = await userTables(sql);
    const filled = await tablesWithRows(sql, tables);
    if (filled.length > 0) {
      throw new NationalSeedError(
        `the database already has data (${filled.slice(0, 5).join(", ")}${filled.length > 5 ? ", …" : ""}); the national seed only writes into an empty database (use --reset)`,
      );
    }
    let unchecked = false;
    try {
      await sql.exec(
        "SAVEPOINT national_bulk; SET LOCAL session_replication_role = replica; RELEASE SAVEPOINT national_bulk",
      );
      unchecked = true;
    } catch {
      await sql.exec("ROLLBACK TO SAVEPOINT national_bulk; RELEASE SAVEPOINT national_bulk");
    }
    // Every table is empty (checked above), so CASCADE only reaches empty tables. Truncating in
    // this transaction is what allows COPY … FREEZE.
    await sql.exec(`TRUNCATE ${[...LOADED, ...DERIVED].map((t) => `"${t}"`).join(", ")} CASCADE`);
    const indexes = await secondaryIndexes(sql, [...LOADED, ...DERIVED]);
    for (const index of indexes) await sql.exec(`DROP INDEX "${index.name}"`);
    log(
      `national: dropped ${indexes.length} secondary indexes for the load${unchecked ? ", foreign-key triggers off" : ""}`,
    );
    phase("prepare");

    const context = { plan, rngOf, passwordHash };
    for (const t of [...unitTables(context), ...smallTables(context)]) {
      counts[t.table] = await copyTable(client, t, log);
    }
    phase("copy tree, accounts, targets");
    for (const t of memberTables(context)) {
      counts[t.table] = await copyTable(client, t, log);
      phase(`copy ${t.table}`);
    }

    await sql.exec(`ANALYZE ${LOADED.map((t) => `"${t}"`).join(", ")}`);
    phase("analyze");

    // The closure with the shared code (its recursive CTE takes ~7 s for 1.2M rows); the two
    // rollups with the faster statements above.
    let step = performance.now();
    await rebuildClosure(sql);
    await sql.exec("ANALYZE org_unit_closure");
    log(`national: org_unit_closure rebuilt (${seconds(performance.now() - step)})`);
    phase("closure");
    step = performance.now();
    await buildAdmissionRollup(sql);
    log(`national: admission_rollup rebuilt (${seconds(performance.now() - step)})`);
    phase("admission rollup");
    step = performance.now();
    await buildMemberCounts(sql, today);
    log(`national: unit_member_count rebuilt (${seconds(performance.now() - step)})`);
    phase("member counts");
    step = performance.now();
    await rebuildMemberCountHistory(sql, today);
    log(`national: unit_member_count_history rebuilt (${seconds(performance.now() - step)})`);
    phase("member counts of past year-ends");
    step = performance.now();
    await rebuildProbationDue(sql, today);
    log(`national: unit_probation_due rebuilt (${seconds(performance.now() - step)})`);
    phase("probations by end day");
    step = performance.now();
    await rebuildStructureCounts(sql);
    log(`national: unit_structure_count rebuilt (${seconds(performance.now() - step)})`);
    phase("structure counts");
    step = performance.now();
    await rebuildComposition(sql, today);
    log(`national: admission_composition rebuilt (${seconds(performance.now() - step)})`);
    phase("admission composition");

    for (const index of indexes) {
      step = performance.now();
      await sql.exec(index.definition);
      log(`national: index ${index.name} (${seconds(performance.now() - step)})`);
    }
    const restored = await secondaryIndexes(sql, [...LOADED, ...DERIVED]);
    const before = indexes.map((i) => i.definition).join("\n");
    const after = restored.map((i) => i.definition).join("\n");
    if (before !== after) {
      throw new Error(`national: the indexes after the load differ from before:\n${after}`);
    }
    phase("indexes");

    if (unchecked) {
      await sql.exec("SET LOCAL session_replication_role = origin");
      // The rows went in with triggers off: no table notified its change.
      await notifyEverythingChanged(sql);
      await verifyForeignKeys(sql);
      log("national: foreign keys verified");
    }
    await resetSequences(sql, SERIAL_TABLES);
    phase("verify");
    await sql.exec("COMMIT");
    phase("commit");
  } catch (error) {
    await sql.exec("ROLLBACK").catch(() => {});
    await client.end().catch(() => {});
    throw error;
  }
  try {
    // Outside the transaction: visibility maps and statistics for the derived tables (the
    // loaded ones were written frozen and all-visible by COPY FREEZE and analysed before).
    await sql.exec(`VACUUM (ANALYZE) ${DERIVED.map((t) => `"${t}"`).join(", ")}`);
    phase("vacuum analyze");
    const derived = await sql.query<{ table: string; n: string }>(
      DERIVED.map((t) => `SELECT '${t}' AS table, count(*) AS n FROM "${t}"`).join(" UNION ALL "),
    );
    for (const row of derived) counts[row.table] = Number(row.n);
  } finally {
    await client.end();
  }
  const ms = Math.round(performance.now() - started);
  log(
    `national: phases ${phases.map((p) => `${p.phase} ${seconds(p.ms)}`).join(", ")}; total ${seconds(ms)}`,
  );
  return { plan, counts, phases, ms };
}
