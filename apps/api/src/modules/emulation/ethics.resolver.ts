import "reflect-metadata";
import type { EthicalStandard } from "@dangbo/db";
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import { Access, ANY_ROLE, READERS } from "../../graphql/access.ts";
import type { Context } from "../../graphql/context.ts";
import { parseId, parseOptionalId } from "../../graphql/ids.ts";
import { withAsOf, type UnitRecord } from "../committee/committee.service.ts";
import { OrgUnitType } from "../committee/committee.type.ts";
import { EMULATION_WRITERS } from "./campaign.resolver.ts";
import {
  EthicalStandardCountsArgs,
  EthicalStandardsArgs,
  RecordEthicalStandardInput,
  UpdateEthicalStandardInput,
} from "./ethics.input.ts";
import {
  ethicalStandardCounts,
  listEthicalStandards,
  recordEthicalStandard,
  updateEthicalStandard,
} from "./ethics.service.ts";
import {
  EthicalStandardConnection,
  EthicalStandardCounts,
  EthicalStandardType,
} from "./ethics.type.ts";

@Resolver(() => EthicalStandardType)
export class EthicalStandardResolver {
  @Access(ANY_ROLE)
  @Query(() => EthicalStandardConnection, {
    description:
      "Ethical standards of units you may see (a secretary: their own cell's), newest first; by unit and its subtree (as it is or was).",
  })
  ethicalStandards(
    @Args(() => EthicalStandardsArgs) args: EthicalStandardsArgs,
    @Ctx() ctx: Context,
  ) {
    return listEthicalStandards(ctx, {
      ...args,
      unitId: parseOptionalId(args.unitId, "unitId"),
      includeSubtree: args.includeSubtree ?? true,
    });
  }

  @Access(READERS)
  @Query(() => EthicalStandardCounts, {
    description:
      "Ethical standards and action slogans per direct subordinate of a unit on a date ('3,260 ethical standards'), with how many grassroots organisations have defined theirs. One SQL aggregate over the effective-dated closure.",
  })
  ethicalStandardCounts(
    @Args(() => EthicalStandardCountsArgs) args: EthicalStandardCountsArgs,
    @Ctx() ctx: Context,
  ): Promise<EthicalStandardCounts> {
    return ethicalStandardCounts(ctx, parseId(args.unitId, "unitId"), args.asOf ?? ctx.today);
  }

  @Access(EMULATION_WRITERS)
  @Mutation(() => EthicalStandardType, {
    description:
      "Records a unit's ethical standard and its action slogans. BAD_USER_INPUT for blank text, repeated slogans or a unit that no longer exists; FORBIDDEN outside your subtree.",
  })
  recordEthicalStandard(
    @Arg("input", () => RecordEthicalStandardInput) input: RecordEthicalStandardInput,
    @Ctx() ctx: Context,
  ): Promise<EthicalStandard> {
    return recordEthicalStandard(ctx, input);
  }

  @Access(EMULATION_WRITERS)
  @Mutation(() => EthicalStandardType, {
    description:
      "Changes a standard's text and/or replaces its slogans. FORBIDDEN outside your subtree.",
  })
  updateEthicalStandard(
    @Arg("id", () => ID) id: string,
    @Arg("input", () => UpdateEthicalStandardInput) input: UpdateEthicalStandardInput,
    @Ctx() ctx: Context,
  ): Promise<EthicalStandard> {
    return updateEthicalStandard(ctx, parseId(id), input);
  }

  @FieldResolver(() => [String], { description: "The action slogans derived from it, in order." })
  async slogans(@Root() standard: EthicalStandard, @Ctx() ctx: Context): Promise<string[]> {
    return (await ctx.loaders.emulation.slogansOf.load(standard.id)).map((s) => s.text);
  }

  @FieldResolver(() => OrgUnitType)
  async unit(@Root() standard: EthicalStandard, @Ctx() ctx: Context): Promise<UnitRecord> {
    return withAsOf((await ctx.loaders.committee.unitById.load(standard.unitId))!, ctx.today);
  }
}
