import "reflect-metadata";
import type { Award, EmulationCampaign, Member } from "@dangbo/db";
import { awardSpanYears, describeAwardSpan } from "@dangbo/shared";
import {
  Arg,
  Args,
  Ctx,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from "type-graphql";
import { Access, ANY_ROLE, READERS } from "../../graphql/access.ts";
import type { Context } from "../../graphql/context.ts";
import { parseId, parseOptionalId } from "../../graphql/ids.ts";
import type { UnitRecord } from "../committee/committee.service.ts";
import { OrgUnitType } from "../committee/committee.type.ts";
import { maskMember } from "../member/member.access.ts";
import { MemberType } from "../member/member.type.ts";
import { AwardsArgs, AwardSummaryArgs, RecordAwardInput } from "./award.input.ts";
import { awardSummary, deleteAward, getAward, listAwards, recordAward } from "./award.service.ts";
import { AwardConnection, AwardSummary, AwardType } from "./award.type.ts";
import { RESULT_WRITERS, visibleUnit } from "./campaign.resolver.ts";
import { CampaignType } from "./campaign.type.ts";

@Resolver(() => AwardType)
export class AwardResolver {
  @Access(ANY_ROLE)
  @Query(() => AwardConnection, {
    description:
      "Awards you may see (to units of your subtree and to members you may see), newest first: by unit (and its subtree), member, kind, recipient and year (awards covering it: yearFrom ≤ year ≤ yearTo).",
  })
  awards(@Args(() => AwardsArgs) args: AwardsArgs, @Ctx() ctx: Context) {
    return listAwards(ctx, {
      ...args,
      unitId: parseOptionalId(args.unitId, "unitId"),
      memberId: parseOptionalId(args.memberId, "memberId"),
      includeSubtree: args.includeSubtree ?? true,
    });
  }

  @Access(READERS)
  @Query(() => AwardSummary, {
    description:
      "Dashboard panel — awards of a year in a unit's subtree, by kind and by direct subordinate (flags, certificates, titles; to units and to members). An award for several consecutive years counts in each year it covers. On the tree of the year (set-based SQL over the effective-dated closure).",
  })
  awardSummary(
    @Args(() => AwardSummaryArgs) args: AwardSummaryArgs,
    @Ctx() ctx: Context,
  ): Promise<AwardSummary> {
    return awardSummary(ctx, parseId(args.unitId, "unitId"), args.year, args.asOf ?? ctx.today);
  }

  @Access(RESULT_WRITERS)
  @Mutation(() => AwardType, {
    description:
      "Records an award (leaders too: standing committees decide them). Errors: BAD_USER_INPUT (years reversed or more than 10, decided before the last year covered or in the future, no or two recipients, a flag to a member, a unit that did not exist or a person not yet a member in those years), CONFLICT (the same decision for the same recipient twice), FORBIDDEN (a recipient outside your subtree).",
  })
  recordAward(
    @Arg("input", () => RecordAwardInput) input: RecordAwardInput,
    @Ctx() ctx: Context,
  ): Promise<Award> {
    return recordAward(ctx, input);
  }

  @Access(ANY_ROLE)
  @Query(() => AwardType, {
    description: "One award. Unknown ids and awards outside your subtree give NOT_FOUND.",
  })
  award(@Arg("id", () => ID) id: string, @Ctx() ctx: Context): Promise<Award> {
    return getAward(ctx, parseId(id, "id"));
  }

  @Access(RESULT_WRITERS)
  @Mutation(() => Boolean, {
    description:
      "Removes an award recorded by mistake; the audit log keeps it with the reason. Errors: BAD_USER_INPUT on `reason` (blank, over 500 characters), FORBIDDEN (an award outside your subtree or unknown).",
  })
  deleteAward(
    @Arg("id", () => ID) id: string,
    @Arg("reason", () => String) reason: string,
    @Ctx() ctx: Context,
  ): Promise<boolean> {
    return deleteAward(ctx, parseId(id, "id"), reason);
  }

  @FieldResolver(() => Int, { description: "Number of consecutive years covered (2020–2024: 5)." })
  years(@Root() award: Award): number {
    return awardSpanYears(award.yearFrom, award.yearTo);
  }

  @FieldResolver(() => String, {
    description: "The years in words: 2024, or 2020–2024 (5 consecutive years).",
  })
  span(@Root() award: Award): string {
    return describeAwardSpan(award.yearFrom, award.yearTo);
  }

  @FieldResolver(() => OrgUnitType, {
    nullable: true,
    description: "The unit awarded (null for a member).",
  })
  unit(@Root() award: Award, @Ctx() ctx: Context): Promise<UnitRecord | null> {
    return visibleUnit(ctx, award.unitId);
  }

  @FieldResolver(() => MemberType, {
    nullable: true,
    description: "The member awarded (null for a unit).",
  })
  async member(@Root() award: Award, @Ctx() ctx: Context): Promise<Member | null> {
    if (award.memberId === null) return null;
    const member = await ctx.loaders.member.memberById.load(award.memberId);
    return member ? maskMember(ctx, member) : null;
  }

  @FieldResolver(() => String, { description: "The unit's name or the member's full name." })
  async recipientName(@Root() award: Award, @Ctx() ctx: Context): Promise<string> {
    if (award.unitId !== null)
      return (await ctx.loaders.committee.unitById.load(award.unitId))?.name ?? "";
    return (await ctx.loaders.member.memberById.load(award.memberId!))?.fullName ?? "";
  }

  @FieldResolver(() => CampaignType, {
    nullable: true,
    description: "The campaign it crowns, when there is one you may see.",
  })
  async campaign(@Root() award: Award, @Ctx() ctx: Context): Promise<EmulationCampaign | null> {
    if (award.campaignId === null || !ctx.viewer) return null;
    const [visible, campaign] = await Promise.all([
      ctx.loaders.emulation.campaignVisible.load({
        scope: ctx.viewer.unitId,
        id: award.campaignId,
      }),
      ctx.loaders.emulation.campaignById.load(award.campaignId),
    ]);
    return visible ? campaign : null;
  }
}

@Resolver(() => OrgUnitType)
export class OrgUnitAwardsResolver {
  @FieldResolver(() => [AwardType], {
    description: "The unit's own awards (not its members'), newest first.",
  })
  awards(@Root() unit: UnitRecord, @Ctx() ctx: Context): Promise<Award[]> {
    return ctx.loaders.emulation.awardsOfUnit.load({
      scope: ctx.viewer?.unitId ?? -1,
      id: unit.id,
    });
  }
}

@Resolver(() => MemberType)
export class MemberAwardsResolver {
  @FieldResolver(() => [AwardType], { description: "The member's awards, newest first." })
  awards(@Root() member: Member, @Ctx() ctx: Context): Promise<Award[]> {
    return ctx.loaders.emulation.awardsOfMember.load({
      scope: ctx.viewer?.unitId ?? -1,
      id: member.id,
    });
  }
}
