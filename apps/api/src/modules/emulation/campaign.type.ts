import "reflect-metadata";
import { OrgUnitKind, type IsoDate } from "@dangbo/shared";
import { Field, Float, ID, Int, ObjectType } from "type-graphql";
import { Connection } from "../../graphql/pagination.ts";
import { DateScalar } from "../../graphql/scalars.ts";

@ObjectType("EmulationCampaign", {
  description:
    "A patriotic emulation campaign (phong trào thi đua): its theme, occasion and period, the unit that organises it and the units it is open to (each with its subtree). You see the campaigns organised in your subtree and those open to your unit's line (your unit, a unit below it, or a superior).",
})
export class CampaignType {
  @Field(() => ID)
  id!: number;

  @Field(() => String)
  title!: string;

  @Field(() => String)
  theme!: string;

  @Field(() => String, {
    nullable: true,
    description: "The anniversary or event it celebrates, e.g. 95 năm Ngày thành lập Đảng.",
  })
  occasion!: string | null;

  @Field(() => DateScalar, { description: "First day (inclusive)." })
  startsOn!: Date;

  @Field(() => DateScalar, { description: "Last day (inclusive)." })
  endsOn!: Date;

  @Field(() => Date)
  createdAt!: Date;

  organiserUnitId!: number;
}

@ObjectType("EmulationCampaignConnection")
export class CampaignConnection extends Connection(CampaignType, "EmulationCampaign") {}

@ObjectType({
  simpleResolvers: true,
  description:
    "A unit a campaign is open to (with its subtree). `unit` is null when the unit is above or outside your subtree.",
})
export class CampaignEligibleUnit {
  @Field(() => ID)
  unitId!: number;

  @Field(() => String)
  name!: string;

  @Field(() => OrgUnitKind)
  kind!: OrgUnitKind;
}

@ObjectType("CampaignRegistration", {
  description:
    "A project or task a unit registered for a campaign (công trình, phần việc, đề tài), with its progress and result.",
})
export class RegistrationType {
  @Field(() => ID)
  id!: number;

  @Field(() => String)
  title!: string;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => String, { nullable: true, description: "What it aims at, e.g. Bàn giao đúng hạn." })
  target!: string | null;

  @Field(() => Int, { description: "Progress in percent, 0–100 (the latest recorded value)." })
  progress!: number;

  @Field(() => String, { nullable: true, description: "The result, e.g. Hoàn thành." })
  result!: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: "When it was completed; set exactly when progress is 100.",
  })
  completedOn!: Date | null;

  @Field(() => DateScalar)
  registeredOn!: Date;

  campaignId!: number;
  unitId!: number;
  responsibleUnitId!: number | null;
}

@ObjectType("CampaignRegistrationConnection")
export class RegistrationConnection extends Connection(RegistrationType, "CampaignRegistration") {}

@ObjectType({
  simpleResolvers: true,
  description:
    "Registrations of one group (a direct subordinate, a campaign, or the whole subtree) in a campaign summary.",
})
export class CampaignSummaryRow {
  @Field(() => ID, {
    description: "The unit (rows by subordinate) or the campaign (rows by campaign).",
  })
  id!: number;

  @Field(() => String, { description: "The unit's name or the campaign's title." })
  name!: string;

  @Field(() => OrgUnitKind, {
    nullable: true,
    description: "The unit's kind (null for campaigns).",
  })
  kind!: OrgUnitKind | null;

  @Field(() => Int, { description: "Projects and tasks registered (by the cut-off date)." })
  registrations!: number;

  @Field(() => Int, { description: "Distinct units that registered at least one." })
  units!: number;

  @Field(() => Int, { description: "Registrations completed by the cut-off date." })
  completed!: number;

  @Field(() => Float, {
    nullable: true,
    description: "completed / registrations × 100, one decimal; null without registrations.",
  })
  completionRate!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: "Average of the registrations' latest progress (0–100), one decimal.",
  })
  averageProgress!: number | null;

  @Field(() => Int, {
    description:
      "Grassroots organisations open to the campaign(s), counted once per campaign (the denominator of 'units that have not registered').",
  })
  eligibleGrassroots!: number;

  @Field(() => Int, {
    description:
      "Of those, organisations with a registration of their own or of a unit below them, per campaign.",
  })
  registeredGrassroots!: number;

  @Field(() => Int, { description: "eligibleGrassroots − registeredGrassroots." })
  notRegisteredGrassroots!: number;

  @Field(() => Boolean, {
    description:
      "For rows by subordinate: still a direct subordinate on the tree date (false: a unit dissolved or moved away whose registrations count here).",
  })
  current!: boolean;
}

@ObjectType({
  simpleResolvers: true,
  description: "A grassroots organisation open to a campaign that has registered nothing for it.",
})
export class UnitNotRegistered {
  @Field(() => ID)
  unitId!: number;

  @Field(() => String)
  name!: string;

  @Field(() => OrgUnitKind)
  kind!: OrgUnitKind;

  @Field(() => ID, {
    nullable: true,
    description:
      "The direct subordinate of the queried unit it belongs to (null: the unit itself).",
  })
  groupId!: number | null;

  @Field(() => String, { nullable: true })
  groupName!: string | null;

  @Field(() => ID)
  campaignId!: number;

  @Field(() => String)
  campaignTitle!: string;
}

@ObjectType({
  description:
    "Dashboard panel — campaign registrations and completion in a unit's subtree: per direct subordinate and per campaign, with the grassroots organisations that have not registered. Counts registrations made by the cut-off date; completion is as of that date; progress is the latest recorded value (no history is kept).",
})
export class CampaignSummary {
  @Field(() => Int, { nullable: true, description: "The year asked for (null for one campaign)." })
  year!: number | null;

  @Field(() => ID, { nullable: true, description: "The campaign asked for (null for a year)." })
  campaignId!: number | null;

  @Field(() => DateScalar, {
    description:
      "The cut-off and tree date: the year's last day or the campaign's last day, or asOf if earlier. Subordinates and grassroots organisations are those of the tree on this date.",
  })
  treeDate!: IsoDate;

  @Field(() => CampaignSummaryRow, { description: "The whole subtree (id and name of the unit)." })
  total!: CampaignSummaryRow;

  @Field(() => CampaignSummaryRow, {
    description: "Registrations of the unit itself (not of a subordinate).",
  })
  direct!: CampaignSummaryRow;

  @Field(() => [CampaignSummaryRow], {
    description:
      "Per direct subordinate, by name; Σ rows + direct = total. A unit counts where it was on the tree date, or on its last day if it ceased before.",
  })
  bySubordinate!: CampaignSummaryRow[];

  @Field(() => [CampaignSummaryRow], {
    description: "Per campaign (running in the year, or the one asked for), newest first.",
  })
  byCampaign!: CampaignSummaryRow[];

  @Field(() => Int, {
    description: "All (grassroots organisation, campaign) pairs not registered.",
  })
  notRegisteredCount!: number;

  @Field(() => [UnitNotRegistered], {
    description:
      "Grassroots organisations (TCCS: grassroots committees and grassroots cells) open to a campaign without a registration of their own or of a unit below them, by subordinate then name; at most `notRegisteredLimit`.",
  })
  notRegistered!: UnitNotRegistered[];
}
