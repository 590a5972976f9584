import "reflect-metadata";
import { Gender, MemberStatus, Occupation, Sector, type IsoDate } from "@dangbo/shared";
import {
  ArrayMaxSize,
  IsBoolean,
  IsEnum,
  IsOptional,
  MaxLength,
  ValidateNested,
} from "class-validator";
import { ArgsType, Field, ID, InputType, registerEnumType } from "type-graphql";
import { DateRange, SortDirection } from "../../graphql/filters.ts";
import { DateScalar } from "../../graphql/scalars.ts";
import { PageArgsInput } from "../committee/committee.input.ts";

@ArgsType()
export class MembersArgs extends PageArgsInput {
  @Field(() => ID, { nullable: true, description: "A unit; omitted: every member you may see." })
  @IsOptional()
  orgUnitId?: string;

  @Field(() => Boolean, {
    nullable: true,
    description: "Include members of the unit's whole subtree (default true).",
  })
  @IsOptional()
  @IsBoolean()
  includeSubtree?: boolean;

  @Field(() => String, {
    nullable: true,
    description: "Words of the name; diacritics and case are ignored.",
  })
  @IsOptional()
  @MaxLength(200)
  search?: string;

  @Field(() => MemberStatus, {
    nullable: true,
    description:
      "PROBATIONARY or OFFICIAL on `asOf`; an exit status lists members who left with it.",
  })
  @IsOptional()
  status?: MemberStatus;

  @Field(() => DateScalar, {
    nullable: true,
    description: "Membership as of this date (default: today).",
  })
  @IsOptional()
  asOf?: IsoDate;

  @Field(() => MemberFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: MemberFilter;

  @Field(() => MemberOrder, { nullable: true, description: "Default: by name." })
  @IsOptional()
  @ValidateNested()
  orderBy?: MemberOrder;
}

export const MemberSortField = {
  NAME: "nameSearch",
  ADMITTED_ON: "admittedOn",
  BIRTH_DATE: "birthDate",
  OFFICIAL_ON: "officialOn",
  PROBATION_ENDS_ON: "probationEndsOn",
} as const;
registerEnumType(MemberSortField, { name: "MemberSortField" });

@InputType({
  description: "Filters on members; all given conditions must hold (lists mean any of).",
})
export class MemberFilter {
  @Field(() => [MemberStatus], { nullable: true, description: "Current status." })
  @IsOptional()
  @ArrayMaxSize(10)
  @IsEnum(MemberStatus, { each: true })
  status?: MemberStatus[];

  @Field(() => [Gender], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(2)
  @IsEnum(Gender, { each: true })
  gender?: Gender[];

  @Field(() => [Occupation], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsEnum(Occupation, { each: true })
  occupation?: Occupation[];

  @Field(() => [String], { nullable: true, description: 'Ethnicities, e.g. ["Chăm", "Raglai"].' })
  @IsOptional()
  @ArrayMaxSize(60)
  @MaxLength(60, { each: true })
  ethnicity?: string[];

  @Field(() => [Sector], { nullable: true, description: "Sector of the member's cell." })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsEnum(Sector, { each: true })
  sector?: Sector[];

  @Field(() => DateRange, { nullable: true })
  @IsOptional()
  @ValidateNested()
  birthDate?: DateRange;

  @Field(() => DateRange, { nullable: true })
  @IsOptional()
  @ValidateNested()
  admittedOn?: DateRange;

  @Field(() => DateRange, { nullable: true })
  @IsOptional()
  @ValidateNested()
  officialOn?: DateRange;

  @Field(() => DateRange, { nullable: true })
  @IsOptional()
  @ValidateNested()
  probationEndsOn?: DateRange;
}

@InputType()
export class MemberOrder {
  @Field(() => MemberSortField)
  @IsEnum(MemberSortField)
  field!: (typeof MemberSortField)[keyof typeof MemberSortField];

  @Field(() => SortDirection, { nullable: true, defaultValue: "ASC" })
  @IsOptional()
  @IsEnum(SortDirection)
  direction?: SortDirection;
}
