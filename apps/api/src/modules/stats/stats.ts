import "reflect-metadata";
import { Prisma } from "@dangbo/db";
import { addDaysIso, Role, type IsoDate } from "@dangbo/shared";
import { ArrayMaxSize, ArrayMinSize, IsEnum, IsInt, IsOptional, Max, Min } from "class-validator";
import {
  Args,
  ArgsType,
  Ctx,
  Field,
  FieldResolver,
  Float,
  ID,
  Int,
  ObjectType,
  Query,
  registerEnumType,
  Resolver,
  Root,
} from "type-graphql";
import { Access } from "../../graphql/access.ts";
import type { Context } from "../../graphql/context.ts";
import { badInput } from "../../graphql/errors.ts";
import { parseId } from "../../graphql/ids.ts";
import { DateScalar } from "../../graphql/scalars.ts";
import { getUnit, withAsOf, type UnitRecord } from "../committee/committee.service.ts";
import { OrgUnitType } from "../committee/committee.type.ts";

export const StatsMetric = {
  MEMBERS: "MEMBERS",
  ADMISSIONS: "ADMISSIONS",
  EXITS: "EXITS",
  MEETINGS: "MEETINGS",
  ATTENDANCE: "ATTENDANCE",
  ATTENDANCE_RATE: "ATTENDANCE_RATE",
  CONFERENCES: "CONFERENCES",
  CONFERENCE_ATTENDANCE: "CONFERENCE_ATTENDANCE",
  AWARDS: "AWARDS",
  CANDIDATES: "CANDIDATES",
} as const;
export type StatsMetric = (typeof StatsMetric)[keyof typeof StatsMetric];
registerEnumType(StatsMetric, {
  name: "StatsMetric",
  description: "What `stats` counts or sums.",
  valuesConfig: {
    MEMBERS: { description: "Members on asOf (status, age band at asOf)." },
    ADMISSIONS: {
      description:
        "Members admitted in [from, to] (sector of the admitting cell, age at admission).",
    },
    EXITS: { description: "Members who left in [from, to] (STATUS = how they left)." },
    MEETINGS: { description: "Cell meetings held in [from, to] (drafts excluded)." },
    ATTENDANCE: { description: "Members present at those meetings (sum)." },
    ATTENDANCE_RATE: {
      description: "present / (present + excused + absent) × 100 at those meetings.",
    },
    CONFERENCES: {
      description:
        "Dissemination conferences, thematic conferences and training courses organised in [from, to].",
    },
    CONFERENCE_ATTENDANCE: { description: "Their attendees (sum of attendee counts)." },
    AWARDS: { description: "Awards decided in [from, to] to units or members of the subtree." },
    CANDIDATES: {
      description: "Candidates registered in [from, to] (STATUS = their current stage).",
    },
  },
});

export const StatsDimension = {
  UNIT: "UNIT",
  YEAR: "YEAR",
  QUARTER: "QUARTER",
  MONTH: "MONTH",
  SECTOR: "SECTOR",
  GENDER: "GENDER",
  AGE_BAND: "AGE_BAND",
  ETHNICITY: "ETHNICITY",
  STATUS: "STATUS",
  OCCUPATION: "OCCUPATION",
  KIND: "KIND",
} as const;
export type StatsDimension = (typeof StatsDimension)[keyof typeof StatsDimension];
registerEnumType(StatsDimension, {
  name: "StatsDimension",
  description:
    "How `stats` groups: UNIT (the unit at `unitDepth` below the queried unit, on the row's date), YEAR, QUARTER (YYYY-Qn), MONTH (YYYY-MM), SECTOR, GENDER, AGE_BAND, ETHNICITY, STATUS, OCCUPATION, KIND (meeting kind, conference kind or award kind).",
});

/** Each metric: its rows (unit_id, at = the row's date, value) and the dimensions it offers. */
interface MetricDef {
  rows: (w: { from: IsoDate; toExcl: IsoDate; asOf: IsoDate }) => Prisma.Sql;
  dims: Partial<Record<StatsDimension, Prisma.Sql>>;
  /** How values combine: a sum, or a rate of two sums (num, den). */
  rate?: boolean;
}

const age = (on: string) =>
  Prisma.raw(
    `CASE WHEN date_part('year', age(${on}, m.birth_date)) < 30 THEN 'UNDER_30' WHEN date_part('year', age(${on}, m.birth_date)) <= 45 THEN '30_45' WHEN date_part('year', age(${on}, m.birth_date)) <= 60 THEN '46_60' ELSE 'OVER_60' END`,
  );
const time = {
  YEAR: Prisma.raw(`to_char(r.at, 'YYYY')`),
  QUARTER: Prisma.raw(`to_char(r.at, 'YYYY') || '-Q' || to_char(r.at, 'Q')`),
  MONTH: Prisma.raw(`to_char(r.at, 'YYYY-MM')`),
};

const METRICS: Record<StatsMetric, MetricDef> = {
  MEMBERS: {
    rows: ({ asOf }) => Prisma.sql`
      SELECT a.unit_id, ${asOf}::date AS at, 1::float8 AS value, 0::float8 AS den, m.gender::text AS gender, m.ethnicity, m.occupation::text AS occupation,
             ${age(`'${asOf}'::date`)} AS age_band,
             CASE WHEN m.official_on IS NOT NULL AND m.official_on <= ${asOf}::date THEN 'OFFICIAL' ELSE 'PROBATIONARY' END AS status, NULL::text AS kind
      FROM member_assignment a JOIN member m ON m.id = a.member_id
      WHERE NOT a.temporary AND a.valid_from <= ${asOf}::date AND (a.valid_to IS NULL OR a.valid_to > ${asOf}::date)`,
    dims: {
      UNIT: Prisma.empty,
      SECTOR: Prisma.empty,
      GENDER: Prisma.raw("r.gender"),
      AGE_BAND: Prisma.raw("r.age_band"),
      ETHNICITY: Prisma.raw("r.ethnicity"),
      STATUS: Prisma.raw("r.status"),
      OCCUPATION: Prisma.raw("r.occupation"),
    },
  },
  ADMISSIONS: {
    rows: ({ from, toExcl }) => Prisma.sql`
      SELECT e.unit_id, e.effective_on AS at, 1::float8 AS value, 0::float8 AS den, m.gender::text AS gender, m.ethnicity, m.occupation::text AS occupation,
             ${age("e.effective_on")} AS age_band, 'PROBATIONARY' AS status, NULL::text AS kind
      FROM member_event e JOIN member m ON m.id = e.member_id
      WHERE e.kind = 'ADMITTED' AND e.effective_on >= ${from}::date AND e.effective_on < ${toExcl}::date`,
    dims: {
      UNIT: Prisma.empty,
      ...time,
      SECTOR: Prisma.empty,
      GENDER: Prisma.raw("r.gender"),
      AGE_BAND: Prisma.raw("r.age_band"),
      ETHNICITY: Prisma.raw("r.ethnicity"),
      OCCUPATION: Prisma.raw("r.occupation"),
    },
  },
  EXITS: {
    rows: ({ from, toExcl }) => Prisma.sql`
      SELECT e.unit_id, e.effective_on AS at, 1::float8 AS value, 0::float8 AS den, m.gender::text AS gender, m.ethnicity, m.occupation::text AS occupation,
             ${age("e.effective_on")} AS age_band, e.kind::text AS status, NULL::text AS kind
      FROM member_event e JOIN member m ON m.id = e.member_id
      WHERE e.kind IN ('REMOVED', 'RESIGNED', 'TRANSFERRED_OUT', 'DECEASED') AND e.effective_on >= ${from}::date AND e.effective_on < ${toExcl}::date`,
    dims: {
      UNIT: Prisma.empty,
      ...time,
      SECTOR: Prisma.empty,
      GENDER: Prisma.raw("r.gender"),
      AGE_BAND: Prisma.raw("r.age_band"),
      ETHNICITY: Prisma.raw("r.ethnicity"),
      STATUS: Prisma.raw("r.status"),
      OCCUPATION: Prisma.raw("r.occupation"),
    },
  },
  MEETINGS: {
    rows: ({ from, toExcl }) => Prisma.sql`
      SELECT mt.unit_id, mt.held_on AS at, 1::float8 AS value, 0::float8 AS den, mt.kind::text AS kind
      FROM meeting mt WHERE NOT mt.draft AND mt.held_on >= ${from}::date AND mt.held_on < ${toExcl}::date`,
    dims: { UNIT: Prisma.empty, ...time, SECTOR: Prisma.empty, KIND: Prisma.raw("r.kind") },
  },
  ATTENDANCE: {
    rows: ({ from, toExcl }) => Prisma.sql`
      SELECT mt.unit_id, mt.held_on AS at, mt.present_count::float8 AS value, 0::float8 AS den, mt.kind::text AS kind
      FROM meeting mt WHERE NOT mt.draft AND mt.held_on >= ${from}::date AND mt.held_on < ${toExcl}::date`,
    dims: { UNIT: Prisma.empty, ...time, SECTOR: Prisma.empty, KIND: Prisma.raw("r.kind") },
  },
  ATTENDANCE_RATE: {
    rate: true,
    rows: ({ from, toExcl }) => Prisma.sql`
      SELECT mt.unit_id, mt.held_on AS at, mt.present_count::float8 AS value, (mt.present_count + mt.excused_count + mt.absent_count)::float8 AS den, mt.kind::text AS kind
      FROM meeting mt WHERE NOT mt.draft AND mt.held_on >= ${from}::date AND mt.held_on < ${toExcl}::date`,
    dims: { UNIT: Prisma.empty, ...time, SECTOR: Prisma.empty, KIND: Prisma.raw("r.kind") },
  },
  CONFERENCES: {
    rows: ({ from, toExcl }) => Prisma.sql`
      SELECT c.organiser_unit_id AS unit_id, c.held_on AS at, 1::float8 AS value, 0::float8 AS den, c.kind::text AS kind
      FROM conference c WHERE c.held_on >= ${from}::date AND c.held_on < ${toExcl}::date`,
    dims: { UNIT: Prisma.empty, ...time, SECTOR: Prisma.empty, KIND: Prisma.raw("r.kind") },
  },
  CONFERENCE_ATTENDANCE: {
    rows: ({ from, toExcl }) => Prisma.sql`
      SELECT c.organiser_unit_id AS unit_id, c.held_on AS at, c.attendee_count::float8 AS value, 0::float8 AS den, c.kind::text AS kind
      FROM conference c WHERE c.held_on >= ${from}::date AND c.held_on < ${toExcl}::date`,
    dims: { UNIT: Prisma.empty, ...time, SECTOR: Prisma.empty, KIND: Prisma.raw("r.kind") },
  },
  AWARDS: {
    rows: ({ from, toExcl }) => Prisma.sql`
      SELECT COALESCE(aw.unit_id, mm.unit_id) AS unit_id, aw.decided_on AS at, 1::float8 AS value, 0::float8 AS den, aw.kind::text AS kind
      FROM award aw LEFT JOIN member mm ON mm.id = aw.member_id
      WHERE aw.decided_on >= ${from}::date AND aw.decided_on < ${toExcl}::date`,
    dims: { UNIT: Prisma.empty, ...time, SECTOR: Prisma.empty, KIND: Prisma.raw("r.kind") },
  },
  CANDIDATES: {
    rows: ({ from, toExcl }) => Prisma.sql`
      SELECT cd.unit_id, cd.registered_on AS at, 1::float8 AS value, 0::float8 AS den, cd.gender::text AS gender, cd.ethnicity, cd.occupation::text AS occupation,
             CASE WHEN date_part('year', age(cd.registered_on, cd.birth_date)) < 30 THEN 'UNDER_30' WHEN date_part('year', age(cd.registered_on, cd.birth_date)) <= 45 THEN '30_45' WHEN date_part('year', age(cd.registered_on, cd.birth_date)) <= 60 THEN '46_60' ELSE 'OVER_60' END AS age_band,
             cd.stage::text AS status, NULL::text AS kind
      FROM candidate cd WHERE cd.registered_on >= ${from}::date AND cd.registered_on < ${toExcl}::date`,
    dims: {
      UNIT: Prisma.empty,
      ...time,
      SECTOR: Prisma.empty,
      GENDER: Prisma.raw("r.gender"),
      AGE_BAND: Prisma.raw("r.age_band"),
      ETHNICITY: Prisma.raw("r.ethnicity"),
      STATUS: Prisma.raw("r.status"),
      OCCUPATION: Prisma.raw("r.occupation"),
    },
  },
};

export const STATS_ROW_CAP = 5_000;

@ObjectType({ simpleResolvers: true })
export class StatsRow {
  @Field(() => [String], {
    description: "One key per groupBy dimension, in order (UNIT: the unit's id).",
  })
  keys!: string[];

  @Field(() => Float)
  value!: number;

  unitId!: number | null;
}

@ObjectType({ description: "An aggregate computed in one SQL statement." })
export class StatsResult {
  @Field(() => StatsMetric)
  metric!: StatsMetric;

  @Field(() => [StatsDimension])
  groupBy!: StatsDimension[];

  @Field(() => DateScalar)
  from!: IsoDate;

  @Field(() => DateScalar, { description: "Last day counted." })
  to!: IsoDate;

  @Field(() => DateScalar, {
    description:
      "The tree (and, for MEMBERS, membership) is taken on this date; other metrics use each row's own date.",
  })
  asOf!: IsoDate;

  @Field(() => Float, { description: "Over all rows (for a rate: the overall rate)." })
  total!: number;

  @Field(() => [StatsRow], { description: `At most ${STATS_ROW_CAP} groups, largest value first.` })
  rows!: StatsRow[];

  @Field(() => Boolean, { description: "More groups than the cap." })
  truncated!: boolean;
}

@ArgsType()
class StatsArgs {
  @Field(() => StatsMetric)
  @IsEnum(StatsMetric)
  metric!: StatsMetric;

  @Field(() => ID, { description: "The subtree counted." })
  unitId!: string;

  @Field(() => [StatsDimension], { description: "Zero to four dimensions." })
  @ArrayMinSize(0)
  @ArrayMaxSize(4)
  @IsEnum(StatsDimension, { each: true })
  groupBy!: StatsDimension[];

  @Field(() => Int, {
    nullable: true,
    defaultValue: 1,
    description: "For UNIT: how far below the queried unit (1 = direct subordinates).",
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(6)
  unitDepth?: number;

  @Field(() => DateScalar, {
    nullable: true,
    description: "First day (default: 1 January of asOf's year).",
  })
  @IsOptional()
  from?: IsoDate;

  @Field(() => DateScalar, { nullable: true, description: "Last day (default: asOf)." })
  @IsOptional()
  to?: IsoDate;

  @Field(() => DateScalar, { nullable: true, description: "Default: today." })
  @IsOptional()
  asOf?: IsoDate;
}

export async function stats(ctx: Context, args: StatsArgs): Promise<StatsResult> {
  const unitId = parseId(args.unitId, "unitId");
  const asOf = args.asOf ?? ctx.today;
  const from = args.from ?? `${asOf.slice(0, 4)}-01-01`;
  const to = args.to ?? asOf;
  if (to < from) throw badInput("to", "to must not be before from");
  await getUnit(ctx, unitId, asOf);
  const def = METRICS[args.metric];
  const groupBy = [...new Set(args.groupBy)];
  for (const [i, d] of groupBy.entries()) {
    if (!(d in def.dims))
      throw badInput(`groupBy.${i}`, `${args.metric} cannot be grouped by ${d}`);
  }
  const depth = args.unitDepth ?? 1;
  // Rows are attributed through the closure on their own date (MEMBERS: on asOf): `x` places a
  // row's unit under the queried unit; `g` finds its ancestor at min(unitDepth, its own depth).
  const keyExprs = groupBy.map((d) =>
    d === "UNIT"
      ? Prisma.raw("g.ancestor_id::text")
      : d === "SECTOR"
        ? Prisma.raw("u.sector::text")
        : def.dims[d]!,
  );
  const keys = keyExprs.length
    ? Prisma.join(keyExprs.map((k, i) => Prisma.sql`${k} AS k${Prisma.raw(String(i))}`))
    : Prisma.raw("NULL::text AS k0");
  const groupCols = keyExprs.length
    ? Prisma.sql`GROUP BY ${Prisma.join(keyExprs.map((_, i) => Prisma.raw(String(i + 1))))}`
    : Prisma.empty;
  const valueExpr = def.rate
    ? Prisma.raw(
        "CASE WHEN SUM(r.den) > 0 THEN ROUND((SUM(r.value) * 100 / SUM(r.den))::numeric, 1)::float8 ELSE 0 END",
      )
    : Prisma.raw("SUM(r.value)::float8");
  const rows = await ctx.prisma.$queryRaw<Record<string, string | number>[]>`
    WITH r AS (${def.rows({ from, toExcl: addDaysIso(to, 1), asOf })})
    SELECT ${keys}, ${valueExpr} AS value, SUM(r.value)::float8 AS num, SUM(r.den)::float8 AS den
    FROM r
    JOIN org_unit_closure x ON x.descendant_id = r.unit_id AND x.ancestor_id = ${unitId}
     AND x.valid_from <= r.at AND (x.valid_to IS NULL OR x.valid_to > r.at)
    JOIN org_unit_closure g ON g.descendant_id = r.unit_id AND g.depth = x.depth - LEAST(${depth}::int, x.depth)
     AND g.valid_from <= r.at AND (g.valid_to IS NULL OR g.valid_to > r.at)
    JOIN org_unit u ON u.id = r.unit_id
    ${groupCols}
    ORDER BY ${Prisma.raw(String(Math.max(1, groupBy.length) + 1))} DESC
    LIMIT ${STATS_ROW_CAP + 1}`;
  const truncated = rows.length > STATS_ROW_CAP;
  const kept = rows.slice(0, STATS_ROW_CAP);
  const num = kept.reduce((s, r) => s + Number(r.num), 0);
  const den = kept.reduce((s, r) => s + Number(r.den), 0);
  const unitIndex = groupBy.indexOf("UNIT");
  return {
    metric: args.metric,
    groupBy,
    from,
    to,
    asOf,
    truncated,
    total: def.rate
      ? den > 0
        ? Math.round((num * 1000) / den) / 10
        : 0
      : kept.reduce((s, r) => s + Number(r.value), 0),
    rows: kept.map((r) => ({
      keys: groupBy.map((_, i) => String(r[`k${i}`] ?? "")),
      value: Number(r.value),
      unitId: unitIndex >= 0 ? Number(r[`k${unitIndex}`]) : null,
    })),
  };
}

@Resolver(() => StatsRow)
export class StatsResolver {
  @Access([Role.ADMIN, Role.LEADER, Role.STAFF, Role.ANALYST])
  @Query(() => StatsResult, {
    description:
      'Aggregates without fetching rows: counts or sums a metric over a unit\'s subtree, grouped by up to four dimensions, in one SQL statement. Each row is attributed to units through the tree as it was on the row\'s own date (so past figures survive reorganisations). Example: stats(metric: ADMISSIONS, unitId: "1", groupBy: [UNIT, YEAR], from: "2020-01-01", to: "2024-12-31").',
  })
  stats(@Args(() => StatsArgs) args: StatsArgs, @Ctx() ctx: Context) {
    return stats(ctx, args);
  }

  @FieldResolver(() => OrgUnitType, {
    nullable: true,
    description: "The unit, when grouped by UNIT.",
  })
  async unit(@Root() row: StatsRow, @Ctx() ctx: Context): Promise<UnitRecord | null> {
    if (row.unitId === null) return null;
    const unit = await ctx.loaders.committee.unitById.load(row.unitId);
    return unit ? withAsOf(unit, ctx.today) : null;
  }
}
