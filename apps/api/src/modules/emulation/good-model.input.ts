import "reflect-metadata";
import { Sector, type IsoDate } from "@dangbo/shared";
import { IsBoolean, IsEnum, IsOptional, IsString, Length, MaxLength } from "class-validator";
import { ArgsType, Field, ID, InputType } from "type-graphql";
import { DateScalar } from "../../graphql/scalars.ts";
import { PageArgsInput } from "../committee/committee.input.ts";
import { TEXT_MAX, TITLE_MAX } from "./campaign.input.ts";

@InputType({ description: "A good model of a unit of your subtree." })
export class RecordGoodModelInput {
  @Field(() => ID)
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

  @Field(() => DateScalar)
  startsOn!: IsoDate;

  @Field(() => DateScalar, { nullable: true, description: "Not before startsOn; omitted: open." })
  @IsOptional()
  endsOn?: IsoDate;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX)
  results?: string;
}

@InputType({
  description:
    "Changes to a good model; omitted fields stay; endsOn: null reopens it, blank text clears it.",
})
export class UpdateGoodModelInput {
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

  @Field(() => DateScalar, { nullable: true })
  @IsOptional()
  startsOn?: IsoDate;

  @Field(() => DateScalar, { nullable: true })
  @IsOptional()
  endsOn?: IsoDate | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX)
  results?: string;
}

@ArgsType()
export class GoodModelsArgs extends PageArgsInput {
  @Field(() => ID, { nullable: true, description: "A unit; omitted: every model you may see." })
  @IsOptional()
  unitId?: string;

  @Field(() => Boolean, {
    nullable: true,
    description: "With unitId: include units that are or were below it (default true).",
  })
  @IsOptional()
  @IsBoolean()
  includeSubtree?: boolean;

  @Field(() => Sector, { nullable: true, description: "Only models of units of this sector." })
  @IsOptional()
  @IsEnum(Sector)
  sector?: Sector;

  @Field(() => String, {
    nullable: true,
    description: "Words of the title; diacritics and case are ignored ('dan van kheo').",
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string;

  @Field(() => Boolean, {
    nullable: true,
    description: "true: running on asOf; false: ended or not started by then.",
  })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @Field(() => DateScalar, {
    nullable: true,
    description: "The day `active` refers to (default: today).",
  })
  @IsOptional()
  asOf?: IsoDate;
}
