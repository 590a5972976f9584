import "reflect-metadata";
import { AwardKind, OrgUnitKind, type IsoDate } from "@dangbo/shared";
import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { Connection } from "../../graphql/pagination.ts";
import { DateScalar } from "../../graphql/scalars.ts";

registerEnumType(AwardKind, {
  name: "AwardKind",
  description: "The kind of an emulation award.",
  valuesConfig: {
    GOVERNMENT_FLAG: {
      description: "The Government's emulation flag (Cờ thi đua của Chính phủ); units only.",
    },
    PRIME_MINISTER_FLAG: {
      description:
        "The Prime Minister's emulation flag (Cờ thi đua của Thủ tướng Chính phủ); units only.",
    },
    PROVINCE_FLAG: {
      description: "The province's emulation flag (Cờ thi đua của UBND tỉnh); units only.",
    },
    STANDING_COMMITTEE_CERTIFICATE: {
      description: "Certificate of merit of a standing committee (Bằng khen của Ban Thường vụ).",
    },
    PEOPLES_COMMITTEE_CERTIFICATE: {
      description: "Certificate of merit of the provincial People's Committee chairman.",
    },
    EXCELLENT_TASKS_TITLE: {
      description:
        "The title 'completed tasks excellently' (hoàn thành xuất sắc nhiệm vụ), often for several consecutive years.",
    },
  },
});

export const AwardRecipientEnum = { UNIT: "UNIT", MEMBER: "MEMBER" } as const;
export type AwardRecipient = (typeof AwardRecipientEnum)[keyof typeof AwardRecipientEnum];
registerEnumType(AwardRecipientEnum, {
  name: "AwardRecipient",
  description: "Who received an award: a unit (a collective) or a member (a person).",
});

@ObjectType("Award", {
  description:
    "An emulation flag, certificate of merit or title, for one year or a run of consecutive years [yearFrom, yearTo] (both inclusive), to a unit or a member, with the decision that granted it.",
})
export class AwardType {
  @Field(() => ID)
  id!: number;

  @Field(() => AwardKind)
  kind!: AwardKind;

  @Field(() => String, { nullable: true, description: "The title as written on the decision." })
  title!: string | null;

  @Field(() => String, { description: "Who granted it, e.g. Ban Thường vụ Tỉnh ủy." })
  issuer!: string;

  @Field(() => String, { description: "Decision number, e.g. 1598/QĐ-TTg or 950-QĐ/TU." })
  decisionNo!: string;

  @Field(() => DateScalar)
  decidedOn!: Date;

  @Field(() => Int, { description: "First year recognised." })
  yearFrom!: number;

  @Field(() => Int, { description: "Last year recognised (equal to yearFrom for one year)." })
  yearTo!: number;

  unitId!: number | null;
  memberId!: number | null;
  campaignId!: number | null;
}

@ObjectType("AwardConnection")
export class AwardConnection extends Connection(AwardType, "Award") {}

@ObjectType({
  simpleResolvers: true,
  description: "Awards of one kind counted in the year.",
})
export class AwardKindCount {
  @Field(() => AwardKind)
  kind!: AwardKind;

  @Field(() => Int)
  awards!: number;

  @Field(() => Int, { description: "Of those, to units." })
  unitAwards!: number;

  @Field(() => Int, { description: "Of those, to members." })
  memberAwards!: number;
}

@ObjectType({
  simpleResolvers: true,
  description: "Awards counted in the year for one direct subordinate (or the whole subtree).",
})
export class AwardSummaryRow {
  @Field(() => ID)
  unitId!: number;

  @Field(() => String)
  name!: string;

  @Field(() => OrgUnitKind)
  kind!: OrgUnitKind;

  @Field(() => Int, { description: "All awards covering the year." })
  awards!: number;

  @Field(() => Int, { description: "To units of the subtree." })
  unitAwards!: number;

  @Field(() => Int, { description: "To members whose cell is in the subtree." })
  memberAwards!: number;

  @Field(() => Int, { description: "Emulation flags (Government, Prime Minister, province)." })
  flags!: number;

  @Field(() => Int, {
    description: "Certificates of merit (standing committee, People's Committee).",
  })
  certificates!: number;

  @Field(() => Int, { description: "Titles (completed tasks excellently)." })
  titles!: number;

  @Field(() => Int, { description: "Awards covering several consecutive years (counted in each)." })
  multiYear!: number;

  @Field(() => Boolean, {
    description: "Still a direct subordinate on the tree date (false: ceased before it).",
  })
  current!: boolean;
}

@ObjectType({
  description:
    "Dashboard panel — awards in a unit's subtree for a year: an award counts in every year it covers (a 2020–2024 title counts in 2020, 2021, 2022, 2023 and 2024) once decided by asOf. A unit's award counts where the unit was on the tree date; a member's where the member's cell was (their current cell if they had none then).",
})
export class AwardSummary {
  @Field(() => Int)
  year!: number;

  @Field(() => DateScalar, {
    description: "The tree the rows follow: 31 December of the year, or asOf if earlier.",
  })
  treeDate!: IsoDate;

  @Field(() => DateScalar, { description: "Awards decided after this day are not counted." })
  asOf!: IsoDate;

  @Field(() => AwardSummaryRow, { description: "The whole subtree." })
  total!: AwardSummaryRow;

  @Field(() => AwardSummaryRow, {
    description:
      "Awards to the unit itself (not to a subordinate); Σ bySubordinate + direct = total.",
  })
  direct!: AwardSummaryRow;

  @Field(() => [AwardKindCount], {
    description: "Every kind, in the enum's order (zeros included).",
  })
  byKind!: AwardKindCount[];

  @Field(() => [AwardSummaryRow], { description: "Per direct subordinate, by name." })
  bySubordinate!: AwardSummaryRow[];
}
