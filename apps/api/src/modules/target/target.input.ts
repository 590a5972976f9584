import "reflect-metadata";
import { ArrayMaxSize, ArrayMinSize, IsInt, Max, Min, ValidateNested } from "class-validator";
import { ArgsType, Field, ID, InputType, Int } from "type-graphql";

export const TARGET_MAX = 100_000;

@InputType()
export class TargetInput {
  @Field(() => ID)
  unitId!: string;

  @Field(() => Int, { description: `0–${TARGET_MAX}.` })
  @IsInt()
  @Min(0)
  @Max(TARGET_MAX)
  target!: number;
}

@ArgsType()
export class SetTargetsArgs {
  @Field(() => Int)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;

  @Field(() => [TargetInput])
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  targets!: TargetInput[];
}

@ArgsType()
export class TargetsArgs {
  @Field(() => ID)
  unitId!: string;

  @Field(() => Int)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;
}
