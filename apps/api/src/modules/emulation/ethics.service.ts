import { Prisma, type EthicalStandard } from "@dangbo/db";
import { foldVietnamese, isoFromDate, type IsoDate, type OrgUnitKind } from "@dangbo/shared";
import type { Context } from "../../graphql/context.ts";
import { badInput, forbidden } from "../../graphql/errors.ts";
import { parseId } from "../../graphql/ids.ts";
import { paginate, pageRequest, type PageArgs } from "../../graphql/pagination.ts";
import { mutate, type Tx } from "../audit/audit.service.ts";
import { and } from "../committee/committee.access.ts";
import { assertUnitVisible, getUnit } from "../committee/committee.service.ts";
import { GRASSROOTS_SQL } from "./campaign-summary.service.ts";
import { everInSubtree, standardScope } from "./emulation.access.ts";
import { requiredText, writableUnit } from "./emulation.common.ts";
import { validAt } from "./emulation.sql.ts";
import type { RecordEthicalStandardInput, UpdateEthicalStandardInput } from "./ethics.input.ts";
import type { EthicalStandardCountRow, EthicalStandardCounts } from "./ethics.type.ts";

const STANDARD_ORDER = [{ createdAt: "desc" as const }, { id: "desc" as const }];

export async function listEthicalStandards(
  ctx: Context,
  args: PageArgs & { unitId: number | null; includeSubtree: boolean },
) {
  const page = pageRequest(args);
  if (args.unitId !== null) await assertUnitVisible(ctx, args.unitId);
  const where = and<Prisma.EthicalStandardWhereInput>(
    standardScope(ctx),
    args.unitId !== null &&
      (args.includeSubtree ? { unit: everInSubtree(args.unitId) } : { unitId: args.unitId }),
  );
  return paginate(
    page,
    (p) => ctx.prisma.ethicalStandard.findMany({ where, orderBy: STANDARD_ORDER, ...p }),
    () => ctx.prisma.ethicalStandard.count({ where }),
  );
}

/** Trimmed slogans; blank ones and repeats (ignoring case and diacritics) are refused. */
function cleanSlogans(slogans: readonly string[]): string[] {
  const seen = new Set<string>();
  return slogans.map((s, i) => {
    const text = requiredText(`slogans.${i}`, s);
    const folded = foldVietnamese(text);
    if (seen.has(folded)) throw badInput(`slogans.${i}`, "This slogan appears twice");
    seen.add(folded);
    return text;
  });
}

async function standardSnapshot(tx: Tx, id: number) {
  const standard = await tx.ethicalStandard.findUniqueOrThrow({
    where: { id },
    include: { slogans: { orderBy: { id: "asc" } } },
  });
  return { ...standard, slogans: standard.slogans.map((s) => s.text) };
}

export async function recordEthicalStandard(
  ctx: Context,
  input: RecordEthicalStandardInput,
): Promise<EthicalStandard> {
  const unitId = parseId(input.unitId, "unitId");
  const content = requiredText("content", input.content);
  const slogans = cleanSlogans(input.slogans ?? []);
  const today = ctx.today;
  return mutate(ctx, async (tx, audit) => {
    const unit = await writableUnit(
      ctx,
      tx,
      unitId,
      "You may record ethical standards only for units in your subtree",
    );
    if (unit.validTo && isoFromDate(unit.validTo) <= today)
      throw badInput("unitId", "This unit no longer exists");
    const standard = await tx.ethicalStandard.create({
      data: {
        unitId,
        content,
        slogans: { createMany: { data: slogans.map((text) => ({ text })) } },
      },
    });
    audit({
      operation: "recordEthicalStandard",
      entity: "EthicalStandard",
      entityId: standard.id,
      unitId,
      after: await standardSnapshot(tx, standard.id),
    });
    return standard;
  });
}

export async function updateEthicalStandard(
  ctx: Context,
  id: number,
  input: UpdateEthicalStandardInput,
): Promise<EthicalStandard> {
  const content = input.content === undefined ? undefined : requiredText("content", input.content);
  const slogans = input.slogans ? cleanSlogans(input.slogans) : null;
  return mutate(ctx, async (tx, audit) => {
    const current = await tx.ethicalStandard.findFirst({
      where: and<Prisma.EthicalStandardWhereInput>({ id }, standardScope(ctx)),
    });
    if (!current) throw forbidden("You may change only ethical standards of your subtree");
    const before = await standardSnapshot(tx, id);
    if (slogans) {
      await tx.actionSlogan.deleteMany({ where: { standardId: id } });
      await tx.actionSlogan.createMany({ data: slogans.map((text) => ({ standardId: id, text })) });
    }
    const updated = await tx.ethicalStandard.update({ where: { id }, data: { content } });
    audit({
      operation: "updateEthicalStandard",
      entity: "EthicalStandard",
      entityId: id,
      unitId: current.unitId,
      before,
      after: await standardSnapshot(tx, id),
    });
    return updated;
  });
}

interface CountAgg {
  total: boolean;
  group_id: number | null;
  standards: number;
  slogans: number;
  units_with: number;
  grassroots: number;
  grassroots_with: number;
}

/**
 * Ethical standards and slogans per direct subordinate on a date, in one aggregate over the
 * closure: the units of the subtree on asOf with the standards they recorded by then (by the
 * Vietnamese calendar day of creation).
 */
export async function ethicalStandardCounts(
  ctx: Context,
  unitId: number,
  asOf: IsoDate,
): Promise<EthicalStandardCounts> {
  const unit = await getUnit(ctx, unitId, asOf);
  const scope = ctx.viewer!.unitId;
  const T = Prisma.sql`${asOf}::date`;
  const [aggs, subs] = await Promise.all([
    ctx.prisma.$queryRaw<CountAgg[]>`
      WITH units AS MATERIALIZED (
        SELECT g.descendant_id AS id, gu.kind IN ${GRASSROOTS_SQL} AS grassroots,
               CASE WHEN g.depth = 0 THEN NULL ELSE z.ancestor_id END AS group_id
        FROM org_unit_closure g
        JOIN org_unit gu ON gu.id = g.descendant_id
        LEFT JOIN org_unit_closure z ON z.descendant_id = g.descendant_id AND z.depth = g.depth - 1 AND ${validAt("z", T)}
        WHERE g.ancestor_id = ${unitId} AND ${validAt("g", T)}
          AND EXISTS (SELECT 1 FROM org_unit_closure s WHERE s.descendant_id = g.descendant_id AND s.ancestor_id = ${scope})
      ), st AS MATERIALIZED (
        -- Per unit over the whole (small) table: computed once, never once per unit.
        SELECT s.unit_id, COUNT(*)::int AS standards, COALESCE(SUM(sl.n), 0)::int AS slogans
        FROM ethical_standard s
        LEFT JOIN LATERAL (SELECT COUNT(*)::int AS n FROM action_slogan a WHERE a.standard_id = s.id) sl ON TRUE
        WHERE (s.created_at + interval '7 hours')::date <= ${T}
        GROUP BY s.unit_id
      )
      SELECT GROUPING(units.group_id) = 1 AS total, units.group_id,
             COALESCE(SUM(st.standards), 0)::int AS standards,
             COALESCE(SUM(st.slogans), 0)::int AS slogans,
             COUNT(st.unit_id)::int AS units_with,
             COUNT(*) FILTER (WHERE units.grassroots)::int AS grassroots,
             COUNT(st.unit_id) FILTER (WHERE units.grassroots)::int AS grassroots_with
      FROM units LEFT JOIN st ON st.unit_id = units.id
      GROUP BY GROUPING SETS ((units.group_id), ())`,
    ctx.prisma.$queryRaw<{ id: number; name: string; kind: OrgUnitKind }[]>`
      SELECT u.id, u.name, u.kind::text AS kind
      FROM org_unit_closure c JOIN org_unit u ON u.id = c.descendant_id
      WHERE c.ancestor_id = ${unitId} AND c.depth = 1 AND ${validAt("c", T)}
        AND EXISTS (SELECT 1 FROM org_unit_closure s WHERE s.descendant_id = u.id AND s.ancestor_id = ${scope})
      ORDER BY u.name_search, u.id`,
  ]);
  const rowOf = (
    label: { id: number; name: string; kind: OrgUnitKind },
    agg: CountAgg | undefined,
  ): EthicalStandardCountRow => ({
    unitId: label.id,
    name: label.name,
    kind: label.kind,
    standards: agg?.standards ?? 0,
    slogans: agg?.slogans ?? 0,
    unitsWithStandards: agg?.units_with ?? 0,
    grassroots: agg?.grassroots ?? 0,
    grassrootsWithStandards: agg?.grassroots_with ?? 0,
  });
  const groups = aggs.filter((a) => !a.total);
  return {
    asOf,
    total: rowOf(
      unit,
      aggs.find((a) => a.total),
    ),
    direct: rowOf(
      unit,
      groups.find((a) => a.group_id === null),
    ),
    rows: subs.map((s) =>
      rowOf(
        s,
        groups.find((a) => a.group_id === s.id),
      ),
    ),
  };
}
