import type { StudyTheme } from "@dangbo/db";
import { coveragePercent } from "@dangbo/shared";
import type { Context } from "../../graphql/context.ts";
import { badInput, forbidden } from "../../graphql/errors.ts";
import { mutate } from "../audit/audit.service.ts";
import { getUnit } from "../committee/committee.service.ts";
import type { DashboardPeriod } from "../dashboard/dashboard.period.ts";
import { periodInfo } from "../dashboard/dashboard.service.ts";
import { isProvincialWriter } from "./document.access.ts";
import { blank, getDocument } from "./document.service.ts";
import type { StudyThemeCoverage, StudyThemeRow } from "./document.type.ts";

/** Sets the year's study theme (one per year: setting it again changes it). The province's to set. */
export async function setStudyTheme(
  ctx: Context,
  args: {
    year: number;
    title: string;
    description?: string | null;
    documentId: number | null;
  },
): Promise<StudyTheme> {
  if (blank(args.title)) throw badInput("title", "A study theme needs a title");
  return mutate(ctx, async (tx, audit) => {
    if (!(await isProvincialWriter(ctx, tx)))
      throw forbidden("The study theme is set by the provincial committee");
    if (args.documentId !== null) await getDocument(ctx, args.documentId, tx);
    const existing = await tx.studyTheme.findUnique({ where: { year: args.year } });
    const data = {
      title: args.title.trim(),
      description: blank(args.description) ? null : args.description!.trim(),
      documentId: args.documentId,
    };
    const theme = await tx.studyTheme.upsert({
      where: { year: args.year },
      create: { ...data, year: args.year },
      update: data,
    });
    audit({
      operation: "setStudyTheme",
      entity: "StudyTheme",
      entityId: theme.id,
      unitId: ctx.viewer!.unitId,
      before: existing ?? undefined,
      after: theme,
    });
    return theme;
  });
}

interface ThemeSqlRow {
  id: number;
  ord: number;
  name: string;
  cells: number;
  covered: number;
  meetings: number;
}

function row(unitId: number, name: string, cells: number, covered: number, meetings: number) {
  return {
    unitId,
    name,
    cells,
    cellsCovered: covered,
    percent: coveragePercent(covered, cells),
    meetings,
  } satisfies StudyThemeRow;
}

/**
 * Of the cells of a subtree on the period's tree date (31 December, or asOf during the year),
 * how many held at least one finished thematic meeting linked to the year's study theme in the
 * year up to asOf — in total and per direct subordinate (on the tree date). A cell dissolved
 * during the year is not counted; a cell created during the year is, from its creation. One
 * statement.
 */
export async function studyThemeCoverage(
  ctx: Context,
  unitId: number,
  p: DashboardPeriod,
): Promise<StudyThemeCoverage> {
  const unit = await getUnit(ctx, unitId, p.treeDate);
  const theme = await ctx.prisma.studyTheme.findUnique({ where: { year: p.year } });
  const tree = p.treeDate;
  const rows = await ctx.prisma.$queryRaw<ThemeSqlRow[]>`
    WITH cells AS (
      SELECT c.descendant_id AS id, c.depth
      FROM org_unit_closure c JOIN org_unit u ON u.id = c.descendant_id
      WHERE c.ancestor_id = ${unitId} AND u.kind IN ('CELL', 'GRASSROOTS_CELL')
        AND c.valid_from <= ${tree}::date AND (c.valid_to IS NULL OR c.valid_to > ${tree}::date)
    ), held AS (
      SELECT m.unit_id, COUNT(*)::int AS n
      FROM meeting m
      WHERE m.study_theme_id = ${theme?.id ?? -1} AND m.kind = 'THEMATIC' AND NOT m.draft
        AND m.held_on >= ${p.from}::date AND m.held_on < ${p.to}::date
      GROUP BY 1
    ), placed AS (
      SELECT COALESCE(g.id, ${unitId}::int) AS group_id, held.n
      FROM cells
      LEFT JOIN LATERAL (
        SELECT x.ancestor_id AS id FROM org_unit_closure x
        WHERE x.descendant_id = cells.id AND x.depth = cells.depth - 1
          AND x.valid_from <= ${tree}::date AND (x.valid_to IS NULL OR x.valid_to > ${tree}::date)
        LIMIT 1
      ) g ON TRUE
      LEFT JOIN held ON held.unit_id = cells.id
    ), agg AS (
      SELECT group_id, COUNT(*)::int AS cells, COUNT(n)::int AS covered, COALESCE(SUM(n), 0)::int AS meetings
      FROM placed GROUP BY 1
    ), groups AS (
      SELECT ${unitId}::int AS id, 0 AS ord
      UNION ALL
      SELECT c.descendant_id, 1 FROM org_unit_closure c
      WHERE c.ancestor_id = ${unitId} AND c.depth = 1
        AND c.valid_from <= ${tree}::date AND (c.valid_to IS NULL OR c.valid_to > ${tree}::date)
    )
    SELECT groups.id, groups.ord, u.name,
           COALESCE(agg.cells, 0)::int AS cells, COALESCE(agg.covered, 0)::int AS covered,
           COALESCE(agg.meetings, 0)::int AS meetings
    FROM groups JOIN org_unit u ON u.id = groups.id
    LEFT JOIN agg ON agg.group_id = groups.id
    ORDER BY groups.ord, u.name_search, u.id`;
  const [own, ...subs] = rows;
  const all = rows;
  const sum = (key: "cells" | "covered" | "meetings") => all.reduce((s, r) => s + r[key], 0);
  return {
    period: periodInfo(p),
    themeId: theme?.id ?? null,
    total: row(unit.id, unit.name, sum("cells"), sum("covered"), sum("meetings")),
    rows: [
      // The unit itself has a row only when it is a cell (a grassroots cell queried directly).
      ...(own && own.cells > 0
        ? [row(own.id, own.name, own.cells, own.covered, own.meetings)]
        : []),
      ...subs.map((r) => row(r.id, r.name, r.cells, r.covered, r.meetings)),
    ],
  };
}
