import "reflect-metadata";
import type { IsoDate } from "@dangbo/shared";
import { ArrayMaxSize, IsBoolean, IsOptional, IsString, Length } from "class-validator";
import { ArgsType, Field, ID, InputType } from "type-graphql";
import { DateScalar } from "../../graphql/scalars.ts";
import { PageArgsInput } from "../committee/committee.input.ts";

export const STANDARD_MAX = 2000;
export const SLOGAN_MAX = 500;
export const SLOGANS_MAX = 20;

@InputType({
  description: "An ethical standard of a unit of your subtree, with its action slogans.",
})
export class RecordEthicalStandardInput {
  @Field(() => ID, { description: "A unit of your subtree that exists today." })
  unitId!: string;

  @Field(() => String)
  @IsString()
  @Length(1, STANDARD_MAX)
  content!: string;

  @Field(() => [String], {
    defaultValue: [],
    description: `Action slogans derived from it (at most ${SLOGANS_MAX}, each at most ${SLOGAN_MAX} characters, no repeats).`,
  })
  @ArrayMaxSize(SLOGANS_MAX)
  @IsString({ each: true })
  @Length(1, SLOGAN_MAX, { each: true })
  slogans!: string[];
}

@InputType({
  description: "Changes to an ethical standard; `slogans`, when given, replaces the list.",
})
export class UpdateEthicalStandardInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, STANDARD_MAX)
  content?: string;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(SLOGANS_MAX)
  @IsString({ each: true })
  @Length(1, SLOGAN_MAX, { each: true })
  slogans?: string[];
}

@ArgsType()
export class EthicalStandardsArgs extends PageArgsInput {
  @Field(() => ID, { nullable: true, description: "A unit; omitted: every standard you may see." })
  @IsOptional()
  unitId?: string;

  @Field(() => Boolean, {
    nullable: true,
    description: "With unitId: include units that are or were below it (default true).",
  })
  @IsOptional()
  @IsBoolean()
  includeSubtree?: boolean;
}

@ArgsType()
export class EthicalStandardCountsArgs {
  @Field(() => ID)
  unitId!: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: "The tree and the standards recorded by this day (default: today).",
  })
  @IsOptional()
  asOf?: IsoDate;
}
