import "reflect-metadata";
import { OrgUnitKind, PAGE_CAP, type IsoDate } from "@dangbo/shared";
import { IsInt, IsOptional, Max, MaxLength, Min } from "class-validator";
import { ArgsType, Field, ID, Int } from "type-graphql";
import { DateScalar } from "../../graphql/scalars.ts";

@ArgsType()
export class PageArgsInput {
  @Field(() => Int, { nullable: true, description: `Page size, 0–${PAGE_CAP} (default 50).` })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(PAGE_CAP)
  first?: number;

  @Field(() => String, { nullable: true, description: "endCursor of the previous page." })
  @IsOptional()
  @MaxLength(64)
  after?: string;
}

@ArgsType()
export class OrgUnitsArgs extends PageArgsInput {
  @Field(() => ID, {
    nullable: true,
    description: "Only direct subordinates of this unit (as of `asOf`).",
  })
  @IsOptional()
  parentId?: string;

  @Field(() => OrgUnitKind, { nullable: true })
  @IsOptional()
  kind?: OrgUnitKind;

  @Field(() => String, {
    nullable: true,
    description: "Words of the name; diacritics and case are ignored.",
  })
  @IsOptional()
  @MaxLength(200)
  search?: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: "The tree as of this date (default: today).",
  })
  @IsOptional()
  asOf?: IsoDate;
}
