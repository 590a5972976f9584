import "reflect-metadata";
import type { IsoDate } from "@dangbo/shared";
import {
  Arg,
  Args,
  Ctx,
  Extensions,
  FieldResolver,
  ID,
  Int,
  Query,
  Resolver,
  Root,
} from "type-graphql";
import { Access, ANY_ROLE } from "../../graphql/access.ts";
import type { Context } from "../../graphql/context.ts";
import { parseId, parseOptionalId } from "../../graphql/ids.ts";
import { DateScalar } from "../../graphql/scalars.ts";
import { OrgUnitsArgs } from "./committee.input.ts";
import {
  cutAboveScope,
  getUnit,
  listUnits,
  rootUnits,
  withAsOf,
  type UnitRecord,
} from "./committee.service.ts";
import { MemberCounts, OrgUnitConnection, OrgUnitType } from "./committee.type.ts";

@Resolver(() => OrgUnitType)
export class CommitteeResolver {
  @Access(ANY_ROLE)
  @Query(() => OrgUnitType, {
    description: "One unit by id. Unknown ids and units outside your subtree give NOT_FOUND.",
  })
  orgUnit(
    @Arg("id", () => ID) id: string,
    @Arg("asOf", () => DateScalar, { nullable: true, description: "Default: today." })
    asOf: IsoDate | null,
    @Ctx() ctx: Context,
  ): Promise<UnitRecord> {
    return getUnit(ctx, parseId(id), asOf ?? ctx.today);
  }

  @Access(ANY_ROLE)
  @Query(() => OrgUnitConnection, {
    description:
      "Units that exist on `asOf`, filtered by parent, kind and name, ordered by kind then name.",
  })
  orgUnits(@Args(() => OrgUnitsArgs) args: OrgUnitsArgs, @Ctx() ctx: Context) {
    return listUnits(ctx, {
      ...args,
      parentId: parseOptionalId(args.parentId, "parentId"),
      asOf: args.asOf ?? ctx.today,
    });
  }

  @Access(ANY_ROLE)
  @Extensions({ listSize: 1 })
  @Query(() => [OrgUnitType], { description: "Where the tree starts for you: your own unit." })
  rootUnits(
    @Arg("asOf", () => DateScalar, { nullable: true }) asOf: IsoDate | null,
    @Ctx() ctx: Context,
  ): Promise<UnitRecord[]> {
    return rootUnits(ctx, asOf ?? ctx.today);
  }

  @FieldResolver(() => OrgUnitType, { nullable: true, description: "The parent on `asOf`." })
  async parent(@Root() unit: UnitRecord, @Ctx() ctx: Context): Promise<UnitRecord | null> {
    if (!ctx.viewer || ctx.viewer.unitId === unit.id) return null;
    const parent = await ctx.loaders.committee.parentOf.load({ id: unit.id, asOf: unit.asOf });
    return parent ? withAsOf(parent, unit.asOf) : null;
  }

  @FieldResolver(() => [OrgUnitType], {
    description: "Direct subordinates on `asOf`, by kind then name.",
  })
  async children(@Root() unit: UnitRecord, @Ctx() ctx: Context): Promise<UnitRecord[]> {
    const children = await ctx.loaders.committee.childrenOf.load({ id: unit.id, asOf: unit.asOf });
    return children.map((c) => withAsOf(c, unit.asOf));
  }

  @FieldResolver(() => Int, { description: "Number of direct subordinates on `asOf`." })
  childCount(@Root() unit: UnitRecord, @Ctx() ctx: Context): Promise<number> {
    return ctx.loaders.committee.childCountOf.load({ id: unit.id, asOf: unit.asOf });
  }

  @FieldResolver(() => [OrgUnitType], {
    description:
      "The chain of superior units on `asOf`, from the top you may see down to the direct parent.",
  })
  async ancestors(@Root() unit: UnitRecord, @Ctx() ctx: Context): Promise<UnitRecord[]> {
    const chain = await ctx.loaders.committee.ancestorsOf.load({ id: unit.id, asOf: unit.asOf });
    return cutAboveScope(ctx, chain).map((u) => withAsOf(u, unit.asOf));
  }

  @FieldResolver(() => MemberCounts, { description: "Members of the whole subtree on `asOf`." })
  memberCounts(@Root() unit: UnitRecord, @Ctx() ctx: Context): Promise<MemberCounts> {
    return ctx.loaders.committee.memberCountsOf.load({ id: unit.id, asOf: unit.asOf });
  }
}
