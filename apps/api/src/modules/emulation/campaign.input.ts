import "reflect-metadata";
import type { IsoDate } from "@dangbo/shared";
import {
  ArrayMaxSize,
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Max,
  MaxLength,
  Min,
} from "class-validator";
import { ArgsType, Field, ID, InputType, Int } from "type-graphql";
import { DateScalar } from "../../graphql/scalars.ts";
import { PageArgsInput } from "../committee/committee.input.ts";

export const TITLE_MAX = 500;
export const TEXT_MAX = 5000;

@InputType({ description: "A new emulation campaign." })
export class CreateCampaignInput {
  @Field(() => String)
  @IsString()
  @Length(1, TITLE_MAX)
  title!: string;

  @Field(() => String)
  @IsString()
  @Length(1, TEXT_MAX)
  theme!: string;

  @Field(() => String, { nullable: true, description: "Anniversary or event it celebrates." })
  @IsOptional()
  @IsString()
  @MaxLength(TITLE_MAX)
  occasion?: string;

  @Field(() => DateScalar, { description: "First day (inclusive)." })
  startsOn!: IsoDate;

  @Field(() => DateScalar, { description: "Last day (inclusive); not before startsOn." })
  endsOn!: IsoDate;

  @Field(() => ID, {
    description: "The organising unit: in your subtree, existing on startsOn.",
  })
  organiserUnitId!: string;

  @Field(() => [ID], {
    nullable: true,
    description:
      "Units it is open to, each with its subtree; each must be in the organiser's subtree during the campaign. Omitted: the organiser (its whole subtree).",
  })
  @IsOptional()
  @ArrayMaxSize(500)
  eligibleUnitIds?: string[];
}

@InputType({
  description:
    "Changes to a campaign; omitted fields stay. `eligibleUnitIds`, when given, replaces the list. Registrations already made must stay within the period and open to their units.",
})
export class UpdateCampaignInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, TITLE_MAX)
  title?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, TEXT_MAX)
  theme?: string;

  @Field(() => String, { nullable: true, description: "An empty string clears it." })
  @IsOptional()
  @IsString()
  @MaxLength(TITLE_MAX)
  occasion?: string;

  @Field(() => DateScalar, { nullable: true })
  @IsOptional()
  startsOn?: IsoDate;

  @Field(() => DateScalar, { nullable: true })
  @IsOptional()
  endsOn?: IsoDate;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(500)
  eligibleUnitIds?: string[];
}

@InputType({ description: "A project or task a unit registers for a campaign." })
export class RegisterForCampaignInput {
  @Field(() => ID)
  campaignId!: string;

  @Field(() => ID, {
    description:
      "The registering unit: in your subtree, and open to the campaign (itself or a superior eligible) on registeredOn.",
  })
  unitId!: string;

  @Field(() => String)
  @IsString()
  @Length(1, TITLE_MAX)
  title!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX)
  description?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(TITLE_MAX)
  target?: string;

  @Field(() => ID, {
    nullable: true,
    description:
      "The unit in charge: the registering unit, a unit below it, or one of its superiors on registeredOn.",
  })
  @IsOptional()
  responsibleUnitId?: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: "Within the campaign's period and not in the future (default: today).",
  })
  @IsOptional()
  registeredOn?: IsoDate;
}

@InputType({
  description:
    "Progress, result and completion of a registration (and corrections to its text); omitted fields stay. A registration is completed exactly when it has a completion date, and then its progress is 100.",
})
export class UpdateRegistrationInput {
  @Field(() => Int, {
    nullable: true,
    description: "0–100. Giving completedOn alone sets it to 100.",
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  progress?: number;

  @Field(() => String, { nullable: true, description: "The result; an empty string clears it." })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX)
  result?: string;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      "Not before the registration, not in the future. Pass null to reopen (progress must then drop below 100).",
  })
  @IsOptional()
  completedOn?: IsoDate | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, TITLE_MAX)
  title?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX)
  description?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(TITLE_MAX)
  target?: string;
}

@ArgsType()
export class CampaignsArgs extends PageArgsInput {
  @Field(() => ID, {
    nullable: true,
    description:
      "Only campaigns that concern this unit: organised in its subtree or open to its line. Omitted: every campaign you may see.",
  })
  @IsOptional()
  unitId?: string;

  @Field(() => Boolean, {
    nullable: true,
    description: "true: running on asOf; false: not running (ended or not started).",
  })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @Field(() => DateScalar, {
    nullable: true,
    description: "Only campaigns still running on or after this day.",
  })
  @IsOptional()
  from?: IsoDate;

  @Field(() => DateScalar, {
    nullable: true,
    description: "Only campaigns started on or before this day.",
  })
  @IsOptional()
  to?: IsoDate;

  @Field(() => DateScalar, {
    nullable: true,
    description: "The day `active` refers to (default: today).",
  })
  @IsOptional()
  asOf?: IsoDate;
}

@ArgsType()
export class RegistrationsArgs extends PageArgsInput {
  @Field(() => ID, { nullable: true, description: "Only this campaign's registrations." })
  @IsOptional()
  campaignId?: string;

  @Field(() => ID, {
    nullable: true,
    description: "Only registrations of this unit (or its subtree). Omitted: all you may see.",
  })
  @IsOptional()
  unitId?: string;

  @Field(() => Boolean, {
    nullable: true,
    description: "With unitId: include units that are or were below it (default true).",
  })
  @IsOptional()
  @IsBoolean()
  includeSubtree?: boolean;

  @Field(() => Boolean, {
    nullable: true,
    description: "true: only completed ones; false: only those not completed.",
  })
  @IsOptional()
  @IsBoolean()
  completed?: boolean;
}

@ArgsType()
export class CampaignSummaryArgs {
  @Field(() => ID, { description: "The unit whose subtree is counted." })
  unitId!: string;

  @Field(() => Int, {
    nullable: true,
    description: "Every campaign running during this year. Give a year or a campaignId.",
  })
  @IsOptional()
  @IsInt()
  @Min(1930)
  @Max(2100)
  year?: number;

  @Field(() => ID, { nullable: true, description: "One campaign (instead of a year)." })
  @IsOptional()
  campaignId?: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: "Count nothing after this date (default: today).",
  })
  @IsOptional()
  asOf?: IsoDate;

  @Field(() => Int, {
    nullable: true,
    defaultValue: 100,
    description: "At most this many entries in notRegistered (0–500).",
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(500)
  notRegisteredLimit?: number;
}
