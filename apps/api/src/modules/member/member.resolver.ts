import "reflect-metadata";
import type { Member } from "@dangbo/db";
import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import { Access, ANY_ROLE } from "../../graphql/access.ts";
import type { Context } from "../../graphql/context.ts";
import { parseId, parseOptionalId } from "../../graphql/ids.ts";
import { OrgUnitType } from "../committee/committee.type.ts";
import { withAsOf, type UnitRecord } from "../committee/committee.service.ts";
import { MembersArgs } from "./member.input.ts";
import { getMember, listMembers } from "./member.service.ts";
import { MemberConnection, MemberType } from "./member.type.ts";

@Resolver(() => MemberType)
export class MemberResolver {
  @Access(ANY_ROLE)
  @Query(() => MemberType, {
    description: "One member by id. Unknown ids and members outside your subtree give NOT_FOUND.",
  })
  member(@Arg("id", () => ID) id: string, @Ctx() ctx: Context): Promise<Member> {
    return getMember(ctx, parseId(id));
  }

  @Access(ANY_ROLE)
  @Query(() => MemberConnection, {
    description: "Members on a date, by unit or subtree, name and status; ordered by name.",
  })
  members(@Args(() => MembersArgs) args: MembersArgs, @Ctx() ctx: Context) {
    return listMembers(ctx, {
      ...args,
      orgUnitId: parseOptionalId(args.orgUnitId, "orgUnitId"),
      includeSubtree: args.includeSubtree ?? true,
      asOf: args.asOf ?? ctx.today,
    });
  }

  @FieldResolver(() => OrgUnitType, {
    description: "The member's cell (now, or the last one for members who left).",
  })
  async unit(@Root() member: Member, @Ctx() ctx: Context): Promise<UnitRecord> {
    const unit = await ctx.loaders.committee.unitById.load(member.unitId);
    return withAsOf(unit!, ctx.today);
  }
}
