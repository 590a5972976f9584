import { ageBand, todayIso } from "@dangbo/shared";
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
export async function rebuildMemberCounts(sql: RawSql, today: string = todayIso()): Promise<void> {
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
       -- (< or >, not <>: two probes of the counted_on index instead of a scan of every row)
       AND NOT EXISTS (SELECT 1 FROM unit_member_count o WHERE o.counted_on < $4::date OR o.counted_on > $4::date)
     ON CONFLICT (unit_id) DO UPDATE SET official = unit_member_count.official + EXCLUDED.official,
       probationary = unit_member_count.probationary + EXCLUDED.probationary`,
    [cellId, official, probationary, today],
  );
}

/** Days ahead in which an ending probation is flagged (the dashboard's "ending soon"). */
export const PROBATION_SOON_DAYS = 60;
export const PROBATION_DUE = "probation_due";

/** Today's probationary members per unit (subtree) and day their probation ends. */
const PROBATION_DUE_ROWS = `
  SELECT c.ancestor_id AS unit_id, x.ends_on, SUM(x.n)::int AS members
  FROM (
    SELECT a.unit_id, m.probation_ends_on AS ends_on, COUNT(*) AS n
    FROM member m
    JOIN member_assignment a ON a.member_id = m.id AND NOT a.temporary
     AND a.valid_from <= $1::date AND (a.valid_to IS NULL OR a.valid_to > $1::date)
    WHERE m.probation_ends_on IS NOT NULL AND (m.official_on IS NULL OR m.official_on > $1::date)
    GROUP BY 1, 2) x
  JOIN org_unit_closure c ON c.descendant_id = x.unit_id
   AND c.valid_from <= $1::date AND (c.valid_to IS NULL OR c.valid_to > $1::date)
  GROUP BY 1, 2`;

/**
 * Recomputes unit_probation_due for `today`; triggers keep it in step with every write from
 * then on (until the day or the tree changes). Locks its state row first: writers wait.
 */
export async function rebuildProbationDue(sql: RawSql, today: string = todayIso()): Promise<void> {
  await sql.query(`INSERT INTO rollup_state (name) VALUES ($1) ON CONFLICT (name) DO NOTHING`, [
    PROBATION_DUE,
  ]);
  await sql.query(
    `UPDATE rollup_state SET covers_through = NULL, changes = changes + 1 WHERE name = $1`,
    [PROBATION_DUE],
  );
  await sql.exec(`DELETE FROM unit_probation_due`);
  await sql.query(
    `INSERT INTO unit_probation_due (unit_id, ends_on, members) ${PROBATION_DUE_ROWS}`,
    [today],
  );
  await sql.query(
    `UPDATE rollup_state SET covers_from = $2::date, covers_through = $2::date, refreshed_changes = changes, refreshed_at = now()
     WHERE name = $1`,
    [PROBATION_DUE, today],
  );
}

/** The day unit_probation_due counts (null when stale or never built). */
export async function probationDueDay(sql: RawSql): Promise<string | null> {
  const [row] = await sql.query<{ day: string | null }>(
    `SELECT covers_through::text AS day FROM rollup_state WHERE name = $1`,
    [PROBATION_DUE],
  );
  return row?.day ?? null;
}

/**
 * Past dates whose member counts are kept: the last day of every quarter (31 March, 30 June,
 * 30 September, 31 December) of the last five years and of this year, before today — the dates a
 * past year's or quarter's dashboard counts on. (Today's counts are unit_member_count.)
 */
export const MEMBER_COUNT_HISTORY_YEARS = 5;
export const MEMBER_COUNT_HISTORY = "member_count_history";
const QUARTER_ENDS = ["03-31", "06-30", "09-30", "12-31"];

export function memberCountHistoryDates(today: string): string[] {
  const year = Number(today.slice(0, 4));
  const dates: string[] = [];
  for (let y = year - MEMBER_COUNT_HISTORY_YEARS; y <= year; y++)
    for (const end of QUARTER_ENDS) if (`${y}-${end}` < today) dates.push(`${y}-${end}`);
  return dates;
}

/** Members per unit and date (`dates`: a SQL list of date literals), as rebuildMemberCounts. */
const historyRows = (dates: string[]) => `
  SELECT c.ancestor_id AS unit_id, x.d AS counted_on, SUM(x.official)::int AS official, SUM(x.probationary)::int AS probationary,
         SUM(x.ending_soon)::int AS ending_soon
  FROM (
    SELECT d.d, a.unit_id,
           COUNT(*) FILTER (WHERE m.official_on IS NOT NULL AND m.official_on <= d.d) AS official,
           COUNT(*) FILTER (WHERE m.official_on IS NULL OR m.official_on > d.d) AS probationary,
           COUNT(*) FILTER (WHERE (m.official_on IS NULL OR m.official_on > d.d)
             AND m.probation_ends_on >= d.d AND m.probation_ends_on < d.d + ${PROBATION_SOON_DAYS}) AS ending_soon
    FROM (VALUES ${dates.map((d) => `('${d}'::date)`).join(", ")}) d (d)
    JOIN member_assignment a ON NOT a.temporary AND a.valid_from <= d.d AND (a.valid_to IS NULL OR a.valid_to > d.d)
    JOIN member m ON m.id = a.member_id
    GROUP BY 1, 2) x
  JOIN org_unit_closure c ON c.descendant_id = x.unit_id
   AND c.valid_from <= x.d AND (c.valid_to IS NULL OR c.valid_to > x.d)
  GROUP BY 1, 2`;

function checkedDates(dates: string[]): string[] {
  for (const d of dates) if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) throw new Error(`not a date: ${d}`);
  return dates;
}

/**
 * Recomputes unit_member_count_history (the member counts of the past quarter ends of
 * memberCountHistoryDates) and marks it fresh as of the changes counted when it started: a write
 * committed meanwhile (triggers bump rollup_state.changes) leaves it stale, and readers count live.
 * Run in a transaction; for a first build next to concurrent writers, create the state row
 * (ensureRollupState) in an earlier transaction.
 */
export async function rebuildMemberCountHistory(
  sql: RawSql,
  today: string = todayIso(),
): Promise<void> {
  const dates = checkedDates(memberCountHistoryDates(today));
  await ensureRollupState(sql);
  const [state] = await sql.query<{ changes: number }>(
    `SELECT changes FROM rollup_state WHERE name = $1`,
    [MEMBER_COUNT_HISTORY],
  );
  // A minute or more at national scale (~20 dates × 5.5M members): longer than the API
  // connections' statement_timeout.
  await sql.exec(`SET LOCAL statement_timeout = 0`);
  await sql.exec(`DELETE FROM unit_member_count_history`);
  await sql.exec(
    `INSERT INTO unit_member_count_history (unit_id, counted_on, official, probationary, ending_soon) ${historyRows(dates)}`,
  );
  await sql.query(
    `UPDATE rollup_state SET refreshed_changes = $2, refreshed_at = now(), covers_from = $3::date, covers_through = $4::date
     WHERE name = $1`,
    [MEMBER_COUNT_HISTORY, state!.changes, dates[0], dates[dates.length - 1]],
  );
}

export async function ensureRollupState(sql: RawSql): Promise<void> {
  await sql.query(`INSERT INTO rollup_state (name) VALUES ($1) ON CONFLICT (name) DO NOTHING`, [
    MEMBER_COUNT_HISTORY,
  ]);
}

/** Whether unit_member_count_history must be rebuilt: stale, or not the quarter ends of `today`. */
export async function memberCountHistoryStale(sql: RawSql, today: string): Promise<boolean> {
  const dates = memberCountHistoryDates(today);
  const [row] = await sql.query<{ fresh: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM rollup_state WHERE name = $1 AND changes = refreshed_changes
       AND covers_from = $2::date AND covers_through = $3::date) AS fresh`,
    [MEMBER_COUNT_HISTORY, dates[0], dates[dates.length - 1]],
  );
  return !row?.fresh;
}

export const STRUCTURE = "structure";

/**
 * Grassroots organisations and cells per unit's subtree over time: +1 at each closure row's
 * valid_from, -1 at its valid_to, summed in date order per ancestor: one row per interval in
 * which the counts are constant.
 */
const STRUCTURE_ROWS = `
  SELECT unit_id, d AS valid_from, LEAD(d) OVER (PARTITION BY unit_id ORDER BY d) AS valid_to,
         (SUM(g) OVER (PARTITION BY unit_id ORDER BY d))::int AS grassroots,
         (SUM(k) OVER (PARTITION BY unit_id ORDER BY d))::int AS cells
  FROM (
    SELECT e.unit_id, e.d, SUM(e.g) AS g, SUM(e.k) AS k
    FROM (
      SELECT c.ancestor_id AS unit_id, x.d, x.sign * (u.kind IN ('GRASSROOTS_COMMITTEE', 'GRASSROOTS_CELL'))::int AS g,
             x.sign * (u.kind IN ('CELL', 'GRASSROOTS_CELL'))::int AS k
      FROM org_unit_closure c
      JOIN org_unit u ON u.id = c.descendant_id
      CROSS JOIN LATERAL (VALUES (c.valid_from, 1), (c.valid_to, -1)) x (d, sign)
      WHERE x.d IS NOT NULL) e
    GROUP BY 1, 2) steps`;

/** Recomputes unit_structure_count and marks it fresh as of the changes counted when it started. */
export async function rebuildStructureCounts(sql: RawSql): Promise<void> {
  await sql.query(`INSERT INTO rollup_state (name) VALUES ($1) ON CONFLICT (name) DO NOTHING`, [
    STRUCTURE,
  ]);
  const [state] = await sql.query<{ changes: number }>(
    `SELECT changes FROM rollup_state WHERE name = $1`,
    [STRUCTURE],
  );
  await sql.exec(`DELETE FROM unit_structure_count`);
  await sql.exec(
    `INSERT INTO unit_structure_count (unit_id, valid_from, valid_to, grassroots, cells) ${STRUCTURE_ROWS}`,
  );
  await sql.query(
    `UPDATE rollup_state SET refreshed_changes = $2, refreshed_at = now() WHERE name = $1`,
    [STRUCTURE, state!.changes],
  );
}

export async function structureCountsStale(sql: RawSql): Promise<boolean> {
  const [row] = await sql.query<{ fresh: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM rollup_state WHERE name = $1 AND changes = refreshed_changes) AS fresh`,
    [STRUCTURE],
  );
  return !row?.fresh;
}

/** Everything derived from the tree: the closure, then the rollups that depend on it. */
export async function rebuildTreeDerived(sql: RawSql, today?: string): Promise<void> {
  await rebuildClosure(sql);
  await rebuildAdmissionRollup(sql);
  await rebuildMemberCounts(sql, today);
  await rebuildMemberCountHistory(sql, today);
  await rebuildProbationDue(sql, today);
  await rebuildStructureCounts(sql);
  await rebuildComposition(sql, today);
}

/**
 * Differences between the derived tables and a live aggregate of the source rows (empty when
 * they agree): for tests and for an operator who suspects drift.
 */
export async function rollupDrift(sql: RawSql, today: string = todayIso()): Promise<string[]> {
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
  // The kept quarter ends, when fresh (a stale history is not read, so it cannot drift).
  const history = (await memberCountHistoryStale(sql, today))
    ? []
    : await sql.query<{ unit_id: number; counted_on: string; stored: string; live: string }>(
        `WITH live AS (${historyRows(checkedDates(memberCountHistoryDates(today)))})
         SELECT COALESCE(l.unit_id, s.unit_id) AS unit_id, COALESCE(l.counted_on, s.counted_on)::text AS counted_on,
                COALESCE(s.official, 0) || '/' || COALESCE(s.probationary, 0) || '/' || COALESCE(s.ending_soon, 0) AS stored,
                COALESCE(l.official, 0) || '/' || COALESCE(l.probationary, 0) || '/' || COALESCE(l.ending_soon, 0) AS live
         FROM live l FULL JOIN unit_member_count_history s ON s.unit_id = l.unit_id AND s.counted_on = l.counted_on
         WHERE COALESCE(s.official, 0) <> COALESCE(l.official, 0) OR COALESCE(s.probationary, 0) <> COALESCE(l.probationary, 0)
            OR COALESCE(s.ending_soon, 0) <> COALESCE(l.ending_soon, 0)
         LIMIT 20`,
      );
  // Probations by end day, when kept for a day (the day it counts: a live count of that day).
  const dueDay = await probationDueDay(sql);
  const due =
    dueDay === null
      ? []
      : await sql.query<{ unit_id: number; ends_on: string; stored: number; live: number }>(
          `WITH live AS (${PROBATION_DUE_ROWS})
           SELECT COALESCE(l.unit_id, s.unit_id) AS unit_id, COALESCE(l.ends_on, s.ends_on)::text AS ends_on,
                  COALESCE(s.members, 0) AS stored, COALESCE(l.members, 0) AS live
           FROM live l FULL JOIN unit_probation_due s ON s.unit_id = l.unit_id AND s.ends_on = l.ends_on
           WHERE COALESCE(s.members, 0) <> COALESCE(l.members, 0)
           LIMIT 20`,
          [dueDay],
        );
  // Grassroots and cell counts, on every day the closure starts or ends a row (when fresh).
  const structure = (await structureCountsStale(sql))
    ? []
    : await sql.query<{ unit_id: number; on: string; stored: string; live: string }>(
        `WITH days AS (
           SELECT DISTINCT ancestor_id AS unit_id, d FROM org_unit_closure
           CROSS JOIN LATERAL (VALUES (valid_from), (valid_to)) x (d) WHERE d IS NOT NULL),
         live AS (
           SELECT days.unit_id, days.d,
                  COUNT(u.id) FILTER (WHERE u.kind IN ('GRASSROOTS_COMMITTEE', 'GRASSROOTS_CELL'))::int AS grassroots,
                  COUNT(u.id) FILTER (WHERE u.kind IN ('CELL', 'GRASSROOTS_CELL'))::int AS cells
           FROM days
           LEFT JOIN org_unit_closure c ON c.ancestor_id = days.unit_id
            AND c.valid_from <= days.d AND (c.valid_to IS NULL OR c.valid_to > days.d)
           LEFT JOIN org_unit u ON u.id = c.descendant_id
           GROUP BY 1, 2)
         SELECT l.unit_id, l.d::text AS on, COALESCE(s.grassroots, 0) || '/' || COALESCE(s.cells, 0) AS stored,
                l.grassroots || '/' || l.cells AS live
         FROM live l
         LEFT JOIN unit_structure_count s ON s.unit_id = l.unit_id AND s.valid_from <= l.d AND (s.valid_to IS NULL OR s.valid_to > l.d)
         WHERE COALESCE(s.grassroots, 0) <> l.grassroots OR COALESCE(s.cells, 0) <> l.cells
         LIMIT 20`,
      );
  const composition = await compositionDrift(sql);
  return [
    ...composition,
    ...structure.map(
      (r) => `unit_structure_count unit ${r.unit_id} on ${r.on}: ${r.stored}, live ${r.live}`,
    ),
    ...due.map(
      (r) =>
        `unit_probation_due unit ${r.unit_id} ending ${r.ends_on}: ${r.stored}, live ${r.live}`,
    ),
    ...history.map(
      (r) =>
        `unit_member_count_history unit ${r.unit_id} on ${r.counted_on}: ${r.stored}, live ${r.live}`,
    ),
    ...admissions.map(
      (r) =>
        `admission_rollup unit ${r.unit_id} via ${r.via} ${r.year}-${r.month}: ${r.rollup}, live ${r.live}`,
    ),
    ...counts.map((r) => `unit_member_count unit ${r.unit_id}: ${r.stored}, live ${r.live}`),
  ];
}

export const COMPOSITION = "composition";
/** Years kept in admission_composition: the current one and the five before it. */
export const COMPOSITION_YEARS = 5;
/** Units whose admissions are kept by composition: the committees above the grassroots (live below). */
export const COMPOSITION_KINDS = [
  "PROVINCIAL_COMMITTEE",
  "DISTRICT_COMMITTEE",
  "BLOCK_COMMITTEE",
  "DIRECT_COMMITTEE",
] as const;

/**
 * The composition dimensions as SQL over an admission `e` (member_event), its member `m` and its
 * cell `u` (org_unit): the dashboard's admissionComposition groups by these very expressions.
 */
export const COMPOSITION_KEY_SQL = {
  SECTOR: `u.sector::text`,
  GENDER: `m.gender::text`,
  ETHNICITY: `m.ethnicity`,
  OCCUPATION: `m.occupation::text`,
  AGE_BAND: `CASE WHEN date_part('year', age(e.effective_on, m.birth_date)) < 30 THEN '${ageBand(0)}'
    WHEN date_part('year', age(e.effective_on, m.birth_date)) <= 45 THEN '${ageBand(30)}'
    WHEN date_part('year', age(e.effective_on, m.birth_date)) <= 60 THEN '${ageBand(46)}'
    ELSE '${ageBand(61)}' END`,
} as const;

export function compositionFrom(today: string): string {
  return `${Number(today.slice(0, 4)) - COMPOSITION_YEARS}-01-01`;
}

/**
 * Admissions on or after `$1` per (committee above the grassroots that was an ancestor on the
 * day, year, month, dimension, key): one row per dimension, each summing to the admissions.
 */
const COMPOSITION_ROWS = `
  SELECT c.ancestor_id AS unit_id, x.year, x.month, k.dimension, k.key, COUNT(*)::int AS admitted
  FROM (
    SELECT e.unit_id, e.effective_on, EXTRACT(YEAR FROM e.effective_on)::int AS year,
           EXTRACT(MONTH FROM e.effective_on)::int AS month,
           ${Object.entries(COMPOSITION_KEY_SQL)
             .map(([d, expr]) => `${expr} AS "${d}"`)
             .join(", ")}
    FROM member_event e
    JOIN member m ON m.id = e.member_id
    JOIN org_unit u ON u.id = e.unit_id
    WHERE e.kind = 'ADMITTED' AND e.effective_on >= $1::date) x
  JOIN org_unit_closure c ON c.descendant_id = x.unit_id
   AND c.valid_from <= x.effective_on AND (c.valid_to IS NULL OR c.valid_to > x.effective_on)
  JOIN org_unit a ON a.id = c.ancestor_id AND a.kind::text IN (${COMPOSITION_KINDS.map((k) => `'${k}'`).join(", ")})
  CROSS JOIN LATERAL (VALUES ${Object.keys(COMPOSITION_KEY_SQL)
    .map((d) => `('${d}', x."${d}")`)
    .join(", ")}) k (dimension, key)
  GROUP BY 1, 2, 3, 4, 5`;

/** Recognitions as official members on or after `$1` per committee kept (as above), year and month. */
const RECOGNITION_ROWS = `
  SELECT c.ancestor_id AS unit_id, EXTRACT(YEAR FROM e.effective_on)::int AS year,
         EXTRACT(MONTH FROM e.effective_on)::int AS month, COUNT(*)::int AS recognised
  FROM member_event e
  JOIN org_unit_closure c ON c.descendant_id = e.unit_id
   AND c.valid_from <= e.effective_on AND (c.valid_to IS NULL OR c.valid_to > e.effective_on)
  JOIN org_unit a ON a.id = c.ancestor_id AND a.kind::text IN (${COMPOSITION_KINDS.map((k) => `'${k}'`).join(", ")})
  WHERE e.kind = 'RECOGNISED_OFFICIAL' AND e.effective_on >= $1::date
  GROUP BY 1, 2, 3`;

/**
 * Recomputes admission_composition and unit_recognition_month (events from compositionFrom(today))
 * and marks them fresh as of the changes counted when it started. Afterwards admissions and
 * recognitions keep them fresh (trigger composition_events_inserted adds them in the writing
 * transaction); triggers mark them stale on rarer writes: an admission or recognition updated or
 * deleted, edits of the members' dimensions and of the units' sector or kind, any change of the
 * closure. Next to writers, commit markCompositionRebuilding first.
 */
export async function rebuildComposition(sql: RawSql, today: string = todayIso()): Promise<void> {
  await markCompositionRebuilding(sql);
  const [state] = await sql.query<{ changes: number }>(
    `SELECT changes FROM rollup_state WHERE name = $1`,
    [COMPOSITION],
  );
  const from = compositionFrom(today);
  // ~1 min at national scale: longer than the API connections' statement_timeout.
  await sql.exec(`SET LOCAL statement_timeout = 0`);
  await sql.exec(`DELETE FROM admission_composition`);
  await sql.query(
    `INSERT INTO admission_composition (unit_id, year, month, dimension, key, admitted) ${COMPOSITION_ROWS}`,
    [from],
  );
  await sql.exec(`DELETE FROM unit_recognition_month`);
  await sql.query(
    `INSERT INTO unit_recognition_month (unit_id, year, month, recognised) ${RECOGNITION_ROWS}`,
    [from],
  );
  await sql.query(
    `UPDATE rollup_state SET refreshed_changes = $2, refreshed_at = now(), covers_from = $3::date, covers_through = NULL
     WHERE name = $1`,
    [COMPOSITION, state!.changes, from],
  );
}

/**
 * The state row of admission_composition, marked stale. Commit it before a rebuild that runs next
 * to writers: while fresh, an admission's transaction adds itself to the kept rows (trigger
 * composition_events_inserted) — once stale, writers only bump `changes`, so they never wait on
 * rows the rebuild deleted (no deadlock), and the rebuild cannot miss one (it ends stale).
 */
export async function markCompositionRebuilding(sql: RawSql): Promise<void> {
  await sql.query(
    `INSERT INTO rollup_state (name) VALUES ($1)
     ON CONFLICT (name) DO UPDATE SET refreshed_changes = -1`,
    [COMPOSITION],
  );
}

/** Whether admission_composition must be rebuilt: stale, or not starting where `today` wants. */
export async function compositionStale(sql: RawSql, today: string = todayIso()): Promise<boolean> {
  const [row] = await sql.query<{ fresh: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM rollup_state WHERE name = $1 AND changes = refreshed_changes
       AND covers_from = $2::date) AS fresh`,
    [COMPOSITION, compositionFrom(today)],
  );
  return !row?.fresh;
}

/** Differences between admission_composition / unit_recognition_month and a live count (none when stale: not read). */
export async function compositionDrift(sql: RawSql): Promise<string[]> {
  const [state] = await sql.query<{ from: string | null; fresh: boolean }>(
    `SELECT covers_from::text AS from, changes = refreshed_changes AS fresh FROM rollup_state WHERE name = $1`,
    [COMPOSITION],
  );
  if (!state?.fresh || !state.from) return [];
  const rows = await sql.query<{
    unit_id: number;
    year: number;
    month: number;
    dimension: string;
    key: string;
    stored: number;
    live: number;
  }>(
    `WITH live AS (${COMPOSITION_ROWS})
     SELECT COALESCE(l.unit_id, s.unit_id) AS unit_id, COALESCE(l.year, s.year) AS year, COALESCE(l.month, s.month) AS month,
            COALESCE(l.dimension, s.dimension) AS dimension, COALESCE(l.key, s.key) AS key,
            COALESCE(s.admitted, 0) AS stored, COALESCE(l.admitted, 0) AS live
     FROM live l FULL JOIN admission_composition s ON s.unit_id = l.unit_id AND s.year = l.year AND s.month = l.month
      AND s.dimension = l.dimension AND s.key = l.key
     WHERE COALESCE(s.admitted, 0) <> COALESCE(l.admitted, 0)
     LIMIT 20`,
    [state.from],
  );
  const recognitions = await sql.query<{
    unit_id: number;
    year: number;
    month: number;
    stored: number;
    live: number;
  }>(
    `WITH live AS (${RECOGNITION_ROWS})
     SELECT COALESCE(l.unit_id, s.unit_id) AS unit_id, COALESCE(l.year, s.year) AS year, COALESCE(l.month, s.month) AS month,
            COALESCE(s.recognised, 0) AS stored, COALESCE(l.recognised, 0) AS live
     FROM live l FULL JOIN unit_recognition_month s ON s.unit_id = l.unit_id AND s.year = l.year AND s.month = l.month
     WHERE COALESCE(s.recognised, 0) <> COALESCE(l.recognised, 0)
     LIMIT 20`,
    [state.from],
  );
  return [
    ...recognitions.map(
      (r) =>
        `unit_recognition_month unit ${r.unit_id} ${r.year}-${r.month}: ${r.stored}, live ${r.live}`,
    ),
    ...rows.map(
      (r) =>
        `admission_composition unit ${r.unit_id} ${r.year}-${r.month} ${r.dimension}=${r.key}: ${r.stored}, live ${r.live}`,
    ),
  ];
}
