import "reflect-metadata";
import { IsOptional, MaxLength } from "class-validator";
import { ArgsType, Field, ID } from "type-graphql";
import { PageArgsInput } from "../committee/committee.input.ts";

@ArgsType()
export class AuditLogArgs extends PageArgsInput {
  @Field(() => String, {
    nullable: true,
    description: "Kind of record, e.g. User, AdmissionTarget, Meeting.",
  })
  @IsOptional()
  @MaxLength(60)
  entity?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(60)
  entityId?: string;

  @Field(() => String, { nullable: true, description: "The mutation name, e.g. updateUser." })
  @IsOptional()
  @MaxLength(60)
  operation?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(60)
  username?: string;

  @Field(() => ID, { nullable: true, description: "Only changes within this unit's subtree." })
  @IsOptional()
  unitId?: string;

  @Field(() => Date, { nullable: true, description: "From this instant (inclusive)." })
  @IsOptional()
  from?: Date;

  @Field(() => Date, { nullable: true, description: "Before this instant." })
  @IsOptional()
  to?: Date;
}
