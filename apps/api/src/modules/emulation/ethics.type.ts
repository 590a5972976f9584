import "reflect-metadata";
import { OrgUnitKind, type IsoDate } from "@dangbo/shared";
import { Field, ID, Int, ObjectType } from "type-graphql";
import { Connection } from "../../graphql/pagination.ts";
import { DateScalar } from "../../graphql/scalars.ts";

@ObjectType("EthicalStandard", {
  description:
    "An ethical standard a unit defined for its cadres and members (chuẩn mực đạo đức), with the action slogans derived from it.",
})
export class EthicalStandardType {
  @Field(() => ID)
  id!: number;

  @Field(() => String)
  content!: string;

  @Field(() => Date)
  createdAt!: Date;

  unitId!: number;
}

@ObjectType("EthicalStandardConnection")
export class EthicalStandardConnection extends Connection(EthicalStandardType, "EthicalStandard") {}

@ObjectType({
  simpleResolvers: true,
  description:
    "Ethical standards and action slogans of one direct subordinate's subtree (or the whole).",
})
export class EthicalStandardCountRow {
  @Field(() => ID)
  unitId!: number;

  @Field(() => String)
  name!: string;

  @Field(() => OrgUnitKind)
  kind!: OrgUnitKind;

  @Field(() => Int, { description: "Ethical standards recorded (by asOf)." })
  standards!: number;

  @Field(() => Int, { description: "Action slogans derived from them." })
  slogans!: number;

  @Field(() => Int, { description: "Units (of any kind) with at least one standard." })
  unitsWithStandards!: number;

  @Field(() => Int, { description: "Grassroots organisations in the subtree." })
  grassroots!: number;

  @Field(() => Int, { description: "Of those, organisations that recorded at least one standard." })
  grassrootsWithStandards!: number;
}

@ObjectType({
  description:
    "Ethical standards per direct subordinate of a unit ('3,260 ethical standards'): standards recorded by asOf by the units of the tree on asOf (units that ceased before are not counted).",
})
export class EthicalStandardCounts {
  @Field(() => DateScalar)
  asOf!: IsoDate;

  @Field(() => EthicalStandardCountRow, { description: "The whole subtree." })
  total!: EthicalStandardCountRow;

  @Field(() => EthicalStandardCountRow, {
    description: "Recorded by the unit itself; Σ rows + direct = total.",
  })
  direct!: EthicalStandardCountRow;

  @Field(() => [EthicalStandardCountRow], {
    description: "Per direct subordinate on asOf, by name.",
  })
  rows!: EthicalStandardCountRow[];
}
