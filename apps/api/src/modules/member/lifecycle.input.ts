import "reflect-metadata";
import { MemberStatus, type IsoDate } from "@dangbo/shared";
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsIn,
  IsInt,
  IsOptional,
  Length,
  Max,
  MaxLength,
  Min,
} from "class-validator";
import { Field, ID, InputType, Int } from "type-graphql";
import { DateScalar } from "../../graphql/scalars.ts";
import { PersonInput } from "../candidate/candidate.input.ts";

@InputType({ description: "Members to act on together (all or nothing)." })
class BatchInput {
  @Field(() => [ID], { description: "1–500 members." })
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  memberIds!: string[];

  @Field(() => DateScalar, { description: "Effective date (of the decision)." })
  on!: IsoDate;
}

@InputType()
export class RecogniseOfficialInput extends BatchInput {
  @Field(() => String, { description: "The decision recognising them, e.g. 45-QĐ/ĐU." })
  @Length(1, 60)
  decisionNo!: string;
}

@InputType()
export class ExtendProbationInput extends BatchInput {
  @Field(() => Int, { description: "Months of extension; at most 12 in total (Party Charter)." })
  @IsInt()
  @Min(1)
  @Max(12)
  months!: number;

  @Field(() => String)
  @Length(1, 60)
  decisionNo!: string;

  @Field(() => String)
  @Length(1, 2000)
  reason!: string;
}

export const EXIT_STATUS_VALUES = [
  MemberStatus.REMOVED,
  MemberStatus.RESIGNED,
  MemberStatus.TRANSFERRED_OUT,
  MemberStatus.DECEASED,
] as const;

@InputType({ description: "Members leave the counts from this date; their history stays." })
export class RecordExitInput extends BatchInput {
  @Field(() => MemberStatus, {
    description:
      "REMOVED (screened out), RESIGNED, TRANSFERRED_OUT (to another province) or DECEASED.",
  })
  @IsIn(EXIT_STATUS_VALUES)
  status!: MemberStatus;

  @Field(() => String, {
    nullable: true,
    description: "Required for REMOVED and RESIGNED; for TRANSFERRED_OUT, where to.",
  })
  @IsOptional()
  @MaxLength(2000)
  reason?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 60)
  decisionNo?: string;
}

@InputType({
  description: "Moves a member's party activity to another cell of the province from a date.",
})
export class MoveMemberInput {
  @Field(() => ID)
  @Length(1, 20)
  memberId!: string;

  @Field(() => ID)
  @Length(1, 20)
  toCellId!: string;

  @Field(() => DateScalar)
  on!: IsoDate;
}

@InputType({ description: "A member arriving from another province (transfer of party activity)." })
export class TransferInInput extends PersonInput {
  @Field(() => ID)
  cellId!: string;

  @Field(() => DateScalar, { description: "Arrival date." })
  on!: IsoDate;

  @Field(() => DateScalar, { description: "Original admission date." })
  admittedOn!: IsoDate;

  @Field(() => DateScalar, {
    nullable: true,
    description: "Recognition as official, if already official.",
  })
  @IsOptional()
  officialOn?: IsoDate;

  @Field(() => String, { description: "Where the member comes from, e.g. Đảng bộ tỉnh Khánh Hòa." })
  @Length(2, 200)
  origin!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 60)
  decisionNo?: string;
}

@InputType({
  description:
    "Temporary party activity in another cell (members working away keep their home cell).",
})
export class TemporaryActivityInput {
  @Field(() => ID)
  @Length(1, 20)
  memberId!: string;

  @Field(() => ID, { description: "The host cell." })
  @Length(1, 20)
  cellId!: string;

  @Field(() => DateScalar)
  on!: IsoDate;
}
