import "reflect-metadata";
import type { Prisma, TrainingClass } from "@dangbo/db";
import { dateFromIso, isIsoDate, Role, TrainingKind, type IsoDate } from "@dangbo/shared";
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsEnum,
  IsInt,
  IsOptional,
  Length,
  Max,
  Min,
} from "class-validator";
import {
  Arg,
  Args,
  ArgsType,
  Ctx,
  Field,
  FieldResolver,
  ID,
  InputType,
  Int,
  Mutation,
  ObjectType,
  Query,
  registerEnumType,
  Resolver,
  Root,
} from "type-graphql";
import { Access, ANY_ROLE } from "../../graphql/access.ts";
import type { Context } from "../../graphql/context.ts";
import { badInput, forbidden } from "../../graphql/errors.ts";
import { parseId } from "../../graphql/ids.ts";
import { Connection, paginate, pageRequest } from "../../graphql/pagination.ts";
import { DateScalar } from "../../graphql/scalars.ts";
import { mutate } from "../audit/audit.service.ts";
import { and, unitScope } from "../committee/committee.access.ts";
import { assertUnitVisible, withAsOf, type UnitRecord } from "../committee/committee.service.ts";
import { PageArgsInput } from "../committee/committee.input.ts";
import { OrgUnitType } from "../committee/committee.type.ts";

registerEnumType(TrainingKind, {
  name: "TrainingKind",
  valuesConfig: {
    AWARENESS_CLASS: { description: "Party-awareness class for outstanding persons (candidates)." },
    NEW_MEMBER_THEORY: {
      description: "Political theory course for new members (during probation).",
    },
    CADRE_TRAINING: { description: "Training course on party building for cadres." },
  },
});

@ObjectType("TrainingClass")
export class TrainingClassType {
  @Field(() => ID)
  id!: number;

  @Field(() => TrainingKind)
  kind!: TrainingKind;

  @Field(() => String)
  name!: string;

  @Field(() => DateScalar)
  startsOn!: Date;

  @Field(() => DateScalar, { nullable: true })
  endsOn!: Date | null;

  organiserUnitId!: number;
}

@ObjectType("TrainingClassConnection")
class TrainingClassConnection extends Connection(TrainingClassType, "TrainingClass") {}

@ObjectType({ simpleResolvers: true })
class EnrolmentCounts {
  @Field(() => Int)
  enrolled!: number;

  @Field(() => Int)
  completed!: number;
}

@InputType()
class CreateTrainingClassInput {
  @Field(() => TrainingKind)
  @IsEnum(TrainingKind)
  kind!: TrainingKind;

  @Field(() => String)
  @Length(2, 300)
  name!: string;

  @Field(() => ID)
  organiserUnitId!: string;

  @Field(() => DateScalar)
  startsOn!: IsoDate;

  @Field(() => DateScalar, { nullable: true })
  @IsOptional()
  endsOn?: IsoDate;
}

@InputType({
  description:
    "Members (theory courses, cadre training) or candidates (awareness classes) to enrol.",
})
class EnrolInput {
  @Field(() => ID)
  classId!: string;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(1000)
  memberIds?: string[];

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(1000)
  candidateIds?: string[];
}

@InputType()
class CompletionInput {
  @Field(() => ID)
  classId!: string;

  @Field(() => [ID], { description: "Members who completed the course." })
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  memberIds!: string[];

  @Field(() => DateScalar)
  completedOn!: IsoDate;
}

@ArgsType()
class TrainingClassesArgs extends PageArgsInput {
  @Field(() => ID, { description: "Classes organised in this unit's subtree." })
  unitId!: string;

  @Field(() => TrainingKind, { nullable: true })
  @IsOptional()
  @IsEnum(TrainingKind)
  kind?: TrainingKind;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;
}

const BOARD = [Role.ADMIN, Role.STAFF] as const;

async function writableClass(ctx: Context, tx: Prisma.TransactionClient, id: number) {
  const cls = await tx.trainingClass.findFirst({ where: { id, organiser: unitScope(ctx) } });
  if (!cls) throw forbidden("You may manage only classes organised in your own unit");
  return cls;
}

@Resolver(() => TrainingClassType)
export class TrainingResolver {
  @Access(ANY_ROLE)
  @Query(() => TrainingClassConnection, {
    description:
      "Party-awareness classes, theory courses for new members and cadre training organised in a subtree, newest first.",
  })
  async trainingClasses(
    @Args(() => TrainingClassesArgs) args: TrainingClassesArgs,
    @Ctx() ctx: Context,
  ) {
    const unitId = parseId(args.unitId, "unitId");
    await assertUnitVisible(ctx, unitId);
    const where = and<Prisma.TrainingClassWhereInput>(
      { organiser: { AND: [unitScope(ctx), { ancestorLinks: { some: { ancestorId: unitId } } }] } },
      args.kind && { kind: args.kind },
      args.year != null && {
        startsOn: {
          gte: dateFromIso(`${args.year}-01-01`),
          lt: dateFromIso(`${args.year + 1}-01-01`),
        },
      },
    );
    return paginate(
      pageRequest(args),
      (p) =>
        ctx.prisma.trainingClass.findMany({
          where,
          orderBy: [{ startsOn: "desc" }, { id: "desc" }],
          ...p,
        }),
      () => ctx.prisma.trainingClass.count({ where }),
    );
  }

  @Access(BOARD)
  @Mutation(() => TrainingClassType)
  createTrainingClass(
    @Arg("input", () => CreateTrainingClassInput) input: CreateTrainingClassInput,
    @Ctx() ctx: Context,
  ): Promise<TrainingClass> {
    const unitId = parseId(input.organiserUnitId, "organiserUnitId");
    if (!isIsoDate(input.startsOn)) throw badInput("startsOn", "startsOn must be a date");
    if (input.endsOn && input.endsOn < input.startsOn)
      throw badInput("endsOn", "The class cannot end before it starts");
    return mutate(ctx, async (tx, audit) => {
      const unit = await tx.orgUnit.findFirst({
        where: and<Prisma.OrgUnitWhereInput>({ id: unitId }, unitScope(ctx)),
      });
      if (!unit) throw forbidden("You may organise classes only in your own unit");
      const cls = await tx.trainingClass.create({
        data: {
          kind: input.kind,
          name: input.name.trim(),
          organiserUnitId: unitId,
          startsOn: dateFromIso(input.startsOn),
          endsOn: input.endsOn ? dateFromIso(input.endsOn) : null,
        },
      });
      audit({
        operation: "createTrainingClass",
        entity: "TrainingClass",
        entityId: cls.id,
        unitId,
        after: cls,
      });
      return cls;
    });
  }

  @Access(BOARD)
  @Mutation(() => EnrolmentCounts, {
    description:
      "Enrols members or candidates of your subtree (candidates only in awareness classes, members in the others).",
  })
  enrolInTraining(@Arg("input", () => EnrolInput) input: EnrolInput, @Ctx() ctx: Context) {
    const classId = parseId(input.classId, "classId");
    const memberIds = (input.memberIds ?? []).map((id, i) => parseId(id, `memberIds.${i}`));
    const candidateIds = (input.candidateIds ?? []).map((id, i) =>
      parseId(id, `candidateIds.${i}`),
    );
    if (memberIds.length + candidateIds.length === 0)
      throw badInput("memberIds", "Enrol at least one person");
    return mutate(ctx, async (tx, audit) => {
      const cls = await writableClass(ctx, tx, classId);
      if (cls.kind === "AWARENESS_CLASS" && memberIds.length)
        throw badInput("memberIds", "Awareness classes are for candidates");
      if (cls.kind !== "AWARENESS_CLASS" && candidateIds.length)
        throw badInput("candidateIds", "Only awareness classes take candidates");
      const members = await tx.member.count({
        where: { id: { in: memberIds }, assignments: { some: { unit: unitScope(ctx) } } },
      });
      const candidates = await tx.candidate.count({
        where: { id: { in: candidateIds }, unit: unitScope(ctx) },
      });
      if (members !== new Set(memberIds).size || candidates !== new Set(candidateIds).size)
        throw forbidden("You may enrol only people of your own unit");
      const existing = await tx.trainingEnrolment.findMany({
        where: {
          classId,
          OR: [{ memberId: { in: memberIds } }, { candidateId: { in: candidateIds } }],
        },
      });
      const haveM = new Set(existing.map((e) => e.memberId));
      const haveC = new Set(existing.map((e) => e.candidateId));
      const data = [
        ...[...new Set(memberIds)]
          .filter((id) => !haveM.has(id))
          .map((memberId) => ({ classId, memberId })),
        ...[...new Set(candidateIds)]
          .filter((id) => !haveC.has(id))
          .map((candidateId) => ({ classId, candidateId })),
      ];
      await tx.trainingEnrolment.createMany({ data });
      audit({
        operation: "enrolInTraining",
        entity: "TrainingClass",
        entityId: classId,
        unitId: cls.organiserUnitId,
        after: { added: data.length },
      });
      return {
        enrolled: await tx.trainingEnrolment.count({ where: { classId } }),
        completed: await tx.trainingEnrolment.count({ where: { classId, completed: true } }),
      };
    });
  }

  @Access(BOARD)
  @Mutation(() => EnrolmentCounts, {
    description: "Records members' completion of a course (enrolling them if needed).",
  })
  recordTrainingCompletion(
    @Arg("input", () => CompletionInput) input: CompletionInput,
    @Ctx() ctx: Context,
  ) {
    const classId = parseId(input.classId, "classId");
    const memberIds = input.memberIds.map((id, i) => parseId(id, `memberIds.${i}`));
    if (!isIsoDate(input.completedOn)) throw badInput("completedOn", "completedOn must be a date");
    if (input.completedOn > ctx.today)
      throw badInput("completedOn", "completedOn cannot be in the future");
    return mutate(ctx, async (tx, audit) => {
      const cls = await writableClass(ctx, tx, classId);
      if (cls.kind === "AWARENESS_CLASS")
        throw badInput(
          "classId",
          "Candidates' attendance is recorded on their pipeline (advanceCandidate)",
        );
      const count = await tx.member.count({
        where: { id: { in: memberIds }, assignments: { some: { unit: unitScope(ctx) } } },
      });
      if (count !== new Set(memberIds).size)
        throw forbidden("You may record only people of your own unit");
      for (const memberId of new Set(memberIds)) {
        const found = await tx.trainingEnrolment.findFirst({ where: { classId, memberId } });
        if (found)
          await tx.trainingEnrolment.update({
            where: { id: found.id },
            data: { completed: true, completedOn: dateFromIso(input.completedOn) },
          });
        else
          await tx.trainingEnrolment.create({
            data: {
              classId,
              memberId,
              completed: true,
              completedOn: dateFromIso(input.completedOn),
            },
          });
      }
      audit({
        operation: "recordTrainingCompletion",
        entity: "TrainingClass",
        entityId: classId,
        unitId: cls.organiserUnitId,
        after: { members: memberIds.length, completedOn: input.completedOn },
      });
      return {
        enrolled: await tx.trainingEnrolment.count({ where: { classId } }),
        completed: await tx.trainingEnrolment.count({ where: { classId, completed: true } }),
      };
    });
  }

  @FieldResolver(() => OrgUnitType)
  async organiser(@Root() cls: TrainingClass, @Ctx() ctx: Context): Promise<UnitRecord> {
    return withAsOf((await ctx.loaders.committee.unitById.load(cls.organiserUnitId))!, ctx.today);
  }

  @FieldResolver(() => EnrolmentCounts)
  async enrolments(@Root() cls: TrainingClass, @Ctx() ctx: Context) {
    return ctx.loaders.training.countsOf.load(cls.id);
  }
}
