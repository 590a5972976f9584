import {
  COMPOSITION,
  COMPOSITION_KEY_SQL,
  COMPOSITION_KINDS,
  MEMBER_COUNT_HISTORY,
  PROBATION_DUE,
  PROBATION_SOON_DAYS,
  Prisma,
  STRUCTURE,
  compositionStale,
  memberCountHistoryStale,
  probationDueDay,
  structureCountsStale,
} from "@dangbo/db";
import {
  addDaysIso,
  percentOfTarget,
  progressBand,
  type IsoDate,
  type OrgUnitKind,
} from "@dangbo/shared";
import type { Context } from "../../graphql/context.ts";
import { notFound } from "../../graphql/errors.ts";
import { getUnit } from "../committee/committee.service.ts";
import type { DashboardPeriod } from "./dashboard.period.ts";
import type {
  AdmissionProgress,
  AdmissionRow,
  CompositionDimension,
  CompositionSlice,
  DashboardSummary,
  FunnelStage,
  KeptFigures,
  PeriodInfo,
  TrendPoint,
} from "./dashboard.type.ts";

/** Days ahead in which an ending probation is flagged (kept with that window by @dangbo/db). */
export { PROBATION_SOON_DAYS };
const PIPELINE_STAGES = ["REGISTERED", "AWARENESS_CLASS", "VERIFICATION", "VERIFIED", "PROPOSED"];
/** The same as SQL enum literals (compared as the enum, so the stage index applies). */
const PIPELINE_STAGE_LIST = Prisma.raw(PIPELINE_STAGES.map((s) => `'${s}'`).join(", "));

// Every figure below is one set-based statement over the effective-dated closure: an admission
// counts for the units that were its cell's ancestors on the day of admission.

/** "(closure row c) is valid on the date expression `on`". */
const validAt = (alias: string, on: Prisma.Sql) =>
  Prisma.sql`${Prisma.raw(alias)}.valid_from <= ${on} AND (${Prisma.raw(alias)}.valid_to IS NULL OR ${Prisma.raw(alias)}.valid_to > ${on})`;

export function periodInfo(p: DashboardPeriod): PeriodInfo {
  return {
    year: p.year,
    quarter: p.quarter,
    from: p.from,
    until: addDaysIso(p.to, -1),
    treeDate: p.treeDate,
  };
}

function monthOf(date: IsoDate): number {
  return Number(date.slice(5, 7));
}

function monthsOf(p: DashboardPeriod): number[] {
  const first = Number(p.from.slice(5, 7));
  return p.quarter ? [first, first + 1, first + 2] : Array.from({ length: 12 }, (_, i) => i + 1);
}

/**
 * The month cut by `to` (the day after the last counted day), when `to` is not a month's first
 * day: its number, first day and the first day of the next month; else month 0 (no cut month).
 *
 * admission_rollup is maintained in the transaction of every admission, so a cut month's rollup
 * row equals the live count of its days before `to` exactly when no admission is dated on or
 * after `to` in that month (anywhere: one probe of the (kind, effective_on) index). The dashboard
 * for today is that case; a past `asOf` inside a month with later admissions still counts live.
 */
function cutMonthOf(to: IsoDate): { month: number; start: IsoDate; next: IsoDate } {
  const start = `${to.slice(0, 7)}-01`;
  if (to === start) return { month: 0, start, next: start };
  const y = Number(to.slice(0, 4));
  const m = Number(to.slice(5, 7));
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, "0")}-01`;
  return { month: m, start, next };
}

/** "The cut month's rollup row is complete" (see cutMonthOf), as a boolean SQL expression. */
function cutMonthWholeSql(
  to: IsoDate,
  kind: "ADMITTED" | "RECOGNISED_OFFICIAL" = "ADMITTED",
): Prisma.Sql {
  const cut = cutMonthOf(to);
  return Prisma.sql`(${cut.month}::int > 0 AND NOT EXISTS (
      SELECT 1 FROM member_event x
      WHERE x.kind = ${Prisma.raw(`'${kind}'`)} AND x.effective_on >= ${to}::date AND x.effective_on < ${cut.next}::date))`;
}

async function targetsOf(ctx: Context, ids: number[], year: number): Promise<Map<number, number>> {
  const rows = await ctx.prisma.admissionTarget.findMany({
    where: { unitId: { in: ids }, year },
    select: { unitId: true, target: true },
  });
  return new Map(rows.map((r) => [r.unitId, r.target]));
}

/**
 * Where probations ending soon as of `on` are read from, as a one-row CTE body (`s`): 1 — the
 * maintained unit_probation_due when it counts that day (today's dashboard); 2 — the kept
 * quarter ends (unit_member_count_history) when fresh and holding that day (a past year or quarter); 3 — live.
 */
function endingSourceSql(on: IsoDate): Prisma.Sql {
  return Prisma.sql`SELECT CASE
      WHEN EXISTS (SELECT 1 FROM rollup_state WHERE name = 'probation_due' AND covers_through = ${on}::date) THEN 1
      WHEN EXISTS (SELECT 1 FROM rollup_state WHERE name = 'member_count_history' AND changes = refreshed_changes)
       AND EXISTS (SELECT 1 FROM unit_member_count_history WHERE counted_on = ${on}::date) THEN 2
      ELSE 3 END AS s`;
}

/** Probations ending soon from the kept tables (sources 1 and 2 of endingSourceSql) for `ids`. */
function endingKeptSql(ids: Prisma.Sql, on: IsoDate): Prisma.Sql {
  return Prisma.sql`
    SELECT d.unit_id AS id, SUM(d.members)::int AS n
    FROM unit_probation_due d
    WHERE (SELECT s FROM esrc) = 1 AND d.unit_id IN (${ids})
      AND d.ends_on >= ${on}::date AND d.ends_on < ${addDaysIso(on, PROBATION_SOON_DAYS)}::date
    GROUP BY 1
    UNION ALL
    SELECT h.unit_id, h.ending_soon FROM unit_member_count_history h
    WHERE (SELECT s FROM esrc) = 2 AND h.counted_on = ${on}::date AND h.unit_id IN (${ids})`;
}

async function probationEndingSoon(
  ctx: Context,
  ids: number[],
  asOf: IsoDate,
): Promise<Map<number, number>> {
  if (ids.length === 0) return new Map();
  const until = addDaysIso(asOf, PROBATION_SOON_DAYS);
  const on = Prisma.sql`${asOf}::date`;
  // The source first, then only its statement: a live branch behind a one-time filter in the same
  // statement still started parallel workers for the national root (~15 ms) when skipped.
  const [source] = await ctx.prisma.$queryRaw<{ s: number }[]>(endingSourceSql(asOf));
  const rows =
    source?.s === 3
      ? await ctx.prisma.$queryRaw<{ id: number; n: number }[]>`
    SELECT c.ancestor_id AS id, COUNT(*)::int AS n
    FROM org_unit_closure c
    JOIN member_assignment a ON a.unit_id = c.descendant_id AND NOT a.temporary AND ${validAt("a", on)}
    JOIN member m ON m.id = a.member_id
    WHERE c.ancestor_id IN (${Prisma.join(ids)}) AND ${validAt("c", on)}
      AND (m.official_on IS NULL OR m.official_on > ${on})
      AND m.probation_ends_on >= ${on} AND m.probation_ends_on < ${until}::date
    GROUP BY 1`
      : await ctx.prisma.$queryRaw<{ id: number; n: number }[]>`
    WITH esrc AS MATERIALIZED (SELECT ${source!.s}::int AS s)
    ${endingKeptSql(Prisma.join(ids), asOf)}`;
  return new Map(rows.map((r) => [r.id, r.n]));
}

/**
 * A unit's admissions per (year, month) over [from, to) — `from` a month's first day: whole
 * months from the rollup, the days of a month cut by `to` from the rollup too when that row is
 * complete (cutMonthOf), else counted live.
 */
function unitTotalsSql(unitId: number, from: IsoDate, to: IsoDate): Prisma.Sql {
  const liveFrom = `${to.slice(0, 7)}-01`;
  return Prisma.sql`
    WITH cut AS MATERIALIZED (SELECT ${cutMonthWholeSql(to)} AS whole)
    SELECT r.year, r.month, SUM(r.admitted)::int AS n
    FROM admission_rollup r
    WHERE r.unit_id = ${unitId} AND make_date(r.year, r.month, 1) >= ${from}::date
      AND (make_date(r.year, r.month, 1) < ${liveFrom}::date
           OR (make_date(r.year, r.month, 1) = ${liveFrom}::date AND (SELECT whole FROM cut)))
    GROUP BY 1, 2
    UNION ALL
    SELECT EXTRACT(YEAR FROM e.effective_on)::int, EXTRACT(MONTH FROM e.effective_on)::int, COUNT(*)::int
    FROM member_event e
    JOIN org_unit_closure c ON c.descendant_id = e.unit_id AND c.ancestor_id = ${unitId} AND ${validAt("c", Prisma.sql`e.effective_on`)}
    WHERE e.kind = 'ADMITTED' AND e.effective_on >= GREATEST(${liveFrom}::date, ${from}::date) AND e.effective_on < ${to}::date
      AND NOT (SELECT whole FROM cut)
    GROUP BY 1, 2`;
}

async function unitMonthTotals(ctx: Context, unitId: number, from: IsoDate, to: IsoDate) {
  return ctx.prisma.$queryRaw<{ year: number; month: number; n: number }[]>(
    unitTotalsSql(unitId, from, to),
  );
}

function buildRow(
  unit: { id: number; name: string; kind: OrgUnitKind; current: boolean },
  p: DashboardPeriod,
  admissions: Map<number, Map<number, number>>,
  targets: Map<number, number>,
  ending: Map<number, number>,
): AdmissionRow {
  const months = monthsOf(p);
  const byMonth = admissions.get(unit.id) ?? new Map<number, number>();
  const monthly = months.map((m) => byMonth.get(m) ?? 0);
  let running = 0;
  const cumulative = monthly.map((n) => (running += n));
  const admitted = running;
  const target = targets.get(unit.id) ?? 0;
  const percent = percentOfTarget(admitted, target);
  return {
    unitId: unit.id,
    name: unit.name,
    kind: unit.kind,
    target,
    admitted,
    percent,
    band: progressBand(percent),
    probationaryEndingSoon: ending.get(unit.id) ?? 0,
    monthly,
    cumulative,
    pace: months.map((m) => Math.round(((target * m) / 12) * 10) / 10),
    current: unit.current,
    months: months.map((m, i) => ({
      month: m,
      admitted: monthly[i]!,
      cumulative: cumulative[i]!,
      pace: Math.round(((target * m) / 12) * 10) / 10,
    })),
    periodTarget: Math.round((target * months.length) / 12),
    periodPercent: percentOfTarget(admitted, Math.round((target * months.length) / 12)),
  };
}

/**
 * admissionProgress in ONE statement: the unit (if the caller may see it), its subordinates of
 * the period, their targets, admissions per month and probations ending soon. The hot path of
 * the leaders' dashboard, so it skips the ORM: one round trip, then plain arithmetic.
 */
/** Prepared-statement name of admissionProgressSql (its text never varies: every value is a parameter). */
export const ADMISSION_PROGRESS_STATEMENT = "dashboard_admission_progress_v5";

export function admissionProgressSql(
  unitId: number,
  scopeUnitId: number,
  p: DashboardPeriod,
  endingOn: IsoDate,
): Prisma.Sql {
  const tree = Prisma.sql`${p.treeDate}::date`;
  const on = Prisma.sql`${endingOn}::date`;
  // Months wholly inside [from, to) come from admission_rollup; the rest (from liveFrom) live.
  const liveFrom = `${p.to.slice(0, 7)}-01`;
  const fullMonthsEnd = p.to.slice(0, 4) === String(p.year) ? monthOf(liveFrom) : 13;
  // The cut month (if any) comes from the rollup too when its row is complete (cutMonthOf).
  const cutMonth = p.to.slice(0, 4) === String(p.year) ? cutMonthOf(p.to).month : 0;
  return Prisma.sql`
    WITH cut AS MATERIALIZED (SELECT ${cutMonthWholeSql(p.to)} AS whole
    ), unit AS (
      SELECT u.id FROM org_unit u
      WHERE u.id = ${unitId}
        AND EXISTS (SELECT 1 FROM org_unit_closure s WHERE s.descendant_id = u.id AND s.ancestor_id = ${scopeUnitId})
    ), subs AS (
      SELECT c.descendant_id AS id, bool_or(${validAt("c", tree)}) AS current
      FROM org_unit_closure c
      WHERE c.ancestor_id = (SELECT id FROM unit) AND c.depth = 1
        AND c.valid_from < ${p.to}::date AND (c.valid_to IS NULL OR c.valid_to > ${p.from}::date)
      GROUP BY c.descendant_id
    ), ids AS (
      SELECT id, TRUE AS current, 0 AS ord FROM unit
      UNION ALL SELECT id, current, 1 FROM subs
    ), via AS (
      -- Whole months from the rollup, per direct subordinate the admissions came through …
      SELECT r.via_unit_id AS via, r.month, r.admitted AS n
      FROM admission_rollup r
      WHERE r.unit_id = (SELECT id FROM unit) AND r.year = ${p.year}
        AND r.month >= ${monthOf(p.from)}
        AND (r.month < ${fullMonthsEnd} OR (r.month = ${cutMonth}::int AND (SELECT whole FROM cut)))
      UNION ALL
      -- … and the days of a month cut by asOf, counted live (at most a month of admissions)
      -- unless the rollup row of that month is already complete.
      SELECT v.ancestor_id, EXTRACT(MONTH FROM e.effective_on)::int, COUNT(*)::int
      FROM member_event e
      JOIN org_unit_closure c ON c.descendant_id = e.unit_id AND c.ancestor_id = (SELECT id FROM unit)
       AND ${validAt("c", Prisma.sql`e.effective_on`)}
      JOIN org_unit_closure v ON v.descendant_id = e.unit_id AND v.depth = GREATEST(c.depth - 1, 0)
       AND ${validAt("v", Prisma.sql`e.effective_on`)}
      WHERE e.kind = 'ADMITTED' AND e.effective_on >= ${liveFrom}::date AND e.effective_on < ${p.to}::date
        AND NOT (SELECT whole FROM cut)
        -- No cut month (a whole year or quarter): skipped before any row is read, also in the
        -- generic plan, which does not know the dates.
        AND ${liveFrom}::date < ${p.to}::date
      GROUP BY 1, 2
    ), adm AS (
      -- Rows: what came through each subordinate while it was one; the unit: everything.
      SELECT via AS id, month, SUM(n)::int AS n FROM via WHERE via <> (SELECT id FROM unit) GROUP BY 1, 2
      UNION ALL
      SELECT (SELECT id FROM unit), month, SUM(n)::int FROM via GROUP BY 2
    ), months AS (
      SELECT id, json_agg(json_build_array(month, n)) AS months FROM adm GROUP BY id
    ), esrc AS MATERIALIZED (${endingSourceSql(endingOn)}
    ), soon AS MATERIALIZED (
      -- Counted live only when not kept (endingSourceSql). Few members end probation in any 60
      -- days: start from them (index on probation_ends_on).
      SELECT m.id FROM member m
      WHERE m.probation_ends_on >= ${on} AND m.probation_ends_on < ${addDaysIso(endingOn, PROBATION_SOON_DAYS)}::date
        AND (m.official_on IS NULL OR m.official_on > ${on})
        AND (SELECT s FROM esrc) = 3
    ), ending AS (
      ${endingKeptSql(Prisma.sql`SELECT id FROM ids`, endingOn)}
      UNION ALL
      SELECT c.ancestor_id AS id, COUNT(*)::int AS n
      FROM soon
      JOIN LATERAL (
        SELECT a.unit_id FROM member_assignment a
        WHERE a.member_id = soon.id AND NOT a.temporary AND ${validAt("a", on)}
        LIMIT 1
      ) a ON TRUE
      JOIN LATERAL (
        SELECT c.ancestor_id FROM org_unit_closure c WHERE c.descendant_id = a.unit_id AND ${validAt("c", on)}
        OFFSET 0
      ) c ON TRUE
      JOIN ids ON ids.id = c.ancestor_id
      GROUP BY 1
    )
    SELECT ids.id, u.name, u.kind::text AS kind, ids.current, ids.ord,
           COALESCE(t.target, 0)::int AS target,
           COALESCE(ending.n, 0)::int AS ending,
           COALESCE(months.months, '[]'::json) AS months
    FROM ids
    JOIN org_unit u ON u.id = ids.id
    LEFT JOIN admission_target t ON t.unit_id = ids.id AND t.year = ${p.year}
    LEFT JOIN ending ON ending.id = ids.id
    LEFT JOIN months ON months.id = ids.id
    ORDER BY ids.ord, u.name_search, u.id`;
}

interface ProgressSqlRow {
  id: number;
  name: string;
  kind: OrgUnitKind;
  current: boolean;
  ord: number;
  target: number;
  ending: number;
  months: [number, number][];
}

export async function admissionProgress(
  ctx: Context,
  unitId: number,
  p: DashboardPeriod,
): Promise<AdmissionProgress> {
  const statement = admissionProgressSql(
    unitId,
    ctx.viewer?.unitId ?? -1,
    p,
    p.asOf < p.treeDate ? p.asOf : p.treeDate,
  );
  const result = await ctx.db.query<ProgressSqlRow>(statement.text, statement.values, {
    name: ADMISSION_PROGRESS_STATEMENT,
    genericPlan: true,
  });
  if (result.length === 0 || result[0]!.ord !== 0) throw notFound("OrgUnit", unitId);
  const admissions = new Map(result.map((r) => [r.id, new Map(r.months)]));
  const targets = new Map(result.map((r) => [r.id, r.target]));
  const ending = new Map(result.map((r) => [r.id, r.ending]));
  const [unitRow, ...rows] = result.map((r) => buildRow(r, p, admissions, targets, ending));
  return {
    period: periodInfo(p),
    unit: unitRow!,
    rows,
    directAdmitted: unitRow!.admitted - rows.reduce((sum, r) => sum + r.admitted, 0),
    rowsTarget: rows.reduce((sum, r) => sum + r.target, 0),
  };
}

export async function dashboardSummary(
  ctx: Context,
  unitId: number,
  p: DashboardPeriod,
): Promise<DashboardSummary> {
  await getUnit(ctx, unitId, p.treeDate);
  const tree = Prisma.sql`${p.treeDate}::date`;
  const asOf = Prisma.sql`${p.asOf}::date`;
  // "The candidate's unit is in the subtree on asOf" as a semi-join: from the few candidates,
  // not from the subtree's units (all 246k of them at the national root).
  const inSubtree = Prisma.sql`SELECT 1 FROM org_unit_closure c
    WHERE c.descendant_id = cand.unit_id AND c.ancestor_id = ${unitId} AND ${validAt("c", asOf)}`;
  const [members, counts, admissions, targets, ending, pipeline] = await Promise.all([
    ctx.loaders.committee.memberCountsOf.load({ id: unitId, asOf: p.treeDate }),
    // From unit_structure_count while fresh (no change of the tree since its rebuild), else live.
    ctx.prisma.$queryRaw<{ grassroots: number; cells: number }[]>`
      WITH kept AS MATERIALIZED (
        SELECT EXISTS (SELECT 1 FROM rollup_state WHERE name = 'structure' AND changes = refreshed_changes) AS fresh)
      SELECT s.grassroots, s.cells FROM unit_structure_count s
      WHERE (SELECT fresh FROM kept) AND s.unit_id = ${unitId} AND ${validAt("s", tree)}
      UNION ALL
      SELECT live.grassroots, live.cells FROM (
        SELECT COUNT(*) FILTER (WHERE u.kind IN ('GRASSROOTS_COMMITTEE', 'GRASSROOTS_CELL'))::int AS grassroots,
               COUNT(*) FILTER (WHERE u.kind IN ('CELL', 'GRASSROOTS_CELL'))::int AS cells
        FROM org_unit_closure c JOIN org_unit u ON u.id = c.descendant_id
        WHERE c.ancestor_id = ${unitId} AND ${validAt("c", tree)}) live
      WHERE NOT (SELECT fresh FROM kept)`,
    unitMonthTotals(ctx, unitId, p.from, p.to),
    targetsOf(ctx, [unitId], p.year),
    probationEndingSoon(ctx, [unitId], p.asOf < p.treeDate ? p.asOf : p.treeDate),
    // A candidate's stage on asOf: its current stage when that was reached on or before asOf
    // (stages are never back-dated or dated ahead, so stage_on is its last event's day); else
    // the last of its events up to asOf (a past asOf: only candidates that moved on since).
    ctx.prisma.$queryRaw<{ n: number }[]>`
      SELECT ((SELECT COUNT(*) FROM candidate cand
               WHERE cand.stage_on <= ${asOf} AND cand.stage IN (${PIPELINE_STAGE_LIST})
                 AND EXISTS (${inSubtree}))
            + (SELECT COUNT(*) FROM (
                 SELECT DISTINCT ON (ev.candidate_id) ev.stage
                 FROM candidate cand
                 JOIN candidate_stage_event ev ON ev.candidate_id = cand.id AND ev.occurred_on <= ${asOf}
                 WHERE cand.stage_on > ${asOf} AND EXISTS (${inSubtree})
                 ORDER BY ev.candidate_id, ev.occurred_on DESC, ev.id DESC) last
               WHERE last.stage IN (${PIPELINE_STAGE_LIST})))::int AS n`,
  ]);
  const admitted = admissions.reduce((a, r) => a + r.n, 0);
  const target = targets.get(unitId) ?? 0;
  const percent = percentOfTarget(admitted, target);
  return {
    period: periodInfo(p),
    members,
    grassrootsCount: counts[0]?.grassroots ?? 0,
    cellCount: counts[0]?.cells ?? 0,
    admitted,
    target,
    percent,
    band: progressBand(percent),
    probationEndingSoon: ending.get(unitId) ?? 0,
    candidatesInPipeline: pipeline[0]?.n ?? 0,
  };
}

export async function admissionTrend(
  ctx: Context,
  unitId: number,
  fromYear: number,
  toYear: number,
  asOf: IsoDate,
): Promise<TrendPoint[]> {
  await getUnit(ctx, unitId, asOf);
  const end =
    addDaysIso(asOf, 1) < `${toYear + 1}-01-01` ? addDaysIso(asOf, 1) : `${toYear + 1}-01-01`;
  const months =
    end > `${fromYear}-01-01` ? await unitMonthTotals(ctx, unitId, `${fromYear}-01-01`, end) : [];
  const rows = [
    ...months.reduce(
      (m, r) => m.set(r.year, (m.get(r.year) ?? 0) + r.n),
      new Map<number, number>(),
    ),
  ].map(([year, n]) => ({ year, n }));
  const targets = await ctx.prisma.admissionTarget.findMany({
    where: { unitId, year: { gte: fromYear, lte: toYear } },
  });
  const admitted = new Map(rows.map((r) => [r.year, r.n]));
  const targetOf = new Map(targets.map((t) => [t.year, t.target]));
  return Array.from({ length: toYear - fromYear + 1 }, (_, i) => {
    const year = fromYear + i;
    const a = admitted.get(year) ?? 0;
    const t = targetOf.get(year) ?? 0;
    return { year, admitted: a, target: t, percent: percentOfTarget(a, t) };
  });
}

/**
 * Whether the rebuilt composition tables (admission_composition, unit_recognition_month) can be
 * read for `unitId` over the period: `fresh` — fresh (rollup_state 'composition'), holding the
 * period (from its covers_from on) and keeping the unit (a committee above the grassroots);
 * `whole` — the month cut by `to` is complete in them for events of `kind` (cutMonthOf). Asked
 * first, in its own statement, so that each case gets a plan of its own.
 */
async function keptSource(
  ctx: Context,
  unitId: number,
  p: DashboardPeriod,
  kind: "ADMITTED" | "RECOGNISED_OFFICIAL",
): Promise<KeptSource> {
  const [row] = await ctx.prisma.$queryRaw<{ fresh: boolean; whole: boolean }[]>`
    SELECT EXISTS (SELECT 1 FROM rollup_state WHERE name = ${COMPOSITION} AND changes = refreshed_changes
             AND covers_from <= ${p.from}::date)
       AND EXISTS (SELECT 1 FROM org_unit WHERE id = ${unitId}
             AND kind::text IN (${Prisma.join([...COMPOSITION_KINDS])})) AS fresh,
           ${cutMonthWholeSql(p.to, kind)} AS whole`;
  return { fresh: row?.fresh ?? false, whole: row?.whole ?? false };
}

interface KeptSource {
  fresh: boolean;
  whole: boolean;
}

/**
 * Which months of the period a fresh kept table gives — [first, keptEnd) — and from which day
 * on (to `to`) the rest is counted live (null: nothing); when not fresh, everything is live.
 */
function keptPlan(
  p: DashboardPeriod,
  source: KeptSource,
): { first: number; keptEnd: number; liveStart: IsoDate | null } {
  const liveFrom = `${p.to.slice(0, 7)}-01`;
  const inYear = p.to.slice(0, 4) === String(p.year);
  const cutMonth = inYear ? cutMonthOf(p.to).month : 0;
  const first = monthOf(p.from);
  if (!source.fresh) return { first, keptEnd: first, liveStart: p.from };
  if (!inYear) return { first, keptEnd: 13, liveStart: null };
  if (cutMonth === 0) return { first, keptEnd: monthOf(liveFrom), liveStart: null };
  if (source.whole) return { first, keptEnd: cutMonth + 1, liveStart: null };
  return { first, keptEnd: cutMonth, liveStart: liveFrom > p.from ? liveFrom : p.from };
}

/**
 * admissionComposition: whole months from admission_composition when fresh (keptSource), the
 * month cut by `to` from it too when complete, else counted live; everything live when not
 * fresh. The same figures either way.
 */
export function admissionCompositionSql(
  unitId: number,
  p: DashboardPeriod,
  by: CompositionDimension,
  source: KeptSource,
): Prisma.Sql {
  const plan = keptPlan(p, source);
  const kept = Prisma.sql`
    SELECT r.key, r.admitted AS n
    FROM admission_composition r
    WHERE r.unit_id = ${unitId} AND r.year = ${p.year} AND r.dimension = ${by}
      AND r.month >= ${plan.first} AND r.month < ${plan.keptEnd}`;
  const live = (start: IsoDate) => Prisma.sql`
    SELECT ${Prisma.raw(COMPOSITION_KEY_SQL[by])} AS key, 1 AS n
    FROM member_event e
    JOIN org_unit_closure c ON c.descendant_id = e.unit_id AND c.ancestor_id = ${unitId} AND ${validAt("c", Prisma.sql`e.effective_on`)}
    JOIN member m ON m.id = e.member_id
    JOIN org_unit u ON u.id = e.unit_id
    WHERE e.kind = 'ADMITTED' AND e.effective_on >= ${start}::date AND e.effective_on < ${p.to}::date`;
  const counted = !source.fresh
    ? live(p.from)
    : plan.liveStart === null
      ? kept
      : Prisma.sql`${kept} UNION ALL ${live(plan.liveStart)}`;
  return Prisma.sql`
    SELECT key, SUM(n)::int AS n FROM (${counted}) counted
    GROUP BY 1
    ORDER BY 2 DESC, 1`;
}

export async function admissionComposition(
  ctx: Context,
  unitId: number,
  p: DashboardPeriod,
  by: CompositionDimension,
): Promise<CompositionSlice[]> {
  await getUnit(ctx, unitId, p.treeDate);
  const source = await keptSource(ctx, unitId, p, "ADMITTED");
  const rows = await ctx.prisma.$queryRaw<{ key: string; n: number }[]>(
    admissionCompositionSql(unitId, p, by, source),
  );
  const total = rows.reduce((s, r) => s + r.n, 0);
  return rows.map((r) => ({
    key: r.key,
    count: r.n,
    share: total ? Math.round((r.n / total) * 1000) / 10 : 0,
  }));
}

/**
 * Recognitions as official members in the period: whole months from unit_recognition_month when
 * fresh (keptSource), the cut month too when complete, else live — the same figure either way.
 */
export function recognitionsSql(
  unitId: number,
  p: DashboardPeriod,
  source: KeptSource,
): Prisma.Sql {
  const plan = keptPlan(p, source);
  const kept = Prisma.sql`
    SELECT COALESCE(SUM(r.recognised), 0)::int AS n FROM unit_recognition_month r
    WHERE r.unit_id = ${unitId} AND r.year = ${p.year} AND r.month >= ${plan.first} AND r.month < ${plan.keptEnd}`;
  const live = (start: IsoDate) => Prisma.sql`
    SELECT COUNT(*)::int AS n
    FROM member_event e
    JOIN org_unit_closure c ON c.descendant_id = e.unit_id AND c.ancestor_id = ${unitId} AND ${validAt("c", Prisma.sql`e.effective_on`)}
    WHERE e.kind = 'RECOGNISED_OFFICIAL' AND e.effective_on >= ${start}::date AND e.effective_on < ${p.to}::date`;
  const counted = !source.fresh
    ? live(p.from)
    : plan.liveStart === null
      ? kept
      : Prisma.sql`${kept} UNION ALL ${live(plan.liveStart)}`;
  return Prisma.sql`SELECT SUM(n)::int AS n FROM (${counted}) counted`;
}

export async function admissionFunnel(
  ctx: Context,
  unitId: number,
  p: DashboardPeriod,
): Promise<FunnelStage[]> {
  await getUnit(ctx, unitId, p.treeDate);
  const [rows, admissions, recognised] = await Promise.all([
    ctx.prisma.$queryRaw<{ stage: string; n: number }[]>`
      SELECT ev.stage::text AS stage, COUNT(DISTINCT ev.candidate_id)::int AS n
      FROM candidate_stage_event ev
      JOIN candidate cand ON cand.id = ev.candidate_id
      WHERE ev.stage IN ('AWARENESS_CLASS', 'VERIFIED', 'PROPOSED')
        AND ev.occurred_on >= ${p.from}::date AND ev.occurred_on < ${p.to}::date
        AND EXISTS (SELECT 1 FROM org_unit_closure c
                    WHERE c.descendant_id = cand.unit_id AND c.ancestor_id = ${unitId} AND ${validAt("c", Prisma.sql`ev.occurred_on`)})
      GROUP BY ev.stage`,
    // Admissions from admission_rollup (maintained with every admission), as admissionProgress.
    unitMonthTotals(ctx, unitId, p.from, p.to),
    keptSource(ctx, unitId, p, "RECOGNISED_OFFICIAL").then((source) =>
      ctx.prisma.$queryRaw<{ n: number | null }[]>(recognitionsSql(unitId, p, source)),
    ),
  ]);
  const counts = new Map(rows.map((r) => [r.stage, r.n]));
  const admitted = admissions.reduce((a, r) => a + r.n, 0);
  if (admitted > 0) counts.set("ADMITTED", admitted);
  const official = recognised[0]?.n ?? 0;
  if (official > 0) counts.set("OFFICIAL", official);
  const order = ["AWARENESS_CLASS", "VERIFIED", "PROPOSED", "ADMITTED", "OFFICIAL"];
  return order.map((stage, i) => {
    const count = counts.get(stage) ?? 0;
    const previous = i === 0 ? 0 : (counts.get(order[i - 1]!) ?? 0);
    return {
      stage,
      count,
      conversion: i === 0 || previous === 0 ? null : Math.round((count / previous) * 1000) / 10,
    };
  });
}

interface KeptSet {
  name: string;
  tables: string[];
  serves: string;
  upkeep: "IN_TRANSACTION" | "REBUILT";
  fresh: (ctx: Context) => Promise<boolean>;
}

const KEPT_SETS: KeptSet[] = [
  {
    name: "admissions",
    tables: ["admission_rollup"],
    serves: "admissions per unit, subordinate and month (progress, trend, summary, funnel)",
    upkeep: "IN_TRANSACTION",
    fresh: async () => true,
  },
  {
    name: "member_counts",
    tables: ["unit_member_count"],
    serves: "today's official and probationary members per subtree (summary)",
    upkeep: "IN_TRANSACTION",
    fresh: async (ctx) =>
      (
        await ctx.db.query<{ ok: boolean }>(
          `SELECT EXISTS (SELECT 1 FROM unit_member_count WHERE counted_on = $1::date) AS ok`,
          [ctx.today],
        )
      )[0]!.ok,
  },
  {
    name: PROBATION_DUE,
    tables: ["unit_probation_due"],
    serves: "probations ending in the next 60 days (summary, progress rows)",
    upkeep: "IN_TRANSACTION",
    fresh: async (ctx) => (await probationDueDay(ctx.db)) === ctx.today,
  },
  {
    name: COMPOSITION,
    tables: ["admission_composition", "unit_recognition_month"],
    serves: "composition of new members and the funnel's recognitions (five years back)",
    upkeep: "IN_TRANSACTION",
    fresh: async (ctx) => !(await compositionStale(ctx.db, ctx.today)),
  },
  {
    name: MEMBER_COUNT_HISTORY,
    tables: ["unit_member_count_history"],
    serves: "members and probations ending soon on past quarter ends (a past year or quarter)",
    upkeep: "REBUILT",
    fresh: async (ctx) => !(await memberCountHistoryStale(ctx.db, ctx.today)),
  },
  {
    name: STRUCTURE,
    tables: ["unit_structure_count"],
    serves: "grassroots organisations and cells per subtree (summary)",
    upkeep: "REBUILT",
    fresh: async (ctx) => !(await structureCountsStale(ctx.db)),
  },
];

/** The kept figures behind the dashboard: fresh or not, and when last recomputed. */
export async function keptFigures(ctx: Context): Promise<KeptFigures[]> {
  const states = await ctx.db.query<{
    name: string;
    refreshed: number | null;
    covers_from: string | null;
    covers_through: string | null;
  }>(
    // timestamp(3) columns hold UTC (as Prisma writes them).
    `SELECT name, EXTRACT(EPOCH FROM refreshed_at)::float8 AS refreshed,
            covers_from::text AS covers_from, covers_through::text AS covers_through
     FROM rollup_state`,
  );
  const byName = new Map(states.map((s) => [s.name, s]));
  return Promise.all(
    KEPT_SETS.map(async (set) => {
      const state = byName.get(set.name);
      return {
        name: set.name,
        tables: set.tables,
        serves: set.serves,
        upkeep: set.upkeep,
        fresh: await set.fresh(ctx),
        refreshedAt: state?.refreshed != null ? new Date(state.refreshed * 1000) : null,
        coversFrom: (state?.covers_from ?? null) as IsoDate | null,
        coversThrough: (state?.covers_through ?? null) as IsoDate | null,
      };
    }),
  );
}
