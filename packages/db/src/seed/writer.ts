import { bulkInsert, resetSequences } from "../bulk.ts";
import type { RawSql } from "../client.ts";
import { notifyEverythingChanged } from "../changes.ts";
import { rebuildTreeDerived } from "../rollups.ts";
import type { TableData } from "./util.ts";

/** Tables whose `id` is a serial column (their sequences move past the explicit ids). */
export const SERIAL_TABLES = [
  "org_unit",
  "org_unit_period",
  "app_user",
  "document",
  "study_theme",
  "member",
  "member_assignment",
  "member_event",
  "admission_target",
  "training_class",
  "candidate",
  "candidate_stage_event",
  "training_enrolment",
  "conference",
  "implementation_requirement",
  "implementation_plan",
  "document_review",
  "meeting",
  "member_evaluation",
  "unit_evaluation",
  "exemplary_commitment",
  "unit_commitment",
  "ethical_standard",
  "action_slogan",
  "emulation_campaign",
  "campaign_registration",
  "award",
  "good_model",
  "inspection",
  "discipline",
  "congress",
  "audit_log",
] as const;

function formatCount(n: number): string {
  return n.toLocaleString("en-US");
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/**
 * Turns off foreign-key triggers for the rest of the transaction when the role may
 * (superusers: the embedded database, a local server); half of a bulk load's time goes into
 * per-row foreign-key checks. Returns false, changing nothing, when it may not.
 */
async function skipRowChecks(sql: RawSql): Promise<boolean> {
  try {
    await sql.exec(
      "SAVEPOINT seed_bulk_load; SET LOCAL session_replication_role = replica; RELEASE SAVEPOINT seed_bulk_load",
    );
    return true;
  } catch {
    await sql
      .exec("ROLLBACK TO SAVEPOINT seed_bulk_load; RELEASE SAVEPOINT seed_bulk_load")
      .catch(() => {});
    return false;
  }
}

interface ForeignKey {
  child: string;
  column: string;
  parent: string;
  referenced: string;
}

/** Checks every foreign key of the schema with one set-based query each (after a load without triggers). */
export async function verifyForeignKeys(sql: RawSql): Promise<void> {
  const keys = await sql.query<ForeignKey>(`
    SELECT cl.relname AS child, a.attname AS column, pl.relname AS parent, pa.attname AS referenced
    FROM pg_constraint c
    JOIN pg_class cl ON cl.oid = c.conrelid
    JOIN pg_class pl ON pl.oid = c.confrelid
    JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
    JOIN pg_attribute pa ON pa.attrelid = c.confrelid AND pa.attnum = c.confkey[1]
    WHERE c.contype = 'f' AND c.connamespace = current_schema()::regnamespace AND cardinality(c.conkey) = 1
    ORDER BY 1, 2`);
  if (keys.length === 0) return;
  const checks = keys.map(
    (k, i) =>
      `SELECT ${i} AS k, count(*) AS n FROM "${k.child}" x WHERE x."${k.column}" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "${k.parent}" p WHERE p."${k.referenced}" = x."${k.column}")`,
  );
  const rows = await sql.query<{ k: number; n: number | string }>(checks.join(" UNION ALL "));
  const broken = rows
    .filter((r) => Number(r.n) > 0)
    .map((r) => {
      const k = keys[Number(r.k)] as ForeignKey;
      return `${k.child}.${k.column} → ${k.parent}: ${r.n} rows`;
    });
  if (broken.length > 0) throw new Error(`seed: broken references: ${broken.join("; ")}`);
}

/**
 * Inserts the generated tables in order with multi-row INSERTs, then moves the sequences past
 * the explicit ids and rebuilds the tree's closure. Runs inside the caller's transaction.
 */
export async function writeTables(
  sql: RawSql,
  tables: readonly TableData[],
  log: (line: string) => void,
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  const unchecked = await skipRowChecks(sql);
  for (const t of tables) {
    const started = performance.now();
    // Big statements are faster; keep each one to a few megabytes of SQL.
    const batchSize = t.columns.length <= 4 ? 5_000 : 2_000;
    counts[t.table] = await bulkInsert(sql, t.table, t.columns, t.rows, { batchSize });
    log(
      `seed: ${t.table} ${formatCount(counts[t.table] as number)} rows (${seconds(performance.now() - started)})`,
    );
  }
  const started = performance.now();
  if (unchecked) {
    await sql.exec("SET LOCAL session_replication_role = origin");
    // The rows went in with triggers off: no table notified its change.
    await notifyEverythingChanged(sql);
    await verifyForeignKeys(sql);
    log(`seed: foreign keys verified (${seconds(performance.now() - started)})`);
  }
  await resetSequences(sql, SERIAL_TABLES);
  await rebuildTreeDerived(sql);
  // Fresh statistics: without them the planner guesses badly on the first queries.
  await sql.exec("ANALYZE");
  const [row] = await sql.query<{ n: number | string }>(
    "SELECT count(*) AS n FROM org_unit_closure",
  );
  counts.org_unit_closure = Number(row?.n ?? 0);
  log(
    `seed: org_unit_closure ${formatCount(counts.org_unit_closure)} rows, sequences reset (${seconds(performance.now() - started)})`,
  );
  return counts;
}
