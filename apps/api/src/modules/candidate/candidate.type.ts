import "reflect-metadata";
import { CandidateStage, Gender, Occupation } from "@dangbo/shared";
import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { Connection } from "../../graphql/pagination.ts";
import { DateScalar } from "../../graphql/scalars.ts";

registerEnumType(CandidateStage, {
  name: "CandidateStage",
  description: "Stages of member development, in order; REJECTED and WITHDRAWN end it.",
  valuesConfig: {
    REGISTERED: {
      description: "Registered as an outstanding person (quần chúng ưu tú) of a cell.",
    },
    AWARENESS_CLASS: { description: "Attended a party-awareness class." },
    VERIFICATION: { description: "Political background verification opened." },
    VERIFIED: { description: "Verification concluded (with its result)." },
    PROPOSED: { description: "Proposed for admission by the cell." },
    ADMITTED: { description: "Admission decided: now a probationary member." },
    REJECTED: { description: "Not admitted (with the reason)." },
    WITHDRAWN: { description: "Withdrew (with the reason)." },
  },
});

@ObjectType("CandidateStageEvent", {
  description: "One step of a candidate's development, with who recorded it.",
})
export class CandidateStageEventType {
  @Field(() => ID)
  id!: number;

  @Field(() => CandidateStage)
  stage!: CandidateStage;

  @Field(() => DateScalar)
  occurredOn!: Date;

  @Field(() => String, { nullable: true })
  decisionNo!: string | null;

  @Field(() => String, { nullable: true })
  result!: string | null;

  @Field(() => String, { nullable: true })
  note!: string | null;

  @Field(() => ID, { nullable: true })
  trainingClassId!: number | null;

  @Field(() => String, { nullable: true, description: "Username of who recorded it." })
  recordedBy!: string | null;
}

@ObjectType("Candidate", {
  description:
    "An outstanding person in a cell's development pipeline. Personal identifiers are masked for roles without access to personal data.",
})
export class CandidateType {
  @Field(() => ID)
  id!: number;

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

  @Field(() => String, { nullable: true })
  phone!: string | null;

  @Field(() => String, { nullable: true })
  nationalId!: string | null;

  @Field(() => String, { nullable: true })
  address!: string | null;

  @Field(() => CandidateStage)
  stage!: CandidateStage;

  @Field(() => DateScalar, { description: "When the current stage was reached." })
  stageOn!: Date;

  @Field(() => DateScalar)
  registeredOn!: Date;

  @Field(() => String, {
    nullable: true,
    description: "Why the candidate was rejected or withdrew.",
  })
  closedReason!: string | null;

  @Field(() => ID, { nullable: true, description: "The member created by the admission." })
  memberId!: number | null;

  unitId!: number;
}

@ObjectType("CandidateConnection")
export class CandidateConnection extends Connection(CandidateType, "Candidate") {}

@ObjectType({ simpleResolvers: true })
export class StageCount {
  @Field(() => CandidateStage)
  stage!: CandidateStage;

  @Field(() => Int)
  count!: number;
}
