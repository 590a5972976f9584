import "reflect-metadata";
import { AwardKind, type IsoDate } from "@dangbo/shared";
import {
  IsBoolean,
  IsEnum,
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
import { AwardRecipientEnum, type AwardRecipient } from "./award.type.ts";

@InputType({
  description:
    "An award to record: to exactly one recipient (a unit or a member of your subtree; emulation flags only to units), for yearFrom..yearTo (consecutive, inclusive, at most 10 years), decided in or after the last year it covers and not in the future.",
})
export class RecordAwardInput {
  @Field(() => AwardKind)
  @IsEnum(AwardKind)
  kind!: AwardKind;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  title?: string;

  @Field(() => String)
  @IsString()
  @Length(1, 300)
  issuer!: string;

  @Field(() => String)
  @IsString()
  @Length(1, 100)
  decisionNo!: string;

  @Field(() => DateScalar)
  decidedOn!: IsoDate;

  @Field(() => Int)
  @IsInt()
  @Min(1930)
  @Max(2100)
  yearFrom!: number;

  @Field(() => Int, { nullable: true, description: "Default: yearFrom (one year)." })
  @IsOptional()
  @IsInt()
  @Min(1930)
  @Max(2100)
  yearTo?: number;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  unitId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  memberId?: string;

  @Field(() => ID, {
    nullable: true,
    description: "The campaign it crowns, if any (one you may see).",
  })
  @IsOptional()
  campaignId?: string;
}

@ArgsType()
export class AwardsArgs extends PageArgsInput {
  @Field(() => ID, { nullable: true, description: "A unit; omitted: every award you may see." })
  @IsOptional()
  unitId?: string;

  @Field(() => Boolean, {
    nullable: true,
    description:
      "With unitId: also awards of units that are or were below it and of members whose cell is or was in its subtree (default true). false: the unit's own awards.",
  })
  @IsOptional()
  @IsBoolean()
  includeSubtree?: boolean;

  @Field(() => ID, { nullable: true, description: "Only this member's awards." })
  @IsOptional()
  memberId?: string;

  @Field(() => AwardKind, { nullable: true })
  @IsOptional()
  @IsEnum(AwardKind)
  kind?: AwardKind;

  @Field(() => AwardRecipientEnum, {
    nullable: true,
    description: "Only awards to units, or to members.",
  })
  @IsOptional()
  @IsEnum(AwardRecipientEnum)
  recipient?: AwardRecipient;

  @Field(() => Int, {
    nullable: true,
    description: "Awards covering this year (yearFrom ≤ year ≤ yearTo).",
  })
  @IsOptional()
  @IsInt()
  @Min(1930)
  @Max(2100)
  year?: number;
}

@ArgsType()
export class AwardSummaryArgs {
  @Field(() => ID, { description: "The unit whose subtree is counted." })
  unitId!: string;

  @Field(() => Int)
  @IsInt()
  @Min(1930)
  @Max(2100)
  year!: number;

  @Field(() => DateScalar, {
    nullable: true,
    description: "Count only awards decided by this day (default: today).",
  })
  @IsOptional()
  asOf?: IsoDate;
}
