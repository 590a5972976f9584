import type { RawSql } from "./client.ts";
import { rebuildClosure } from "./closure.ts";

// For an admission in cell E on day d: for every unit A that was an ancestor of (or was) E on d,
// +1 in (A, via, year, month), where `via` is A's direct subordinate on the path down to E that
// day (A itself when E = A). A's total is the sum over via; a dashboard row is one via.
const ROLLUP_ROWS = `
  SELECT c.ancestor_id, v.ancestor_id AS via, EXTRACT(YEAR FROM e.effective_on)::int AS year,
         EXTRACT(MONTH FROM e.effective_on)::int AS month, COUNT(*)::int AS n
  FROM member_event e
  JOIN org_unit_closure c ON c.descendant_id = e.unit_id
   AND c.valid_from <= e.effective_on AND (c.valid_to IS NULL OR c.valid_to > e.effective_on)
  JOIN org_unit_closure v ON v.descendant_id = e.unit_id AND v.depth = GREATEST(c.depth - 1, 0)
   AND v.valid_from <= e.effective_on AND (v.valid_to IS NULL OR v.valid_to > e.effective_on)
  WHERE e.kind = 'ADMITTED'`;

/** Recomputes admission_rollup from the admissions and the closure. */
export async function rebuildAdmissionRollup(sql: RawSql): Promise<void> {
  // One statement per call: inside a Prisma transaction statements are prepared one by one.
  await sql.exec(`DELETE FROM admission_rollup`);
  await sql.exec(
    `INSERT INTO admission_rollup (unit_id, via_unit_id, year, month, admitted) ${ROLLUP_ROWS} GROUP BY 1, 2, 3, 4`,
  );
}

/**
 * Adds (delta = 1) or removes (delta = -1) one admission in `unitId` on `date` to the rollup of
 * every ancestor it had that day. Call inside the transaction that writes the admission.
 */
export async function applyAdmissionToRollup(
  sql: RawSql,
  unitId: number,
  date: string,
  delta: 1 | -1,
): Promise<void> {
  await sql.query(
    `INSERT INTO admission_rollup (unit_id, via_unit_id, year, month, admitted)
     SELECT c.ancestor_id, v.ancestor_id, EXTRACT(YEAR FROM $2::date)::int, EXTRACT(MONTH FROM $2::date)::int, $3::int
     FROM org_unit_closure c
     JOIN org_unit_closure v ON v.descendant_id = $1 AND v.depth = GREATEST(c.depth - 1, 0)
      AND v.valid_from <= $2::date AND (v.valid_to IS NULL OR v.valid_to > $2::date)
     WHERE c.descendant_id = $1 AND c.valid_from <= $2::date AND (c.valid_to IS NULL OR c.valid_to > $2::date)
     ON CONFLICT (unit_id, via_unit_id, year, month) DO UPDATE SET admitted = admission_rollup.admitted + EXCLUDED.admitted`,
    [unitId, date, delta],
  );
}

/** Today's members of every unit's subtree, recomputed from the assignments and the closure. */
export async function rebuildMemberCounts(
  sql: RawSql,
  today: string = new Date().toISOString().slice(0, 10),
): Promise<void> {
  await sql.exec(`DELETE FROM unit_member_count`);
  await sql.query(
    `INSERT INTO unit_member_count (unit_id, official, probationary, counted_on)
     SELECT c.ancestor_id,
            COUNT(*) FILTER (WHERE m.official_on IS NOT NULL AND m.official_on <= $1::date)::int,
            COUNT(*) FILTER (WHERE m.official_on IS NULL OR m.official_on > $1::date)::int,
            $1::date
     FROM member_assignment a
     JOIN member m ON m.id = a.member_id
     JOIN org_unit_closure c ON c.descendant_id = a.unit_id
      AND c.valid_from <= $1::date AND (c.valid_to IS NULL OR c.valid_to > $1::date)
     WHERE NOT a.temporary AND a.valid_from <= $1::date AND (a.valid_to IS NULL OR a.valid_to > $1::date)
     GROUP BY c.ancestor_id`,
    [today],
  );
}

/**
 * Adjusts today's counts of `cellId` and every unit above it (today's tree) by a change of one
 * or more members: call inside the transaction that makes the change.
 */
export async function applyMemberCountDelta(
  sql: RawSql,
  cellId: number,
  official: number,
  probationary: number,
  today: string,
): Promise<void> {
  if (official === 0 && probationary === 0) return;
  await sql.query(
    `INSERT INTO unit_member_count (unit_id, official, probationary, counted_on)
     SELECT c.ancestor_id, $2::int, $3::int, $4::date FROM org_unit_closure c
     WHERE c.descendant_id = $1 AND c.valid_from <= $4::date AND (c.valid_to IS NULL OR c.valid_to > $4::date)
       -- Counts kept for another day are stale anyway (the next rebuild replaces them): leave them.
       AND NOT EXISTS (SELECT 1 FROM unit_member_count o WHERE o.counted_on <> $4::date)
     ON CONFLICT (unit_id) DO UPDATE SET official = unit_member_count.official + EXCLUDED.official,
       probationary = unit_member_count.probationary + EXCLUDED.probationary`,
    [cellId, official, probationary, today],
  );
}

/** Everything derived from the tree: the closure, then the rollups that depend on it. */
export async function rebuildTreeDerived(sql: RawSql, today?: string): Promise<void> {
  await rebuildClosure(sql);
  await rebuildAdmissionRollup(sql);
  await rebuildMemberCounts(sql, today);
}

/**
 * Differences between the derived tables and a live aggregate of the source rows (empty when
 * they agree): for tests and for an operator who suspects drift.
 */
export async function rollupDrift(
  sql: RawSql,
  today: string = new Date().toISOString().slice(0, 10),
): Promise<string[]> {
  const admissions = await sql.query<{
    unit_id: number;
    via: number;
    year: number;
    month: number;
    rollup: number;
    live: number;
  }>(
    `WITH live AS (${ROLLUP_ROWS} GROUP BY 1, 2, 3, 4),
          stored AS (SELECT unit_id AS ancestor_id, via_unit_id AS via, year, month, admitted AS n FROM admission_rollup)
     SELECT COALESCE(l.ancestor_id, s.ancestor_id) AS unit_id, COALESCE(l.via, s.via) AS via, COALESCE(l.year, s.year) AS year,
            COALESCE(l.month, s.month) AS month, COALESCE(s.n, 0) AS rollup, COALESCE(l.n, 0) AS live
     FROM live l FULL JOIN stored s ON s.ancestor_id = l.ancestor_id AND s.via = l.via AND s.year = l.year AND s.month = l.month
     WHERE COALESCE(s.n, 0) <> COALESCE(l.n, 0) LIMIT 20`,
  );
  const counts = await sql.query<{ unit_id: number; stored: string; live: string }>(
    `WITH live AS (
       SELECT c.ancestor_id AS unit_id,
              COUNT(*) FILTER (WHERE m.official_on IS NOT NULL AND m.official_on <= $1::date)::int AS official,
              COUNT(*) FILTER (WHERE m.official_on IS NULL OR m.official_on > $1::date)::int AS probationary
       FROM member_assignment a JOIN member m ON m.id = a.member_id
       JOIN org_unit_closure c ON c.descendant_id = a.unit_id AND c.valid_from <= $1::date AND (c.valid_to IS NULL OR c.valid_to > $1::date)
       WHERE NOT a.temporary AND a.valid_from <= $1::date AND (a.valid_to IS NULL OR a.valid_to > $1::date)
       GROUP BY 1)
     SELECT COALESCE(l.unit_id, s.unit_id) AS unit_id,
            COALESCE(s.official, 0) || '/' || COALESCE(s.probationary, 0) AS stored,
            COALESCE(l.official, 0) || '/' || COALESCE(l.probationary, 0) AS live
     FROM live l FULL JOIN (SELECT * FROM unit_member_count WHERE counted_on = $1::date) s ON s.unit_id = l.unit_id
     WHERE COALESCE(s.official, 0) <> COALESCE(l.official, 0) OR COALESCE(s.probationary, 0) <> COALESCE(l.probationary, 0)
     LIMIT 20`,
    [today],
  );
  return [
    ...admissions.map(
      (r) =>
        `admission_rollup unit ${r.unit_id} via ${r.via} ${r.year}-${r.month}: ${r.rollup}, live ${r.live}`,
    ),
    ...counts.map((r) => `unit_member_count unit ${r.unit_id}: ${r.stored}, live ${r.live}`),
  ];
}
