import "reflect-metadata";
import type { CampaignRegistration, EmulationCampaign, OrgUnit } from "@dangbo/db";
import { activeOn, isoFromDate, Role, type IsoDate } from "@dangbo/shared";
import DataLoader from "dataloader";
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
  ObjectType,
  Query,
  Resolver,
  Root,
} from "type-graphql";
import { IsBoolean, IsOptional } from "class-validator";
import { Access, READERS } from "../../graphql/access.ts";
import type { Context } from "../../graphql/context.ts";
import { parseId, parseOptionalId } from "../../graphql/ids.ts";
import type { ConnectionShape } from "../../graphql/pagination.ts";
import { DateScalar } from "../../graphql/scalars.ts";
import { PageArgsInput } from "../committee/committee.input.ts";
import { withAsOf, type UnitRecord } from "../committee/committee.service.ts";
import { OrgUnitType } from "../committee/committee.type.ts";
import {
  CampaignsArgs,
  CampaignSummaryArgs,
  CreateCampaignInput,
  RegisterForCampaignInput,
  RegistrationsArgs,
  UpdateCampaignInput,
  UpdateRegistrationInput,
} from "./campaign.input.ts";
import { campaignSummary } from "./campaign-summary.service.ts";
import {
  createCampaign,
  firstRegistrationPages,
  getCampaign,
  listCampaigns,
  listRegistrations,
  registerForCampaign,
  updateCampaign,
  updateRegistration,
  type ListRegistrationsArgs,
} from "./campaign.service.ts";
import {
  CampaignConnection,
  CampaignEligibleUnit,
  CampaignSummary,
  CampaignType,
  RegistrationConnection,
  RegistrationType,
} from "./campaign.type.ts";

/** Who records campaigns and registrations: administrators and the organisation/propaganda staff. */
export const EMULATION_WRITERS = [Role.ADMIN, Role.STAFF] as const;
/** Who records results and awards: also leaders (standing committees decide awards and review results). */
export const RESULT_WRITERS = [Role.ADMIN, Role.STAFF, Role.LEADER] as const;

@ObjectType({ simpleResolvers: true, description: "Registrations of a campaign in your subtree." })
export class CampaignRegistrationCounts {
  @Field(() => Int, { description: "Projects and tasks registered." })
  registrations!: number;

  @Field(() => Int, { description: "Distinct units that registered." })
  units!: number;

  @Field(() => Int, { description: "Registrations completed." })
  completed!: number;
}

@ArgsType()
class CampaignRegistrationsFieldArgs extends PageArgsInput {
  @Field(() => ID, { nullable: true, description: "Only registrations of this unit's subtree." })
  @IsOptional()
  unitId?: string;

  @Field(() => Boolean, {
    nullable: true,
    description: "true: completed only; false: not completed.",
  })
  @IsOptional()
  @IsBoolean()
  completed?: boolean;
}

/** Per request: the `registrations` field of many campaigns in one batch. */
const registrationPageLoaders = new WeakMap<
  Context,
  DataLoader<
    { campaignId: number; args: Omit<ListRegistrationsArgs, "campaignId"> },
    ConnectionShape<CampaignRegistration>,
    string
  >
>();

function registrationPages(ctx: Context) {
  let loader = registrationPageLoaders.get(ctx);
  if (!loader) {
    loader = new DataLoader(
      async (keys) => {
        const results = new Map<string, ConnectionShape<CampaignRegistration>>();
        const groups = new Map<string, (typeof keys)[number][]>();
        for (const key of keys) {
          const argsKey = JSON.stringify(key.args);
          groups.set(argsKey, [...(groups.get(argsKey) ?? []), key]);
        }
        await Promise.all(
          [...groups].map(async ([argsKey, group]) => {
            const args = group[0]!.args;
            if (!args.after) {
              const pages = await firstRegistrationPages(
                ctx,
                group.map((k) => k.campaignId),
                args,
              );
              for (const [id, page] of pages) results.set(`${id}|${argsKey}`, page);
            } else {
              // A cursor belongs to one campaign's list: these pages are fetched one by one.
              for (const key of group)
                results.set(
                  `${key.campaignId}|${argsKey}`,
                  await listRegistrations(ctx, { ...args, campaignId: key.campaignId }),
                );
            }
          }),
        );
        return keys.map((k) => results.get(`${k.campaignId}|${JSON.stringify(k.args)}`)!);
      },
      { cacheKeyFn: (k) => `${k.campaignId}|${JSON.stringify(k.args)}` },
    );
    registrationPageLoaders.set(ctx, loader);
  }
  return loader;
}

/** The unit as an OrgUnit when the caller may see it, else null (units above or beside the caller's subtree stay hidden). */
export async function visibleUnit(ctx: Context, unitId: number | null): Promise<UnitRecord | null> {
  if (unitId === null || !ctx.viewer) return null;
  const [inScope, unit] = await Promise.all([
    ctx.loaders.emulation.inScope.load({ scope: ctx.viewer.unitId, id: unitId }),
    ctx.loaders.committee.unitById.load(unitId),
  ]);
  return inScope && unit ? withAsOf(unit, ctx.today) : null;
}

async function unitName(ctx: Context, unitId: number | null): Promise<string | null> {
  if (unitId === null) return null;
  const unit: OrgUnit | null = await ctx.loaders.committee.unitById.load(unitId);
  return unit?.name ?? null;
}

@Resolver(() => CampaignType)
export class CampaignResolver {
  @Access(READERS)
  @Query(() => CampaignConnection, {
    description:
      "Emulation campaigns you may see (organised in your subtree, or open to your unit's line), newest first; filtered by the unit they concern, whether they run on asOf, and a date range they overlap.",
  })
  campaigns(@Args(() => CampaignsArgs) args: CampaignsArgs, @Ctx() ctx: Context) {
    return listCampaigns(ctx, {
      ...args,
      unitId: parseOptionalId(args.unitId, "unitId"),
      asOf: args.asOf ?? ctx.today,
    });
  }

  @Access(READERS)
  @Query(() => CampaignType, {
    description:
      "One campaign with its eligible units and registrations. Unknown ids and campaigns that do not concern your subtree give NOT_FOUND.",
  })
  campaign(@Arg("id", () => ID) id: string, @Ctx() ctx: Context): Promise<EmulationCampaign> {
    return getCampaign(ctx, parseId(id));
  }

  @Access(READERS)
  @Query(() => RegistrationConnection, {
    description:
      "Projects and tasks registered for campaigns by units of your subtree, newest first; by campaign, unit (and its subtree, as it is or was) and completion.",
  })
  campaignRegistrations(
    @Args(() => RegistrationsArgs) args: RegistrationsArgs,
    @Ctx() ctx: Context,
  ) {
    return listRegistrations(ctx, {
      ...args,
      campaignId: parseOptionalId(args.campaignId, "campaignId"),
      unitId: parseOptionalId(args.unitId, "unitId"),
      includeSubtree: args.includeSubtree ?? true,
    });
  }

  @Access(READERS)
  @Query(() => CampaignSummary, {
    description:
      "Dashboard panel — registrations and completion of emulation campaigns in a unit's subtree, for the campaigns running in a year or for one campaign: per direct subordinate and per campaign, registrations (projects and tasks) and distinct registering units ('633 units registered 1,337 projects and tasks'), completed / registered, average progress, and the grassroots organisations open to a campaign that have not registered. On the tree of the cut-off date; set-based SQL over the effective-dated closure.",
  })
  campaignSummary(
    @Args(() => CampaignSummaryArgs) args: CampaignSummaryArgs,
    @Ctx() ctx: Context,
  ): Promise<CampaignSummary> {
    return campaignSummary(ctx, {
      unitId: parseId(args.unitId, "unitId"),
      year: args.year ?? null,
      campaignId: parseOptionalId(args.campaignId, "campaignId"),
      asOf: args.asOf ?? ctx.today,
      notRegisteredLimit: args.notRegisteredLimit ?? 100,
    });
  }

  @Access(EMULATION_WRITERS)
  @Mutation(() => CampaignType, {
    description:
      "Creates a campaign organised by a unit of your subtree, open to the given units (default: the organiser) and their subtrees. Errors: BAD_USER_INPUT (period ends before it starts, organiser not existing on startsOn, an eligible unit outside the organiser's subtree, duplicates), FORBIDDEN (organiser outside your subtree).",
  })
  createCampaign(
    @Arg("input", () => CreateCampaignInput) input: CreateCampaignInput,
    @Ctx() ctx: Context,
  ): Promise<EmulationCampaign> {
    return createCampaign(ctx, input);
  }

  @Access(EMULATION_WRITERS)
  @Mutation(() => CampaignType, {
    description:
      "Changes a campaign organised in your subtree (FORBIDDEN otherwise). Registrations already made must stay within the new period and open to their units (BAD_USER_INPUT).",
  })
  updateCampaign(
    @Arg("id", () => ID) id: string,
    @Arg("input", () => UpdateCampaignInput) input: UpdateCampaignInput,
    @Ctx() ctx: Context,
  ): Promise<EmulationCampaign> {
    return updateCampaign(ctx, parseId(id), input);
  }

  @Access(EMULATION_WRITERS)
  @Mutation(() => RegistrationType, {
    description:
      "Registers a project or task of a unit of your subtree for a campaign. Errors: BAD_USER_INPUT (the campaign is not open to the unit — neither it nor a superior is eligible on registeredOn; registeredOn outside the campaign's period or in the future; a unit in charge outside the unit's line), CONFLICT (the same title twice for the unit and campaign), FORBIDDEN (a unit outside your subtree, or a campaign that does not concern you).",
  })
  registerForCampaign(
    @Arg("input", () => RegisterForCampaignInput) input: RegisterForCampaignInput,
    @Ctx() ctx: Context,
  ): Promise<CampaignRegistration> {
    return registerForCampaign(ctx, input);
  }

  @Access(RESULT_WRITERS)
  @Mutation(() => RegistrationType, {
    description:
      "Records a registration's progress, result and completion (leaders too). Completed exactly when completedOn is set, at 100 %, not before the registration and not in the future. FORBIDDEN for registrations outside your subtree.",
  })
  updateRegistration(
    @Arg("id", () => ID) id: string,
    @Arg("input", () => UpdateRegistrationInput) input: UpdateRegistrationInput,
    @Ctx() ctx: Context,
  ): Promise<CampaignRegistration> {
    return updateRegistration(ctx, parseId(id), input);
  }

  @FieldResolver(() => OrgUnitType, {
    nullable: true,
    description: "The organising unit; null when it is above your subtree (see organiserName).",
  })
  organiser(@Root() campaign: EmulationCampaign, @Ctx() ctx: Context): Promise<UnitRecord | null> {
    return visibleUnit(ctx, campaign.organiserUnitId);
  }

  @FieldResolver(() => String, { description: "The organising unit's name." })
  async organiserName(@Root() campaign: EmulationCampaign, @Ctx() ctx: Context): Promise<string> {
    return (await unitName(ctx, campaign.organiserUnitId)) ?? "";
  }

  @FieldResolver(() => [CampaignEligibleUnit], {
    description: "The units it is open to, each with its subtree, by name.",
  })
  eligibleUnits(@Root() campaign: EmulationCampaign, @Ctx() ctx: Context) {
    return ctx.loaders.emulation.eligibilityOf.load(campaign.id);
  }

  @FieldResolver(() => Boolean, {
    description: "Whether it runs on the given day (default: today).",
  })
  active(
    @Root() campaign: EmulationCampaign,
    @Arg("asOf", () => DateScalar, { nullable: true }) asOf: IsoDate | null,
    @Ctx() ctx: Context,
  ): boolean {
    return activeOn(
      { startsOn: isoFromDate(campaign.startsOn), endsOn: isoFromDate(campaign.endsOn) },
      asOf ?? ctx.today,
    );
  }

  @FieldResolver(() => CampaignRegistrationCounts, {
    description: "Registrations by units of your subtree (all time).",
  })
  registrationCounts(@Root() campaign: EmulationCampaign, @Ctx() ctx: Context) {
    return ctx.loaders.emulation.registrationCountsOf.load({
      scope: ctx.viewer?.unitId ?? -1,
      id: campaign.id,
    });
  }

  @FieldResolver(() => RegistrationConnection, {
    description:
      "Registrations by units of your subtree, newest first (batched over a list of campaigns).",
  })
  registrations(
    @Root() campaign: EmulationCampaign,
    @Args(() => CampaignRegistrationsFieldArgs) args: CampaignRegistrationsFieldArgs,
    @Ctx() ctx: Context,
  ) {
    return registrationPages(ctx).load({
      campaignId: campaign.id,
      args: {
        first: args.first ?? null,
        after: args.after ?? null,
        unitId: parseOptionalId(args.unitId, "unitId"),
        includeSubtree: true,
        completed: args.completed ?? null,
      },
    });
  }
}

@Resolver(() => CampaignEligibleUnit)
export class CampaignEligibleUnitResolver {
  @FieldResolver(() => OrgUnitType, {
    nullable: true,
    description: "The unit, when it is in your subtree.",
  })
  unit(@Root() row: CampaignEligibleUnit, @Ctx() ctx: Context): Promise<UnitRecord | null> {
    return visibleUnit(ctx, row.unitId);
  }
}

@Resolver(() => RegistrationType)
export class RegistrationResolver {
  @FieldResolver(() => CampaignType)
  async campaign(
    @Root() registration: CampaignRegistration,
    @Ctx() ctx: Context,
  ): Promise<EmulationCampaign> {
    return (await ctx.loaders.emulation.campaignById.load(registration.campaignId))!;
  }

  @FieldResolver(() => OrgUnitType, { description: "The registering unit." })
  async unit(@Root() registration: CampaignRegistration, @Ctx() ctx: Context): Promise<UnitRecord> {
    return withAsOf((await ctx.loaders.committee.unitById.load(registration.unitId))!, ctx.today);
  }

  @FieldResolver(() => OrgUnitType, {
    nullable: true,
    description: "The unit in charge, when it is in your subtree (see responsibleUnitName).",
  })
  responsibleUnit(
    @Root() registration: CampaignRegistration,
    @Ctx() ctx: Context,
  ): Promise<UnitRecord | null> {
    return visibleUnit(ctx, registration.responsibleUnitId);
  }

  @FieldResolver(() => String, { nullable: true, description: "The unit in charge's name." })
  responsibleUnitName(
    @Root() registration: CampaignRegistration,
    @Ctx() ctx: Context,
  ): Promise<string | null> {
    return unitName(ctx, registration.responsibleUnitId);
  }

  @FieldResolver(() => Boolean, { description: "It has a completion date." })
  completed(@Root() registration: CampaignRegistration): boolean {
    return registration.completedOn !== null;
  }
}
