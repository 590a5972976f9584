import "reflect-metadata";
import { Gender, MemberStatus, Occupation } from "@dangbo/shared";
import { Field, ID, ObjectType } from "type-graphql";
import { Connection } from "../../graphql/pagination.ts";
import { DateScalar } from "../../graphql/scalars.ts";

@ObjectType("Member", {
  description:
    "A party member. Personal identifiers are null for roles without access to personal data.",
})
export class MemberType {
  @Field(() => ID)
  id!: number;

  @Field(() => String, { description: "Party card number." })
  code!: string;

  @Field(() => String)
  fullName!: string;

  @Field(() => Gender)
  gender!: Gender;

  @Field(() => DateScalar, { nullable: true })
  birthDate!: Date | null;

  @Field(() => String)
  ethnicity!: string;

  @Field(() => Occupation)
  occupation!: Occupation;

  @Field(() => MemberStatus, { description: "Current standing." })
  status!: MemberStatus;

  @Field(() => DateScalar, { description: "Date of the admission decision." })
  admittedOn!: Date;

  @Field(() => DateScalar, {
    nullable: true,
    description: "End of probation (admission + 12 months, plus any extension).",
  })
  probationEndsOn!: Date | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: "Date of recognition as an official member.",
  })
  officialOn!: Date | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: "Date the member left (removal, resignation, transfer out, death).",
  })
  exitedOn!: Date | null;

  @Field(() => String, { nullable: true })
  phone!: string | null;

  @Field(() => String, { nullable: true })
  nationalId!: string | null;

  @Field(() => String, { nullable: true })
  address!: string | null;

  unitId!: number;
}

@ObjectType("MemberConnection")
export class MemberConnection extends Connection(MemberType, "Member") {}
