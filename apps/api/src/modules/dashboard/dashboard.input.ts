import "reflect-metadata";
import type { IsoDate } from "@dangbo/shared";
import { IsInt, IsOptional, Max, Min } from "class-validator";
import { ArgsType, Field, ID, Int } from "type-graphql";
import { DateScalar } from "../../graphql/scalars.ts";
import { CompositionDimension } from "./dashboard.type.ts";

@ArgsType()
export class DashboardArgs {
  @Field(() => ID, { description: "The unit whose subtree is counted." })
  unitId!: string;

  @Field(() => Int)
  @IsInt()
  @Min(1930)
  @Max(2100)
  year!: number;

  @Field(() => Int, {
    nullable: true,
    description: "1–4 for one calendar quarter of the year; omitted: the whole year.",
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(4)
  quarter?: number;

  @Field(() => DateScalar, {
    nullable: true,
    description: "Count nothing after this date (default: today).",
  })
  @IsOptional()
  asOf?: IsoDate;
}

@ArgsType()
export class CompositionArgs extends DashboardArgs {
  @Field(() => CompositionDimension)
  by!: CompositionDimension;
}

@ArgsType()
export class TrendArgs {
  @Field(() => ID)
  unitId!: string;

  @Field(() => Int, { nullable: true, defaultValue: 2020 })
  @IsOptional()
  @IsInt()
  @Min(1930)
  @Max(2100)
  fromYear?: number;

  @Field(() => Int, { nullable: true, description: "Default: the current year." })
  @IsOptional()
  @IsInt()
  @Min(1930)
  @Max(2100)
  toYear?: number;

  @Field(() => DateScalar, { nullable: true })
  @IsOptional()
  asOf?: IsoDate;
}
