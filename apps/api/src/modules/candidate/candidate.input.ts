import "reflect-metadata";
import { CandidateStage, Gender, Occupation, type IsoDate } from "@dangbo/shared";
import {
  ArrayMaxSize,
  IsBoolean,
  IsEnum,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
} from "class-validator";
import { ArgsType, Field, ID, InputType } from "type-graphql";
import { DateScalar } from "../../graphql/scalars.ts";
import { PageArgsInput } from "../committee/committee.input.ts";

@InputType({ description: "A person: the fields shared by candidates and members." })
export class PersonInput {
  @Field(() => String)
  @IsString()
  @Length(2, 120)
  fullName!: string;

  @Field(() => Gender)
  @IsEnum(Gender)
  gender!: Gender;

  @Field(() => DateScalar)
  birthDate!: IsoDate;

  @Field(() => String, { description: "e.g. Kinh, Chăm, Raglai." })
  @IsString()
  @Length(1, 60)
  ethnicity!: string;

  @Field(() => Occupation)
  @IsEnum(Occupation)
  occupation!: Occupation;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^[0-9+ .-]{8,20}$/, { message: "phone must be 8–20 digits" })
  phone?: string;

  @Field(() => String, { nullable: true, description: "12-digit citizen identity number." })
  @IsOptional()
  @Matches(/^\d{12}$/, { message: "nationalId must be 12 digits" })
  nationalId?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(300)
  address?: string;
}

@InputType()
export class RegisterCandidateInput extends PersonInput {
  @Field(() => ID, { description: "The cell the person is developed by." })
  cellId!: string;

  @Field(() => DateScalar, { description: "Not in the future." })
  registeredOn!: IsoDate;
}

@InputType({ description: "The next step of a candidate. Fields needed depend on the stage." })
export class AdvanceCandidateInput {
  @Field(() => ID)
  candidateId!: string;

  @Field(() => CandidateStage, {
    description: "The next stage (no skipping), or REJECTED / WITHDRAWN.",
  })
  @IsEnum(CandidateStage)
  stage!: CandidateStage;

  @Field(() => DateScalar, { description: "Not before the previous stage, not in the future." })
  on!: IsoDate;

  @Field(() => ID, { nullable: true, description: "AWARENESS_CLASS: the class attended." })
  @IsOptional()
  trainingClassId?: string;

  @Field(() => String, {
    nullable: true,
    description: "ADMITTED: the admission decision, e.g. 125-QĐ/HU.",
  })
  @IsOptional()
  @Length(1, 60)
  decisionNo?: string;

  @Field(() => String, { nullable: true, description: "VERIFIED: the verification's result." })
  @IsOptional()
  @MaxLength(2000)
  result?: string;

  @Field(() => String, {
    nullable: true,
    description: "REJECTED / WITHDRAWN: the reason (required); otherwise a note.",
  })
  @IsOptional()
  @MaxLength(2000)
  note?: string;
}

@ArgsType()
export class CandidatesArgs extends PageArgsInput {
  @Field(() => ID, { nullable: true, description: "A unit; omitted: every candidate you may see." })
  @IsOptional()
  unitId?: string;

  @Field(() => Boolean, {
    nullable: true,
    description: "Include the unit's subtree (default true).",
  })
  @IsOptional()
  @IsBoolean()
  includeSubtree?: boolean;

  @Field(() => [CandidateStage], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(8)
  @IsEnum(CandidateStage, { each: true })
  stages?: CandidateStage[];

  @Field(() => String, { nullable: true, description: "Words of the name; diacritics ignored." })
  @IsOptional()
  @MaxLength(200)
  search?: string;

  @Field(() => DateScalar, { nullable: true, description: "Registered on or after." })
  @IsOptional()
  registeredFrom?: IsoDate;

  @Field(() => DateScalar, { nullable: true, description: "Registered on or before." })
  @IsOptional()
  registeredTo?: IsoDate;
}
