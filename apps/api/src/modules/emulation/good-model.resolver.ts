import "reflect-metadata";
import type { GoodModel } from "@dangbo/db";
import { activeOn, isoFromDate, Sector, type IsoDate } from "@dangbo/shared";
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import { Access, READERS } from "../../graphql/access.ts";
import type { Context } from "../../graphql/context.ts";
import { parseId, parseOptionalId } from "../../graphql/ids.ts";
import { DateScalar } from "../../graphql/scalars.ts";
import { withAsOf, type UnitRecord } from "../committee/committee.service.ts";
import { OrgUnitType } from "../committee/committee.type.ts";
import { EMULATION_WRITERS } from "./campaign.resolver.ts";
import { GoodModelsArgs, RecordGoodModelInput, UpdateGoodModelInput } from "./good-model.input.ts";
import { listGoodModels, recordGoodModel, updateGoodModel } from "./good-model.service.ts";
import { GoodModelConnection, GoodModelType } from "./good-model.type.ts";

@Resolver(() => GoodModelType)
export class GoodModelResolver {
  @Access(READERS)
  @Query(() => GoodModelConnection, {
    description:
      "Good models and breakthroughs of units you may see, newest first: by unit and its subtree (as it is or was), the unit's sector, words of the title (diacritics ignored) and whether they run on asOf.",
  })
  goodModels(@Args(() => GoodModelsArgs) args: GoodModelsArgs, @Ctx() ctx: Context) {
    return listGoodModels(ctx, {
      ...args,
      unitId: parseOptionalId(args.unitId, "unitId"),
      includeSubtree: args.includeSubtree ?? true,
      asOf: args.asOf ?? ctx.today,
    });
  }

  @Access(EMULATION_WRITERS)
  @Mutation(() => GoodModelType, {
    description:
      "Records a good model of a unit of your subtree (FORBIDDEN outside). BAD_USER_INPUT for a blank title or a period that ends before it starts.",
  })
  recordGoodModel(
    @Arg("input", () => RecordGoodModelInput) input: RecordGoodModelInput,
    @Ctx() ctx: Context,
  ): Promise<GoodModel> {
    return recordGoodModel(ctx, input);
  }

  @Access(EMULATION_WRITERS)
  @Mutation(() => GoodModelType, {
    description: "Changes a good model of your subtree: its text, period and results.",
  })
  updateGoodModel(
    @Arg("id", () => ID) id: string,
    @Arg("input", () => UpdateGoodModelInput) input: UpdateGoodModelInput,
    @Ctx() ctx: Context,
  ): Promise<GoodModel> {
    return updateGoodModel(ctx, parseId(id), input);
  }

  @FieldResolver(() => OrgUnitType)
  async unit(@Root() model: GoodModel, @Ctx() ctx: Context): Promise<UnitRecord> {
    return withAsOf((await ctx.loaders.committee.unitById.load(model.unitId))!, ctx.today);
  }

  @FieldResolver(() => Sector, { description: "The sector of the unit that recorded it." })
  async sector(@Root() model: GoodModel, @Ctx() ctx: Context): Promise<Sector> {
    return (await ctx.loaders.committee.unitById.load(model.unitId))!.sector;
  }

  @FieldResolver(() => Boolean, {
    description: "Whether it runs on the given day (default: today).",
  })
  active(
    @Root() model: GoodModel,
    @Arg("asOf", () => DateScalar, { nullable: true }) asOf: IsoDate | null,
    @Ctx() ctx: Context,
  ): boolean {
    return activeOn(
      {
        startsOn: isoFromDate(model.startsOn),
        endsOn: model.endsOn ? isoFromDate(model.endsOn) : null,
      },
      asOf ?? ctx.today,
    );
  }
}
