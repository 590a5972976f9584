import "reflect-metadata";
import { OrgUnitKind, Sector, type IsoDate } from "@dangbo/shared";
import { Field, ID, Int, ObjectType } from "type-graphql";
import { Connection } from "../../graphql/pagination.ts";
import { DateScalar } from "../../graphql/scalars.ts";

@ObjectType({
  simpleResolvers: true,
  description: "Members counted on a date: those with an active primary assignment.",
})
export class MemberCounts {
  @Field(() => Int)
  official!: number;

  @Field(() => Int)
  probationary!: number;

  @Field(() => Int)
  total!: number;
}

@ObjectType("OrgUnit", {
  description:
    "A party organisation: the province, a committee, a grassroots organisation or a cell. Fields that depend on the tree (parent, children, ancestors, counts) are as of the date the unit was fetched for (`asOf`).",
})
export class OrgUnitType {
  @Field(() => ID)
  id!: number;

  @Field(() => String, { description: "Stable business code, e.g. NT.NH.012." })
  code!: string;

  @Field(() => String)
  name!: string;

  @Field(() => OrgUnitKind)
  kind!: OrgUnitKind;

  @Field(() => Sector)
  sector!: Sector;

  @Field(() => DateScalar, { description: "First day the unit existed." })
  validFrom!: Date;

  @Field(() => DateScalar, {
    nullable: true,
    description: "Day the unit was merged or dissolved; null while it exists.",
  })
  validTo!: Date | null;

  @Field(() => DateScalar, { description: "The date the tree-dependent fields are computed for." })
  asOf!: IsoDate;

  parentId!: number | null;
}

@ObjectType("OrgUnitConnection")
export class OrgUnitConnection extends Connection(OrgUnitType, "OrgUnit") {}
