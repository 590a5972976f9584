import "reflect-metadata";
import type { Member, MemberAssignment, MemberEvent, Prisma } from "@dangbo/db";
import { addDaysIso, dateFromIso, Role, type IsoDate } from "@dangbo/shared";
import { IsInt, IsOptional, Max, Min } from "class-validator";
import {
  Arg,
  Args,
  ArgsType,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from "type-graphql";
import { Access, ANY_ROLE } from "../../graphql/access.ts";
import type { Context } from "../../graphql/context.ts";
import { parseId } from "../../graphql/ids.ts";
import { paginate, pageRequest } from "../../graphql/pagination.ts";
import { DateScalar } from "../../graphql/scalars.ts";
import { and } from "../committee/committee.access.ts";
import { assertUnitVisible, withAsOf, type UnitRecord } from "../committee/committee.service.ts";
import { PageArgsInput } from "../committee/committee.input.ts";
import { OrgUnitType } from "../committee/committee.type.ts";
import { validOn } from "../../lib/period.ts";
import {
  ExtendProbationInput,
  MoveMemberInput,
  RecogniseOfficialInput,
  RecordExitInput,
  TemporaryActivityInput,
  TransferInInput,
} from "./lifecycle.input.ts";
import {
  endTemporaryActivity,
  extendProbation,
  moveMember,
  recogniseOfficial,
  recordExit,
  startTemporaryActivity,
  transferIn,
} from "./lifecycle.service.ts";
import { MemberAssignmentType, MemberEventType } from "./lifecycle.type.ts";
import { maskMember, memberScope } from "./member.access.ts";
import { MemberConnection, MemberType } from "./member.type.ts";

const BOARD = [Role.ADMIN, Role.STAFF] as const;

@ArgsType()
class ProbationDueArgs extends PageArgsInput {
  @Field(() => ID)
  unitId!: string;

  @Field(() => Int, {
    nullable: true,
    defaultValue: 60,
    description: "Probations ending within this many days of asOf (overdue ones included).",
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(400)
  withinDays?: number;

  @Field(() => DateScalar, { nullable: true })
  @IsOptional()
  asOf?: IsoDate;
}

@Resolver(() => MemberType)
export class MemberLifecycleResolver {
  @Access(ANY_ROLE)
  @Query(() => MemberConnection, {
    description:
      "Probationary members of a subtree whose probation ends soon or is overdue, earliest first.",
  })
  async probationDue(@Args(() => ProbationDueArgs) args: ProbationDueArgs, @Ctx() ctx: Context) {
    const unitId = parseId(args.unitId, "unitId");
    await assertUnitVisible(ctx, unitId);
    const asOf = args.asOf ?? ctx.today;
    const where = and<Prisma.MemberWhereInput>(
      memberScope(ctx),
      {
        status: "PROBATIONARY",
        probationEndsOn: { lt: dateFromIso(addDaysIso(asOf, args.withinDays ?? 60)) },
      },
      {
        assignments: {
          some: {
            temporary: false,
            ...validOn(asOf),
            unit: { ancestorLinks: { some: { ancestorId: unitId, ...validOn(asOf) } } },
          },
        },
      },
    );
    const result = await paginate(
      pageRequest(args),
      (p) =>
        ctx.prisma.member.findMany({
          where,
          orderBy: [{ probationEndsOn: "asc" }, { id: "asc" }],
          ...p,
        }),
      () => ctx.prisma.member.count({ where }),
    );
    return { ...result, edges: result.edges.map((e) => ({ ...e, node: maskMember(ctx, e.node) })) };
  }

  @Access(BOARD)
  @Mutation(() => [MemberType], {
    description:
      "Recognises probationary members as official (not before their probation ends), all or nothing.",
  })
  recogniseOfficial(
    @Arg("input", () => RecogniseOfficialInput) input: RecogniseOfficialInput,
    @Ctx() ctx: Context,
  ) {
    return recogniseOfficial(ctx, input);
  }

  @Access(BOARD)
  @Mutation(() => [MemberType], {
    description: "Extends probation (at most 12 months in total), all or nothing.",
  })
  extendProbation(
    @Arg("input", () => ExtendProbationInput) input: ExtendProbationInput,
    @Ctx() ctx: Context,
  ) {
    return extendProbation(ctx, input);
  }

  @Access(BOARD)
  @Mutation(() => [MemberType], {
    description:
      "Records removal (screening out), resignation, transfer out of the province or death; the members leave the counts from that date.",
  })
  recordExit(@Arg("input", () => RecordExitInput) input: RecordExitInput, @Ctx() ctx: Context) {
    return recordExit(ctx, input);
  }

  @Access(BOARD)
  @Mutation(() => MemberType, {
    description: "Moves a member to another cell of the province from a date; the history is kept.",
  })
  moveMember(@Arg("input", () => MoveMemberInput) input: MoveMemberInput, @Ctx() ctx: Context) {
    return moveMember(ctx, input);
  }

  @Access(BOARD)
  @Mutation(() => MemberType, { description: "Records a member arriving from another province." })
  transferIn(@Arg("input", () => TransferInInput) input: TransferInInput, @Ctx() ctx: Context) {
    return transferIn(ctx, input);
  }

  @Access(BOARD)
  @Mutation(() => MemberType, {
    description: "Starts temporary activity in a host cell (not counted in the host's total).",
  })
  startTemporaryActivity(
    @Arg("input", () => TemporaryActivityInput) input: TemporaryActivityInput,
    @Ctx() ctx: Context,
  ) {
    return startTemporaryActivity(ctx, input);
  }

  @Access(BOARD)
  @Mutation(() => MemberType, { description: "Ends temporary activity in a host cell." })
  endTemporaryActivity(
    @Arg("input", () => TemporaryActivityInput) input: TemporaryActivityInput,
    @Ctx() ctx: Context,
  ) {
    return endTemporaryActivity(ctx, input);
  }

  @FieldResolver(() => [MemberEventType], {
    description: "The member's dated changes, oldest first.",
  })
  events(@Root() member: Member, @Ctx() ctx: Context): Promise<MemberEvent[]> {
    return ctx.loaders.member.eventsOf.load(member.id);
  }

  @FieldResolver(() => [MemberAssignmentType], {
    description: "Cells over time (temporary activity included), oldest first.",
  })
  assignments(@Root() member: Member, @Ctx() ctx: Context): Promise<MemberAssignment[]> {
    return ctx.loaders.member.assignmentsOf.load(member.id);
  }

  @FieldResolver(() => Boolean, {
    description: "Completed the political theory course for new members.",
  })
  async theoryCourseCompleted(@Root() member: Member, @Ctx() ctx: Context): Promise<boolean> {
    return ctx.loaders.member.theoryCompleted.load(member.id);
  }

  @FieldResolver(() => Boolean, {
    description:
      "Probationary, probation over, and the theory course not completed: flagged for the committee.",
  })
  async theoryCourseOverdue(@Root() member: Member, @Ctx() ctx: Context): Promise<boolean> {
    if (
      member.status !== "PROBATIONARY" ||
      !member.probationEndsOn ||
      member.probationEndsOn > dateFromIso(ctx.today)
    )
      return false;
    return !(await ctx.loaders.member.theoryCompleted.load(member.id));
  }
}

@Resolver(() => MemberEventType)
export class MemberEventResolver {
  @FieldResolver(() => OrgUnitType, { description: "The member's cell when it happened." })
  async unit(@Root() e: MemberEvent, @Ctx() ctx: Context): Promise<UnitRecord> {
    return withAsOf((await ctx.loaders.committee.unitById.load(e.unitId))!, ctx.today);
  }
}

@Resolver(() => MemberAssignmentType)
export class MemberAssignmentResolver {
  @FieldResolver(() => OrgUnitType)
  async unit(@Root() a: MemberAssignment, @Ctx() ctx: Context): Promise<UnitRecord> {
    return withAsOf((await ctx.loaders.committee.unitById.load(a.unitId))!, ctx.today);
  }
}
