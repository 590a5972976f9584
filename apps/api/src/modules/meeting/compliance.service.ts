import {
  complies,
  existedThroughout,
  isoFromDate,
  monthPeriod,
  monthStatus,
  quarterPeriod,
  quarterStatus,
  REGULAR_MEETING_DUE_DAY,
  thematicRequired,
  type CellLifetime,
  type IsoDate,
  type MonthStatus,
  type QuarterStatus,
} from "@dangbo/shared";
import type { Context } from "../../graphql/context.ts";
import { badInput } from "../../graphql/errors.ts";
import { decodeCursor, encodeCursor } from "../../graphql/pagination.ts";
import { getUnit } from "../committee/committee.service.ts";
import type { DashboardPeriod } from "../dashboard/dashboard.period.ts";
import type {
  CellCompliance,
  ComplianceRow,
  MeetingCompliance,
  ThemeCount,
} from "./meeting.type.ts";

interface CellRow {
  id: number;
  name: string;
  valid_from: Date;
  valid_to: Date | null;
  group_id: number | null;
  group_name: string | null;
}

interface MonthAgg {
  unit_id: number;
  month: number;
  first_regular: number | null;
  thematic: number;
  meetings: number;
  present: number;
  excused: number;
  absent: number;
}

interface Evaluated extends CellCompliance {
  groupId: number;
  required: boolean;
  thematicMissing: boolean;
  lastQuarterOwed: boolean;
  present: number;
  expected: number;
}

/** The months of the period (first days) and its quarters. */
function calendar(p: DashboardPeriod) {
  const months: { month: number; from: IsoDate; to: IsoDate }[] = [];
  for (let m = Number(p.from.slice(5, 7)); m <= 12; m++) {
    const period = monthPeriod(p.year, m);
    if (period.from >= p.to) break;
    months.push({ month: m, ...period });
  }
  const quarters = [...new Set(months.map((m) => Math.ceil(m.month / 3)))] as (1 | 2 | 3 | 4)[];
  return { months, quarters };
}

/**
 * Evaluates every cell of a unit's subtree over a year or quarter, month by month: one query for
 * the cells (with the direct subordinate each belonged to), one aggregate over the meetings,
 * then the shared rules. A month or quarter still running at `asOf` is only owed once its due
 * date has passed (the regular meeting's 10th; the quarter's end).
 */
export async function evaluateCells(
  ctx: Context,
  unitId: number,
  p: DashboardPeriod,
): Promise<{ unitName: string; cells: Evaluated[]; themes: ThemeCount[] }> {
  const unit = await getUnit(ctx, unitId, p.treeDate);
  const cells = await ctx.prisma.$queryRaw<CellRow[]>`
    WITH cells AS (
      SELECT DISTINCT ON (u.id) u.id, u.name, u.name_search, u.valid_from, u.valid_to,
             LEAST(${p.treeDate}::date, COALESCE(c.valid_to - 1, ${p.treeDate}::date)) AS ref
      FROM org_unit_closure c JOIN org_unit u ON u.id = c.descendant_id
      WHERE c.ancestor_id = ${unitId} AND u.kind IN ('CELL', 'GRASSROOTS_CELL')
        AND c.valid_from < ${p.to}::date AND (c.valid_to IS NULL OR c.valid_to > ${p.from}::date)
      ORDER BY u.id, c.valid_from DESC
    )
    SELECT cells.id, cells.name, cells.valid_from, cells.valid_to, g.id AS group_id, g.name AS group_name
    FROM cells
    LEFT JOIN LATERAL (
      SELECT gu.id, gu.name
      FROM org_unit_closure x
      JOIN org_unit_closure y ON y.descendant_id = x.ancestor_id AND y.ancestor_id = ${unitId} AND y.depth = 1
       AND y.valid_from <= cells.ref AND (y.valid_to IS NULL OR y.valid_to > cells.ref)
      JOIN org_unit gu ON gu.id = x.ancestor_id
      WHERE x.descendant_id = cells.id AND x.valid_from <= cells.ref AND (x.valid_to IS NULL OR x.valid_to > cells.ref)
      LIMIT 1
    ) g ON TRUE
    ORDER BY g.name, cells.name_search, cells.id`;
  const ids = cells.map((c) => c.id);
  const [aggs, themes] = ids.length
    ? await Promise.all([
        ctx.prisma.$queryRaw<MonthAgg[]>`
          SELECT m.unit_id, EXTRACT(MONTH FROM m.held_on)::int AS month,
                 MIN(EXTRACT(DAY FROM m.held_on)) FILTER (WHERE m.kind = 'REGULAR')::int AS first_regular,
                 COUNT(*) FILTER (WHERE m.kind = 'THEMATIC')::int AS thematic,
                 COUNT(*)::int AS meetings,
                 SUM(m.present_count)::int AS present, SUM(m.excused_count)::int AS excused, SUM(m.absent_count)::int AS absent
          FROM meeting m
          WHERE m.unit_id = ANY(${ids}::int[]) AND NOT m.draft AND m.held_on >= ${p.from}::date AND m.held_on < ${p.to}::date
          GROUP BY 1, 2`,
        ctx.prisma.$queryRaw<{ theme: string; meetings: number; study: boolean }[]>`
          SELECT m.theme, COUNT(*)::int AS meetings, bool_or(m.study_theme_id IS NOT NULL) AS study
          FROM meeting m
          WHERE m.unit_id = ANY(${ids}::int[]) AND NOT m.draft AND m.kind = 'THEMATIC' AND m.theme IS NOT NULL
            AND m.held_on >= ${p.from}::date AND m.held_on < ${p.to}::date
          GROUP BY m.theme ORDER BY 2 DESC, 1 LIMIT 50`,
      ])
    : [[], []];

  const byCell = new Map<number, Map<number, MonthAgg>>();
  for (const a of aggs) {
    const months = byCell.get(a.unit_id) ?? new Map<number, MonthAgg>();
    months.set(a.month, a);
    byCell.set(a.unit_id, months);
  }
  const { months, quarters } = calendar(p);
  const asOfDay = Number(p.asOf.slice(8, 10));
  const lastQuarter = quarters[quarters.length - 1]!;

  const evaluated = cells.map((cell): Evaluated => {
    const life: CellLifetime = {
      validFrom: isoFromDate(cell.valid_from),
      validTo: cell.valid_to ? isoFromDate(cell.valid_to) : null,
    };
    const agg = byCell.get(cell.id) ?? new Map<number, MonthAgg>();
    const monthStatuses: MonthStatus[] = months.map((m) => {
      const complete = m.to <= p.to;
      const required =
        existedThroughout(life, m.from, complete ? m.to : p.to) &&
        (complete || asOfDay > REGULAR_MEETING_DUE_DAY);
      const first = agg.get(m.month)?.first_regular;
      return monthStatus(required, first ? [first] : []);
    });
    const quarterStatuses: QuarterStatus[] = quarters.map((q) => {
      const complete = quarterPeriod(p.year, q).to <= p.to;
      const held = [1, 2, 3].reduce((s, i) => s + (agg.get((q - 1) * 3 + i)?.thematic ?? 0), 0);
      return quarterStatus(complete && thematicRequired(life, p.year, q), held);
    });
    const lastHeld = [1, 2, 3].reduce(
      (s, i) => s + (agg.get((lastQuarter - 1) * 3 + i)?.thematic ?? 0),
      0,
    );
    const totals = [...agg.values()].reduce(
      (t, a) => ({
        meetings: t.meetings + a.meetings,
        present: t.present + a.present,
        expected: t.expected + a.present + a.excused + a.absent,
      }),
      { meetings: 0, present: 0, expected: 0 },
    );
    return {
      cellId: cell.id,
      name: cell.name,
      groupId: cell.group_id ?? unit.id,
      groupName: cell.group_name ?? unit.name,
      months: monthStatuses,
      quarters: quarterStatuses,
      complies: complies(monthStatuses, quarterStatuses),
      required:
        monthStatuses.some((s) => s !== "NOT_REQUIRED") ||
        quarterStatuses.some((s) => s !== "NOT_REQUIRED"),
      thematicMissing: quarterStatuses.includes("MISSING"),
      lastQuarterOwed: thematicRequired(life, p.year, lastQuarter) && lastHeld === 0,
      attendanceRate: rate(totals.present, totals.expected),
      meetings: totals.meetings,
      present: totals.present,
      expected: totals.expected,
    };
  });
  return {
    unitName: unit.name,
    cells: evaluated,
    themes: themes.map((t) => ({ theme: t.theme, meetings: t.meetings, studyTheme: t.study })),
  };
}

function rate(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 1000) / 10 : null;
}

function summarise(unitId: number, name: string, cells: Evaluated[]): ComplianceRow {
  const required = cells.filter((c) => c.required);
  const compliant = required.filter((c) => c.complies).length;
  const present = cells.reduce((s, c) => s + c.present, 0);
  const expected = cells.reduce((s, c) => s + c.expected, 0);
  return {
    unitId,
    name,
    cellsRequired: required.length,
    cellsCompliant: compliant,
    percent: rate(compliant, required.length),
    thematicMissing: cells.filter((c) => c.thematicMissing).length,
    attendanceRate: rate(present, expected),
    meetings: cells.reduce((s, c) => s + c.meetings, 0),
  };
}

export async function meetingCompliance(
  ctx: Context,
  unitId: number,
  p: DashboardPeriod,
): Promise<MeetingCompliance> {
  const { unitName, cells, themes } = await evaluateCells(ctx, unitId, p);
  const groups = new Map<number, { name: string; cells: Evaluated[] }>();
  for (const c of cells) {
    const g = groups.get(c.groupId) ?? { name: c.groupName, cells: [] };
    g.cells.push(c);
    groups.set(c.groupId, g);
  }
  return {
    year: p.year,
    quarter: p.quarter,
    months: calendar(p).months.map((m) => m.from),
    total: summarise(unitId, unitName, cells),
    rows: [...groups]
      .map(([id, g]) => summarise(id, g.name, g.cells))
      .sort((a, b) => a.name.localeCompare(b.name, "vi")),
    missingThematic: cells.filter((c) => c.lastQuarterOwed).slice(0, 500),
    themes,
  };
}

export async function cellCompliance(
  ctx: Context,
  unitId: number,
  p: DashboardPeriod,
  args: { first?: number | null; after?: string | null; onlyNonCompliant?: boolean | null },
) {
  const first = args.first ?? 100;
  if (!Number.isInteger(first) || first < 0 || first > 500)
    throw badInput("first", "first must be between 0 and 500");
  const offset = args.after ? decodeCursor(args.after) : 0;
  const { cells } = await evaluateCells(ctx, unitId, p);
  const list = args.onlyNonCompliant ? cells.filter((c) => c.required && !c.complies) : cells;
  const page = list.slice(offset, offset + first);
  const edges = page.map((node, i) => ({ cursor: encodeCursor(offset + i + 1), node }));
  return {
    totalCount: list.length,
    edges,
    pageInfo: {
      hasNextPage: offset + first < list.length,
      endCursor: edges.length ? edges[edges.length - 1]!.cursor : null,
    },
  };
}
