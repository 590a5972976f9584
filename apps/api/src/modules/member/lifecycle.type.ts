import "reflect-metadata";
import { MemberEventKind, MemberStatus } from "@dangbo/shared";
import { Field, ID, ObjectType, registerEnumType } from "type-graphql";
import { DateScalar } from "../../graphql/scalars.ts";

registerEnumType(MemberEventKind, {
  name: "MemberEventKind",
  description: "A dated change in a member's life.",
});

@ObjectType("MemberEvent", {
  description: "A dated change: admission, recognition, extension, move, exit…",
})
export class MemberEventType {
  @Field(() => ID)
  id!: number;

  @Field(() => MemberEventKind)
  kind!: MemberEventKind;

  @Field(() => DateScalar)
  effectiveOn!: Date;

  @Field(() => MemberStatus)
  statusAfter!: MemberStatus;

  @Field(() => String, { nullable: true })
  decisionNo!: string | null;

  @Field(() => String, { nullable: true })
  reason!: string | null;

  unitId!: number;
}

@ObjectType("MemberAssignment", { description: "A period of party activity in a cell." })
export class MemberAssignmentType {
  @Field(() => DateScalar)
  validFrom!: Date;

  @Field(() => DateScalar, {
    nullable: true,
    description: "First day no longer in the cell; null while there.",
  })
  validTo!: Date | null;

  @Field(() => Boolean, { description: "Temporary activity away from the home cell." })
  temporary!: boolean;

  unitId!: number;
}
