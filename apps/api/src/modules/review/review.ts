import "reflect-metadata";
import type { Prisma } from "@dangbo/db";
import { Classification, dateFromIso, Role, yearPeriod } from "@dangbo/shared";
import {
  ArrayMaxSize,
  IsBoolean,
  IsEnum,
  IsInt,
  IsOptional,
  Length,
  Max,
  Min,
  ValidateNested,
} from "class-validator";
import {
  Args,
  ArgsType,
  Ctx,
  Field,
  Float,
  ID,
  InputType,
  Int,
  Mutation,
  ObjectType,
  Query,
  registerEnumType,
  Resolver,
} from "type-graphql";
import { Access, ANY_ROLE, READERS } from "../../graphql/access.ts";
import type { Context } from "../../graphql/context.ts";
import { badInput, forbidden } from "../../graphql/errors.ts";
import { parseId } from "../../graphql/ids.ts";
import { mutate, type Tx } from "../audit/audit.service.ts";
import { and, unitScope } from "../committee/committee.access.ts";
import { assertUnitVisible, getUnit } from "../committee/committee.service.ts";

registerEnumType(Classification, {
  name: "Classification",
  description:
    "Annual review: EXCELLENT (hoàn thành xuất sắc), GOOD (hoàn thành tốt), COMPLETED (hoàn thành), NOT_COMPLETED (không hoàn thành).",
});

// ─────────────── types ───────────────

@ObjectType({
  simpleResolvers: true,
  description: "A member of the cell in the year, with the year's classification and commitment.",
})
export class ReviewRow {
  @Field(() => ID)
  memberId!: number;

  @Field(() => String)
  fullName!: string;

  @Field(() => Classification, { nullable: true })
  classification!: Classification | null;

  @Field(() => Boolean, { description: "Registered an exemplary commitment for the year." })
  committed!: boolean;

  @Field(() => Boolean)
  keyLeader!: boolean;

  @Field(() => String, { nullable: true })
  commitment!: string | null;

  @Field(() => Classification, { nullable: true, description: "How the commitment was kept." })
  commitmentOutcome!: Classification | null;
}

@ObjectType({ simpleResolvers: true })
export class ReviewSheet {
  @Field(() => Int)
  year!: number;

  @Field(() => [ReviewRow], {
    description: "Members who belonged to the cell at any time in the year (primary assignment).",
  })
  rows!: ReviewRow[];

  @Field(() => Classification, {
    nullable: true,
    description: "The cell's own classification for the year.",
  })
  unitClassification!: Classification | null;
}

@ObjectType({
  simpleResolvers: true,
  description: "Review and commitment figures of one unit's subtree.",
})
export class ReviewSummaryRow {
  @Field(() => ID)
  unitId!: number;

  @Field(() => String)
  name!: string;

  @Field(() => Int)
  excellent!: number;

  @Field(() => Int)
  good!: number;

  @Field(() => Int)
  completed!: number;

  @Field(() => Int)
  notCompleted!: number;

  @Field(() => Int, { description: "Members classified." })
  reviewed!: number;

  @Field(() => Int, { description: "Exemplary commitments registered." })
  commitments!: number;

  @Field(() => Int, { description: "Of which by key leaders." })
  keyLeaderCommitments!: number;

  @Field(() => Int, {
    description: "Members on 31 December (or asOf) — the base of the percentages.",
  })
  members!: number;

  @Field(() => Float, { nullable: true })
  commitmentPercent!: number | null;
}

// ─────────────── inputs ───────────────

@InputType()
class ReviewEntryInput {
  @Field(() => ID)
  memberId!: string;

  @Field(() => Classification, { nullable: true, description: "null clears it." })
  @IsOptional()
  @IsEnum(Classification)
  classification?: Classification | null;
}

@InputType()
class CommitmentEntryInput {
  @Field(() => ID)
  memberId!: string;

  @Field(() => String, { description: "What the member commits to." })
  @Length(1, 2000)
  content!: string;

  @Field(() => Boolean, { nullable: true, defaultValue: false })
  @IsOptional()
  @IsBoolean()
  keyLeader?: boolean;

  @Field(() => Classification, {
    nullable: true,
    description: "The outcome, at the year's review.",
  })
  @IsOptional()
  @IsEnum(Classification)
  outcome?: Classification | null;
}

@ArgsType()
class SheetArgs {
  @Field(() => ID)
  cellId!: string;

  @Field(() => Int)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;
}

@ArgsType()
class SetReviewsArgs extends SheetArgs {
  @Field(() => [ReviewEntryInput])
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  entries!: ReviewEntryInput[];

  @Field(() => Classification, { nullable: true, description: "The cell's own classification." })
  @IsOptional()
  @IsEnum(Classification)
  unitClassification?: Classification;
}

@ArgsType()
class SetCommitmentsArgs extends SheetArgs {
  @Field(() => [CommitmentEntryInput])
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  entries!: CommitmentEntryInput[];
}

@ArgsType()
class SummaryArgs {
  @Field(() => ID)
  unitId!: string;

  @Field(() => Int)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;
}

// ─────────────── service ───────────────

/** Members with a primary assignment in the cell at any time of the year. */
async function membersOfYear(db: Tx | Context["prisma"], cellId: number, year: number) {
  const { from, to } = yearPeriod(year);
  const rows = await db.memberAssignment.findMany({
    where: {
      unitId: cellId,
      temporary: false,
      validFrom: { lt: dateFromIso(to) },
      OR: [{ validTo: null }, { validTo: { gt: dateFromIso(from) } }],
    },
    select: { member: { select: { id: true, fullName: true, nameSearch: true } } },
  });
  const unique = new Map(rows.map((r) => [r.member.id, r.member]));
  return [...unique.values()].sort(
    (a, b) => a.nameSearch.localeCompare(b.nameSearch) || a.id - b.id,
  );
}

async function writableCell(ctx: Context, tx: Tx, cellId: number) {
  const cell = await tx.orgUnit.findFirst({
    where: and<Prisma.OrgUnitWhereInput>({ id: cellId }, unitScope(ctx)),
  });
  if (!cell) throw forbidden("You may review only cells of your own unit");
  return cell;
}

export async function reviewSheet(
  ctx: Context,
  cellId: number,
  year: number,
): Promise<ReviewSheet> {
  await assertUnitVisible(ctx, cellId);
  const members = await membersOfYear(ctx.prisma, cellId, year);
  const ids = members.map((m) => m.id);
  const [evaluations, commitments, unitEvaluation] = await Promise.all([
    ctx.prisma.memberEvaluation.findMany({ where: { year, memberId: { in: ids } } }),
    ctx.prisma.exemplaryCommitment.findMany({ where: { year, memberId: { in: ids } } }),
    ctx.prisma.unitEvaluation.findUnique({ where: { unitId_year: { unitId: cellId, year } } }),
  ]);
  const evalOf = new Map(evaluations.map((e) => [e.memberId, e.classification as Classification]));
  const comOf = new Map(commitments.map((c) => [c.memberId, c]));
  return {
    year,
    unitClassification: (unitEvaluation?.classification as Classification | undefined) ?? null,
    rows: members.map((m) => {
      const c = comOf.get(m.id);
      return {
        memberId: m.id,
        fullName: m.fullName,
        classification: evalOf.get(m.id) ?? null,
        committed: Boolean(c),
        keyLeader: c?.keyLeader ?? false,
        commitment: c?.content ?? null,
        commitmentOutcome: (c?.outcome as Classification | null | undefined) ?? null,
      };
    }),
  };
}

function checkMembers(entries: { memberId: string }[], allowed: Set<number>): number[] {
  const seen = new Set<number>();
  return entries.map((e, i) => {
    const id = parseId(e.memberId, `entries.${i}.memberId`);
    if (seen.has(id)) throw badInput(`entries.${i}.memberId`, "One entry per member and year");
    if (!allowed.has(id))
      throw badInput(`entries.${i}.memberId`, "Not a member of this cell in that year");
    seen.add(id);
    return id;
  });
}

export async function setReviews(ctx: Context, args: SetReviewsArgs): Promise<ReviewSheet> {
  const cellId = parseId(args.cellId, "cellId");
  await mutate(ctx, async (tx, audit) => {
    await writableCell(ctx, tx, cellId);
    const allowed = new Set((await membersOfYear(tx, cellId, args.year)).map((m) => m.id));
    const ids = checkMembers(args.entries, allowed);
    const before = new Map(
      (
        await tx.memberEvaluation.findMany({ where: { year: args.year, memberId: { in: ids } } })
      ).map((e) => [e.memberId, e.classification]),
    );
    for (const [i, entry] of args.entries.entries()) {
      const memberId = ids[i]!;
      const previous = before.get(memberId) ?? null;
      const next = entry.classification ?? null;
      if (previous === next) continue;
      if (next === null)
        await tx.memberEvaluation.deleteMany({ where: { memberId, year: args.year } });
      else
        await tx.memberEvaluation.upsert({
          where: { memberId_year: { memberId, year: args.year } },
          create: { memberId, year: args.year, classification: next, unitId: cellId },
          update: { classification: next, unitId: cellId },
        });
      audit({
        operation: "setReviews",
        entity: "MemberEvaluation",
        entityId: `${memberId}:${args.year}`,
        unitId: cellId,
        before: { classification: previous },
        after: { classification: next },
      });
    }
    if (args.unitClassification) {
      const prev = await tx.unitEvaluation.findUnique({
        where: { unitId_year: { unitId: cellId, year: args.year } },
      });
      await tx.unitEvaluation.upsert({
        where: { unitId_year: { unitId: cellId, year: args.year } },
        create: { unitId: cellId, year: args.year, classification: args.unitClassification },
        update: { classification: args.unitClassification },
      });
      audit({
        operation: "setReviews",
        entity: "UnitEvaluation",
        entityId: `${cellId}:${args.year}`,
        unitId: cellId,
        before: { classification: prev?.classification ?? null },
        after: { classification: args.unitClassification },
      });
    }
    audit({
      operation: "setReviews",
      entity: "ReviewSheet",
      entityId: `${cellId}:${args.year}`,
      unitId: cellId,
      after: { entries: args.entries.length },
    });
  });
  return reviewSheet(ctx, cellId, args.year);
}

export async function setCommitments(ctx: Context, args: SetCommitmentsArgs): Promise<ReviewSheet> {
  const cellId = parseId(args.cellId, "cellId");
  await mutate(ctx, async (tx, audit) => {
    await writableCell(ctx, tx, cellId);
    const allowed = new Set((await membersOfYear(tx, cellId, args.year)).map((m) => m.id));
    const ids = checkMembers(args.entries, allowed);
    for (const [i, entry] of args.entries.entries()) {
      const memberId = ids[i]!;
      const previous = await tx.exemplaryCommitment.findUnique({
        where: { memberId_year: { memberId, year: args.year } },
      });
      const data = {
        content: entry.content.trim(),
        keyLeader: entry.keyLeader ?? false,
        outcome: entry.outcome ?? null,
      };
      await tx.exemplaryCommitment.upsert({
        where: { memberId_year: { memberId, year: args.year } },
        create: { memberId, year: args.year, ...data },
        update: data,
      });
      audit({
        operation: "setCommitments",
        entity: "ExemplaryCommitment",
        entityId: `${memberId}:${args.year}`,
        unitId: cellId,
        before: previous,
        after: data,
      });
    }
    audit({
      operation: "setCommitments",
      entity: "ReviewSheet",
      entityId: `${cellId}:${args.year}`,
      unitId: cellId,
      after: { entries: args.entries.length },
    });
  });
  return reviewSheet(ctx, cellId, args.year);
}

/**
 * Per direct subordinate: classifications of the year's reviews and exemplary commitments, in
 * one SQL statement each over the subtree (a member counts for the unit their cell was under on
 * 31 December, or today in the current year).
 */
export async function reviewSummary(
  ctx: Context,
  unitId: number,
  year: number,
): Promise<ReviewSummaryRow[]> {
  const last = `${year}-12-31` < ctx.today ? `${year}-12-31` : ctx.today;
  await getUnit(ctx, unitId, last);
  const rows = await ctx.prisma.$queryRaw<
    {
      id: number;
      name: string;
      excellent: number;
      good: number;
      completed: number;
      not_completed: number;
      commitments: number;
      key_leaders: number;
      members: number;
    }[]
  >`
    WITH groups AS (
      SELECT u.id, u.name, u.name_search, 1 AS ord FROM org_unit_closure c JOIN org_unit u ON u.id = c.descendant_id
      WHERE c.ancestor_id = ${unitId} AND c.depth = 1 AND c.valid_from <= ${last}::date AND (c.valid_to IS NULL OR c.valid_to > ${last}::date)
      UNION ALL SELECT u.id, u.name, u.name_search, 0 FROM org_unit u WHERE u.id = ${unitId}
    ), members AS (
      SELECT g.id AS group_id, a.member_id
      FROM groups g
      JOIN org_unit_closure c ON c.ancestor_id = g.id AND c.valid_from <= ${last}::date AND (c.valid_to IS NULL OR c.valid_to > ${last}::date)
      JOIN member_assignment a ON a.unit_id = c.descendant_id AND NOT a.temporary
       AND a.valid_from <= ${last}::date AND (a.valid_to IS NULL OR a.valid_to > ${last}::date)
    )
    SELECT g.id, g.name,
      COUNT(e.id) FILTER (WHERE e.classification = 'EXCELLENT')::int AS excellent,
      COUNT(e.id) FILTER (WHERE e.classification = 'GOOD')::int AS good,
      COUNT(e.id) FILTER (WHERE e.classification = 'COMPLETED')::int AS completed,
      COUNT(e.id) FILTER (WHERE e.classification = 'NOT_COMPLETED')::int AS not_completed,
      COUNT(x.id)::int AS commitments,
      COUNT(x.id) FILTER (WHERE x.key_leader)::int AS key_leaders,
      COUNT(m.member_id)::int AS members
    FROM groups g
    LEFT JOIN members m ON m.group_id = g.id
    LEFT JOIN member_evaluation e ON e.member_id = m.member_id AND e.year = ${year}
    LEFT JOIN exemplary_commitment x ON x.member_id = m.member_id AND x.year = ${year}
    GROUP BY g.id, g.name, g.name_search, g.ord
    ORDER BY g.ord, g.name_search`;
  return rows.map((r) => ({
    unitId: r.id,
    name: r.name,
    excellent: r.excellent,
    good: r.good,
    completed: r.completed,
    notCompleted: r.not_completed,
    reviewed: r.excellent + r.good + r.completed + r.not_completed,
    commitments: r.commitments,
    keyLeaderCommitments: r.key_leaders,
    members: r.members,
    commitmentPercent: r.members ? Math.round((r.commitments / r.members) * 1000) / 10 : null,
  }));
}

// ─────────────── resolver ───────────────

const REVIEWERS = [Role.ADMIN, Role.STAFF, Role.SECRETARY] as const;

@Resolver()
export class ReviewResolver {
  @Access(ANY_ROLE)
  @Query(() => ReviewSheet, {
    description:
      "A cell's annual review sheet: every member of the year with their classification and exemplary commitment.",
  })
  reviewSheet(@Args(() => SheetArgs) args: SheetArgs, @Ctx() ctx: Context) {
    return reviewSheet(ctx, parseId(args.cellId, "cellId"), args.year);
  }

  @Access(REVIEWERS)
  @Mutation(() => ReviewSheet, {
    description:
      "Enters the year's classifications for a whole cell at once (one per member and year), and the cell's own.",
  })
  setReviews(@Args(() => SetReviewsArgs) args: SetReviewsArgs, @Ctx() ctx: Context) {
    return setReviews(ctx, args);
  }

  @Access(REVIEWERS)
  @Mutation(() => ReviewSheet, {
    description:
      "Registers (or updates) members' exemplary commitments for the year, with the key-leader flag and outcome.",
  })
  setCommitments(@Args(() => SetCommitmentsArgs) args: SetCommitmentsArgs, @Ctx() ctx: Context) {
    return setCommitments(ctx, args);
  }

  @Access(READERS)
  @Query(() => [ReviewSummaryRow], {
    description:
      'The unit (first row) and each direct subordinate: classifications of the year\'s review and exemplary commitments ("88,578 registered including 11,514 key leaders").',
  })
  reviewSummary(@Args(() => SummaryArgs) args: SummaryArgs, @Ctx() ctx: Context) {
    return reviewSummary(ctx, parseId(args.unitId, "unitId"), args.year);
  }
}
