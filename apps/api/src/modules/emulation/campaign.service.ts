import { Prisma, type CampaignRegistration, type EmulationCampaign } from "@dangbo/db";
import {
  dateFromIso,
  foldVietnamese,
  isoFromDate,
  periodProblem,
  registrationProblem,
  registrationStateProblem,
  type IsoDate,
  type RegistrationProblem,
  type RegistrationStateProblem,
} from "@dangbo/shared";
import type { Context } from "../../graphql/context.ts";
import { badInput, conflict, forbidden, notFound } from "../../graphql/errors.ts";
import { parseId, parseOptionalId } from "../../graphql/ids.ts";
import {
  encodeCursor,
  paginate,
  pageRequest,
  type ConnectionShape,
  type PageArgs,
} from "../../graphql/pagination.ts";
import { mutate, type Tx } from "../audit/audit.service.ts";
import { and } from "../committee/committee.access.ts";
import { assertUnitVisible } from "../committee/committee.service.ts";
import type {
  CreateCampaignInput,
  RegisterForCampaignInput,
  UpdateCampaignInput,
  UpdateRegistrationInput,
} from "./campaign.input.ts";
import {
  campaignScope,
  campaignsOf,
  everInSubtree,
  registrationScope,
} from "./emulation.access.ts";
import {
  optionalText,
  parseIdList,
  requiredText,
  unitChainOn,
  updatedText,
  writableUnit,
} from "./emulation.common.ts";
import { validAt } from "./emulation.sql.ts";

const CAMPAIGN_ORDER = [{ startsOn: "desc" as const }, { id: "desc" as const }];
const REGISTRATION_ORDER = [{ registeredOn: "desc" as const }, { id: "desc" as const }];

export async function getCampaign(ctx: Context, id: number): Promise<EmulationCampaign> {
  const campaign = await ctx.prisma.emulationCampaign.findFirst({
    where: and<Prisma.EmulationCampaignWhereInput>({ id }, campaignScope(ctx)),
  });
  if (!campaign) throw notFound("EmulationCampaign", id);
  return campaign;
}

export interface ListCampaignsArgs extends PageArgs {
  unitId: number | null;
  active?: boolean | null;
  from?: IsoDate | null;
  to?: IsoDate | null;
  asOf: IsoDate;
}

export async function listCampaigns(ctx: Context, args: ListCampaignsArgs) {
  const page = pageRequest(args);
  if (args.unitId !== null) await assertUnitVisible(ctx, args.unitId);
  if (args.from && args.to && args.to < args.from)
    throw badInput("to", "to must not be before from");
  const asOf = dateFromIso(args.asOf);
  const running: Prisma.EmulationCampaignWhereInput = {
    startsOn: { lte: asOf },
    endsOn: { gte: asOf },
  };
  const where = and<Prisma.EmulationCampaignWhereInput>(
    campaignScope(ctx),
    args.unitId !== null && campaignsOf(args.unitId),
    args.active === true && running,
    args.active === false && { NOT: running },
    args.from && { endsOn: { gte: dateFromIso(args.from) } },
    args.to && { startsOn: { lte: dateFromIso(args.to) } },
  );
  return paginate(
    page,
    (p) => ctx.prisma.emulationCampaign.findMany({ where, orderBy: CAMPAIGN_ORDER, ...p }),
    () => ctx.prisma.emulationCampaign.count({ where }),
  );
}

export interface ListRegistrationsArgs extends PageArgs {
  campaignId: number | null;
  unitId: number | null;
  includeSubtree: boolean;
  completed?: boolean | null;
}

function registrationsWhere(
  ctx: Context,
  args: Omit<ListRegistrationsArgs, "first" | "after">,
): Prisma.CampaignRegistrationWhereInput {
  return and<Prisma.CampaignRegistrationWhereInput>(
    registrationScope(ctx),
    args.campaignId !== null && { campaignId: args.campaignId },
    args.unitId !== null &&
      (args.includeSubtree ? { unit: everInSubtree(args.unitId) } : { unitId: args.unitId }),
    args.completed === true && { completedOn: { not: null } },
    args.completed === false && { completedOn: null },
  );
}

/** Registrations the caller may see, newest first, by campaign and/or unit (subtree). */
export async function listRegistrations(ctx: Context, args: ListRegistrationsArgs) {
  const page = pageRequest(args);
  if (args.campaignId !== null) await getCampaign(ctx, args.campaignId);
  if (args.unitId !== null) await assertUnitVisible(ctx, args.unitId);
  const where = registrationsWhere(ctx, args);
  return paginate(
    page,
    (p) => ctx.prisma.campaignRegistration.findMany({ where, orderBy: REGISTRATION_ORDER, ...p }),
    () => ctx.prisma.campaignRegistration.count({ where }),
  );
}

/**
 * The first page of registrations of several campaigns at once (the `registrations` field over a
 * list of campaigns): one query for the rows and one for the counts, sliced per campaign.
 */
export async function firstRegistrationPages(
  ctx: Context,
  campaignIds: number[],
  args: Omit<ListRegistrationsArgs, "campaignId" | "after">,
): Promise<Map<number, ConnectionShape<CampaignRegistration>>> {
  const { take } = pageRequest(args);
  const where = and<Prisma.CampaignRegistrationWhereInput>(
    { campaignId: { in: campaignIds } },
    registrationsWhere(ctx, { ...args, campaignId: null }),
  );
  const [rows, counts] = await Promise.all([
    take === 0
      ? Promise.resolve([] as CampaignRegistration[])
      : ctx.prisma.campaignRegistration.findMany({
          where,
          orderBy: [{ campaignId: "asc" }, ...REGISTRATION_ORDER],
        }),
    ctx.prisma.campaignRegistration.groupBy({
      by: ["campaignId"],
      where,
      _count: { _all: true },
    }),
  ]);
  const total = new Map(counts.map((c) => [c.campaignId, c._count._all]));
  return new Map(
    campaignIds.map((id) => {
      const mine = rows.filter((r) => r.campaignId === id);
      const page = mine.slice(0, take);
      const edges = page.map((node) => ({ cursor: encodeCursor(node.id), node }));
      return [
        id,
        {
          totalCount: total.get(id) ?? 0,
          edges,
          pageInfo: {
            hasNextPage: mine.length > take,
            endCursor: edges.length > 0 ? edges[edges.length - 1]!.cursor : null,
          },
        },
      ];
    }),
  );
}

// ───────────────────────────── writes ─────────────────────────────

function checkPeriod(startsOn: IsoDate, endsOn: IsoDate) {
  if (periodProblem({ startsOn, endsOn }))
    throw badInput("endsOn", "endsOn must not be before startsOn");
}

/** Each eligible unit must be in the organiser's subtree at some time during the campaign. */
async function checkEligibleUnits(
  tx: Tx,
  organiserId: number,
  ids: number[],
  startsOn: IsoDate,
  endsOn: IsoDate,
) {
  const links = await tx.orgUnitClosure.findMany({
    where: {
      ancestorId: organiserId,
      descendantId: { in: ids },
      validFrom: { lte: dateFromIso(endsOn) },
      OR: [{ validTo: null }, { validTo: { gt: dateFromIso(startsOn) } }],
    },
    select: { descendantId: true },
  });
  const inside = new Set(links.map((l) => l.descendantId));
  const stranger = ids.findIndex((id) => !inside.has(id));
  if (stranger >= 0)
    throw badInput(
      `eligibleUnitIds.${stranger}`,
      "A campaign may be opened only to the organiser and units in its subtree during the campaign",
    );
}

async function campaignSnapshot(tx: Tx, id: number) {
  const campaign = await tx.emulationCampaign.findUniqueOrThrow({
    where: { id },
    include: { eligibility: { select: { unitId: true }, orderBy: { unitId: "asc" } } },
  });
  return { ...campaign, eligibility: campaign.eligibility.map((e) => e.unitId) };
}

export async function createCampaign(
  ctx: Context,
  input: CreateCampaignInput,
): Promise<EmulationCampaign> {
  const organiserId = parseId(input.organiserUnitId, "organiserUnitId");
  const eligibleIds = input.eligibleUnitIds
    ? parseIdList(input.eligibleUnitIds, "eligibleUnitIds")
    : [organiserId];
  if (eligibleIds.length === 0)
    throw badInput("eligibleUnitIds", "A campaign must be open to at least one unit");
  const title = requiredText("title", input.title);
  const theme = requiredText("theme", input.theme);
  checkPeriod(input.startsOn, input.endsOn);
  return mutate(ctx, async (tx, audit) => {
    const organiser = await writableUnit(
      ctx,
      tx,
      organiserId,
      "You may organise campaigns only for units in your subtree",
    );
    if (
      isoFromDate(organiser.validFrom) > input.startsOn ||
      (organiser.validTo && isoFromDate(organiser.validTo) <= input.startsOn)
    )
      throw badInput("organiserUnitId", "The organiser did not exist when the campaign starts");
    await checkEligibleUnits(tx, organiserId, eligibleIds, input.startsOn, input.endsOn);
    const campaign = await tx.emulationCampaign.create({
      data: {
        title,
        theme,
        occasion: optionalText(input.occasion),
        startsOn: dateFromIso(input.startsOn),
        endsOn: dateFromIso(input.endsOn),
        organiserUnitId: organiserId,
        eligibility: { createMany: { data: eligibleIds.map((unitId) => ({ unitId })) } },
      },
    });
    audit({
      operation: "createCampaign",
      entity: "EmulationCampaign",
      entityId: campaign.id,
      unitId: organiserId,
      after: await campaignSnapshot(tx, campaign.id),
    });
    return campaign;
  });
}

/** A campaign the caller may change: organised by a unit in their subtree. */
async function writableCampaign(ctx: Context, tx: Tx, id: number): Promise<EmulationCampaign> {
  const campaign = await tx.emulationCampaign.findFirst({
    where: and<Prisma.EmulationCampaignWhereInput>(
      { id },
      { organiser: ctx.viewer ? everInSubtree(ctx.viewer.unitId) : { id: { in: [] } } },
    ),
  });
  if (!campaign) throw forbidden("You may change only campaigns organised in your subtree");
  return campaign;
}

export async function updateCampaign(
  ctx: Context,
  id: number,
  input: UpdateCampaignInput,
): Promise<EmulationCampaign> {
  const eligibleIds = input.eligibleUnitIds
    ? parseIdList(input.eligibleUnitIds, "eligibleUnitIds")
    : null;
  if (eligibleIds && eligibleIds.length === 0)
    throw badInput("eligibleUnitIds", "A campaign must be open to at least one unit");
  return mutate(ctx, async (tx, audit) => {
    const current = await writableCampaign(ctx, tx, id);
    const before = await campaignSnapshot(tx, id);
    const startsOn = input.startsOn ?? isoFromDate(current.startsOn);
    const endsOn = input.endsOn ?? isoFromDate(current.endsOn);
    checkPeriod(startsOn, endsOn);
    const organiser = await tx.orgUnit.findUniqueOrThrow({
      where: { id: current.organiserUnitId },
    });
    if (
      isoFromDate(organiser.validFrom) > startsOn ||
      (organiser.validTo && isoFromDate(organiser.validTo) <= startsOn)
    )
      throw badInput("startsOn", "The organiser did not exist when the campaign starts");
    const eligible = eligibleIds ?? before.eligibility;
    if (eligibleIds || input.startsOn || input.endsOn)
      await checkEligibleUnits(tx, current.organiserUnitId, eligible, startsOn, endsOn);

    // What was registered stays valid: inside the period and open to the registering unit.
    const outside = await tx.campaignRegistration.findFirst({
      where: {
        campaignId: id,
        OR: [
          { registeredOn: { lt: dateFromIso(startsOn) } },
          { registeredOn: { gt: dateFromIso(endsOn) } },
        ],
      },
      orderBy: { registeredOn: "asc" },
    });
    if (outside)
      throw badInput(
        isoFromDate(outside.registeredOn) < startsOn ? "startsOn" : "endsOn",
        `A registration made on ${isoFromDate(outside.registeredOn)} would fall outside the campaign`,
      );
    if (eligibleIds) {
      const orphans = await tx.$queryRaw<{ id: number }[]>`
        SELECT r.id FROM campaign_registration r
        WHERE r.campaign_id = ${id} AND NOT EXISTS (
          SELECT 1 FROM org_unit_closure c
          WHERE c.descendant_id = r.unit_id AND c.ancestor_id = ANY(${eligibleIds}::int[])
            AND ${validAt("c", Prisma.sql`r.registered_on`)})
        LIMIT 1`;
      if (orphans.length > 0)
        throw badInput(
          "eligibleUnitIds",
          "Units that have registered for the campaign must stay open to it",
        );
      await tx.campaignEligibility.deleteMany({ where: { campaignId: id } });
      await tx.campaignEligibility.createMany({
        data: eligibleIds.map((unitId) => ({ campaignId: id, unitId })),
      });
    }
    await tx.emulationCampaign.update({
      where: { id },
      data: {
        title: input.title === undefined ? undefined : requiredText("title", input.title),
        theme: input.theme === undefined ? undefined : requiredText("theme", input.theme),
        occasion: updatedText(input.occasion, current.occasion),
        startsOn: dateFromIso(startsOn),
        endsOn: dateFromIso(endsOn),
      },
    });
    const after = await campaignSnapshot(tx, id);
    audit({
      operation: "updateCampaign",
      entity: "EmulationCampaign",
      entityId: id,
      unitId: current.organiserUnitId,
      before,
      after,
    });
    const { eligibility: _eligibility, ...campaign } = after;
    return campaign;
  });
}

const REGISTRATION_PROBLEMS: Record<RegistrationProblem, [string, string]> = {
  FUTURE: ["registeredOn", "A registration cannot be dated in the future"],
  BEFORE_CAMPAIGN: ["registeredOn", "The campaign had not started on that date"],
  AFTER_CAMPAIGN: ["registeredOn", "The campaign had ended on that date"],
  UNIT_NOT_EXISTING: ["registeredOn", "The unit did not exist on that date"],
  NOT_ELIGIBLE: ["unitId", "The campaign is not open to this unit"],
};

export async function registerForCampaign(
  ctx: Context,
  input: RegisterForCampaignInput,
): Promise<CampaignRegistration> {
  const campaignId = parseId(input.campaignId, "campaignId");
  const unitId = parseId(input.unitId, "unitId");
  const responsibleUnitId = parseOptionalId(input.responsibleUnitId, "responsibleUnitId");
  const title = requiredText("title", input.title);
  const today = ctx.today;
  const registeredOn = input.registeredOn ?? today;
  return mutate(ctx, async (tx, audit) => {
    const unit = await writableUnit(
      ctx,
      tx,
      unitId,
      "You may register projects only for units in your subtree",
    );
    const campaign = await tx.emulationCampaign.findFirst({
      where: and<Prisma.EmulationCampaignWhereInput>({ id: campaignId }, campaignScope(ctx)),
      include: { eligibility: { select: { unitId: true } } },
    });
    if (!campaign) throw forbidden("You may register only for campaigns that concern your unit");
    const chain = await unitChainOn(tx, unit.id, registeredOn);
    const problem = registrationProblem(
      {
        startsOn: isoFromDate(campaign.startsOn),
        endsOn: isoFromDate(campaign.endsOn),
        eligibleUnitIds: campaign.eligibility.map((e) => e.unitId),
      },
      registeredOn,
      chain,
      today,
    );
    if (problem) {
      const [field, message] = REGISTRATION_PROBLEMS[problem];
      throw badInput(field, message);
    }
    if (responsibleUnitId !== null && !chain.includes(responsibleUnitId)) {
      const below = await unitChainOn(tx, responsibleUnitId, registeredOn);
      if (!below.includes(unit.id))
        throw badInput(
          "responsibleUnitId",
          "The unit in charge must be the registering unit, a unit below it or one of its superiors",
        );
    }
    const existing = await tx.campaignRegistration.findMany({
      where: { campaignId, unitId },
      select: { title: true },
    });
    if (existing.some((r) => foldVietnamese(r.title) === foldVietnamese(title)))
      throw conflict(
        "This unit has already registered a project with this title for the campaign",
        {
          field: "title",
        },
      );
    const registration = await tx.campaignRegistration.create({
      data: {
        campaignId,
        unitId,
        title,
        description: optionalText(input.description),
        target: optionalText(input.target),
        responsibleUnitId,
        registeredOn: dateFromIso(registeredOn),
      },
    });
    audit({
      operation: "registerForCampaign",
      entity: "CampaignRegistration",
      entityId: registration.id,
      unitId,
      after: registration,
    });
    return registration;
  });
}

const STATE_PROBLEMS: Record<RegistrationStateProblem, [string, string]> = {
  PROGRESS_RANGE: ["progress", "progress must be a whole number from 0 to 100"],
  COMPLETED_BEFORE_REGISTERED: [
    "completedOn",
    "A registration cannot be completed before it was registered",
  ],
  COMPLETED_IN_FUTURE: ["completedOn", "completedOn cannot be in the future"],
  COMPLETED_NOT_FULL: ["progress", "A completed registration is at 100 %"],
  FULL_NOT_COMPLETED: ["completedOn", "A registration at 100 % needs its completion date"],
};

export async function updateRegistration(
  ctx: Context,
  id: number,
  input: UpdateRegistrationInput,
): Promise<CampaignRegistration> {
  const today = ctx.today;
  return mutate(ctx, async (tx, audit) => {
    const current = await tx.campaignRegistration.findFirst({
      where: and<Prisma.CampaignRegistrationWhereInput>({ id }, registrationScope(ctx)),
    });
    if (!current) throw forbidden("You may update only registrations of units in your subtree");
    const completedOn =
      input.completedOn === undefined
        ? current.completedOn && isoFromDate(current.completedOn)
        : input.completedOn;
    // Recording a completion date alone completes the registration.
    const progress =
      input.progress ?? (input.completedOn && current.progress !== 100 ? 100 : current.progress);
    const problem = registrationStateProblem(
      { registeredOn: isoFromDate(current.registeredOn), progress, completedOn },
      today,
    );
    if (problem) throw badInput(...STATE_PROBLEMS[problem]);
    const updated = await tx.campaignRegistration.update({
      where: { id },
      data: {
        progress,
        completedOn: completedOn ? dateFromIso(completedOn) : null,
        result: updatedText(input.result, current.result),
        title: input.title === undefined ? undefined : requiredText("title", input.title),
        description: updatedText(input.description, current.description),
        target: updatedText(input.target, current.target),
      },
    });
    audit({
      operation: "updateRegistration",
      entity: "CampaignRegistration",
      entityId: id,
      unitId: current.unitId,
      before: current,
      after: updated,
    });
    return updated;
  });
}
