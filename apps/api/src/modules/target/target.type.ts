import "reflect-metadata";
import { OrgUnitKind } from "@dangbo/shared";
import { Field, ID, Int, ObjectType } from "type-graphql";

@ObjectType({ simpleResolvers: true, description: "A unit's admission target for a year." })
export class TargetRow {
  @Field(() => ID)
  unitId!: number;

  @Field(() => String)
  name!: string;

  @Field(() => OrgUnitKind)
  kind!: OrgUnitKind;

  @Field(() => Int)
  year!: number;

  @Field(() => Int, { nullable: true, description: "Null when no target was assigned." })
  target!: number | null;

  @Field(() => Date, { nullable: true })
  updatedAt!: Date | null;

  @Field(() => String, { nullable: true, description: "Who set it last." })
  updatedBy!: string | null;
}

@ObjectType({
  simpleResolvers: true,
  description: "A unit's target for a year and the targets it assigned to its direct subordinates.",
})
export class AdmissionTargets {
  @Field(() => Int)
  year!: number;

  @Field(() => TargetRow)
  unit!: TargetRow;

  @Field(() => [TargetRow], {
    description:
      "Direct subordinates on the year's tree (31 December, or today for the current year), by name.",
  })
  rows!: TargetRow[];

  @Field(() => Int)
  rowsTotal!: number;

  @Field(() => Int, {
    description:
      "unit.target − rowsTotal: non-zero means subordinate targets do not add up to the unit's own.",
  })
  difference!: number;

  @Field(() => Boolean, { description: "Whether you may change the subordinates' targets." })
  editable!: boolean;
}
