import "reflect-metadata";
import type { Candidate, CandidateStageEvent } from "@dangbo/db";
import { Role } from "@dangbo/shared";
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import { Access, ANY_ROLE } from "../../graphql/access.ts";
import type { Context } from "../../graphql/context.ts";
import { parseId, parseOptionalId } from "../../graphql/ids.ts";
import { withAsOf, type UnitRecord } from "../committee/committee.service.ts";
import { OrgUnitType } from "../committee/committee.type.ts";
import {
  AdvanceCandidateInput,
  CandidatesArgs,
  RegisterCandidateInput,
} from "./candidate.input.ts";
import {
  advanceCandidate,
  getCandidate,
  listCandidates,
  registerCandidate,
  stageCounts,
} from "./candidate.service.ts";
import {
  CandidateConnection,
  CandidateStageEventType,
  CandidateType,
  StageCount,
} from "./candidate.type.ts";

const DEVELOPERS = [Role.ADMIN, Role.STAFF, Role.SECRETARY] as const;

@Resolver(() => CandidateType)
export class CandidateResolver {
  @Access(ANY_ROLE)
  @Query(() => CandidateType, {
    description: "One candidate. Unknown ids and candidates outside your subtree give NOT_FOUND.",
  })
  candidate(@Arg("id", () => ID) id: string, @Ctx() ctx: Context): Promise<Candidate> {
    return getCandidate(ctx, parseId(id));
  }

  @Access(ANY_ROLE)
  @Query(() => CandidateConnection, {
    description:
      "Candidates (outstanding persons) by unit, stage, name and registration date; latest step first.",
  })
  candidates(@Args(() => CandidatesArgs) args: CandidatesArgs, @Ctx() ctx: Context) {
    return listCandidates(ctx, {
      ...args,
      unitId: parseOptionalId(args.unitId, "unitId"),
      includeSubtree: args.includeSubtree ?? true,
    });
  }

  @Access(ANY_ROLE)
  @Query(() => [StageCount], {
    description: "Candidates per stage in a unit's subtree (the board view's columns).",
  })
  candidateStageCounts(@Arg("unitId", () => ID) unitId: string, @Ctx() ctx: Context) {
    return stageCounts(ctx, parseId(unitId, "unitId"));
  }

  @Access(DEVELOPERS)
  @Mutation(() => CandidateType, { description: "Registers an outstanding person under a cell." })
  registerCandidate(
    @Arg("input", () => RegisterCandidateInput) input: RegisterCandidateInput,
    @Ctx() ctx: Context,
  ): Promise<Candidate> {
    return registerCandidate(ctx, input);
  }

  @Access(DEVELOPERS)
  @Mutation(() => CandidateType, {
    description:
      "Records the next stage (no skipping, never dated before the previous one), or ends the development (REJECTED / WITHDRAWN with a reason). ADMITTED (decision number required) creates the probationary member. Classes, verification and admission are recorded by ADMIN/STAFF; a cell's secretary registers, proposes, rejects or withdraws.",
  })
  advanceCandidate(
    @Arg("input", () => AdvanceCandidateInput) input: AdvanceCandidateInput,
    @Ctx() ctx: Context,
  ): Promise<Candidate> {
    return advanceCandidate(ctx, input);
  }

  @FieldResolver(() => OrgUnitType, { description: "The cell developing the candidate." })
  async cell(@Root() c: Candidate, @Ctx() ctx: Context): Promise<UnitRecord> {
    return withAsOf((await ctx.loaders.committee.unitById.load(c.unitId))!, ctx.today);
  }

  @FieldResolver(() => [CandidateStageEventType], { description: "Every step, oldest first." })
  async events(@Root() c: Candidate, @Ctx() ctx: Context) {
    const events = await ctx.loaders.candidate.eventsOf.load(c.id);
    return events.map((e: CandidateStageEvent & { recordedBy: { username: string } | null }) => ({
      ...e,
      recordedBy: e.recordedBy?.username ?? null,
    }));
  }
}
