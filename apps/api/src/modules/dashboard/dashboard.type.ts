import "reflect-metadata";
import { OrgUnitKind, type IsoDate } from "@dangbo/shared";
import { Field, Float, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { DateScalar } from "../../graphql/scalars.ts";
import { MemberCounts } from "../committee/committee.type.ts";

export const ProgressBandEnum = { LOW: "LOW", MEDIUM: "MEDIUM", MET: "MET", NONE: "NONE" } as const;
registerEnumType(ProgressBandEnum, {
  name: "ProgressBand",
  description:
    "Colour band of admitted / target: LOW < 50 %, MEDIUM 50–99.9 %, MET ≥ 100 %, NONE without a target.",
});

export const CompositionDimension = {
  SECTOR: "SECTOR",
  GENDER: "GENDER",
  AGE_BAND: "AGE_BAND",
  ETHNICITY: "ETHNICITY",
  OCCUPATION: "OCCUPATION",
} as const;
export type CompositionDimension = (typeof CompositionDimension)[keyof typeof CompositionDimension];
registerEnumType(CompositionDimension, {
  name: "CompositionDimension",
  description:
    "How new members are grouped: SECTOR of the admitting cell, GENDER, AGE_BAND at admission (UNDER_30, 30_45, 46_60, OVER_60), ETHNICITY, OCCUPATION.",
});

@ObjectType({ simpleResolvers: true, description: "The period a figure covers." })
export class PeriodInfo {
  @Field(() => Int)
  year!: number;

  @Field(() => Int, { nullable: true })
  quarter!: number | null;

  @Field(() => DateScalar, { description: "First day counted." })
  from!: IsoDate;

  @Field(() => DateScalar, {
    description: "Last day counted (the period's end, or asOf if earlier).",
  })
  until!: IsoDate;

  @Field(() => DateScalar, { description: "The tree is the one of this date." })
  treeDate!: IsoDate;
}

@ObjectType({ simpleResolvers: true, description: "One month of a unit's admissions." })
export class MonthPoint {
  @Field(() => Int, { description: "1–12." })
  month!: number;

  @Field(() => Int)
  admitted!: number;

  @Field(() => Int, { description: "Admitted since the period began." })
  cumulative!: number;

  @Field(() => Float, {
    description: "The target's even pace at the month's end (target × month / 12).",
  })
  pace!: number;
}

@ObjectType({
  simpleResolvers: true,
  description:
    "Admissions of one unit's subtree in a period against its target. percent = admitted / target × 100 rounded to one decimal (null when the target is 0 or unset).",
})
export class AdmissionRow {
  @Field(() => ID)
  unitId!: number;

  @Field(() => String)
  name!: string;

  @Field(() => OrgUnitKind)
  kind!: OrgUnitKind;

  @Field(() => Int, {
    description: "The unit's annual target for the year (0 when none was assigned).",
  })
  target!: number;

  @Field(() => Int, {
    description:
      "Members admitted in the period by cells that were in the unit's subtree on the day of admission.",
  })
  admitted!: number;

  @Field(() => Float, { nullable: true })
  percent!: number | null;

  @Field(() => ProgressBandEnum)
  band!: string;

  @Field(() => Int, {
    description: "Members of the subtree whose probation ends within 60 days of asOf.",
  })
  probationaryEndingSoon!: number;

  @Field(() => [Int], {
    description: "Admissions per month of the period (12 values for a year, 3 for a quarter).",
  })
  monthly!: number[];

  @Field(() => [Int], { description: "Running total of `monthly`." })
  cumulative!: number[];

  @Field(() => [Float], {
    description: "The target's even pace: target × months elapsed / 12, per month of the period.",
  })
  pace!: number[];

  @Field(() => Boolean, {
    description:
      "The unit existed on the period's tree date (false: dissolved or moved away during the period).",
  })
  current!: boolean;

  @Field(() => [MonthPoint], {
    description: "The same monthly figures as objects (for tables and exports).",
  })
  months!: MonthPoint[];

  @Field(() => Int, {
    description:
      "The part of the annual target due in the period: target × months of the period / 12 (a quarter: a quarter of it).",
  })
  periodTarget!: number;

  @Field(() => Float, {
    nullable: true,
    description: "admitted / periodTarget × 100, one decimal (null without a target).",
  })
  periodPercent!: number | null;
}

@ObjectType({
  simpleResolvers: true,
  description: "A unit's admissions and those of each direct subordinate.",
})
export class AdmissionProgress {
  @Field(() => PeriodInfo)
  period!: PeriodInfo;

  @Field(() => AdmissionRow)
  unit!: AdmissionRow;

  @Field(() => [AdmissionRow], {
    description:
      "One row per direct subordinate that existed at any time in the period (a unit dissolved in the period keeps its row with current=false), by name.",
  })
  rows!: AdmissionRow[];

  @Field(() => Int, {
    description:
      "Admitted by the unit itself (a grassroots cell): unit.admitted − Σ rows.admitted.",
  })
  directAdmitted!: number;

  @Field(() => Int, { description: "Σ rows.target, to compare with unit.target." })
  rowsTarget!: number;
}

@ObjectType({
  simpleResolvers: true,
  description: "The leaders' headline figures for a unit and period.",
})
export class DashboardSummary {
  @Field(() => PeriodInfo)
  period!: PeriodInfo;

  @Field(() => MemberCounts, { description: "Members of the subtree on the period's tree date." })
  members!: MemberCounts;

  @Field(() => Int, {
    description: "Grassroots organisations (TCCS) in the subtree on the tree date.",
  })
  grassrootsCount!: number;

  @Field(() => Int, {
    description: "Cells (subordinate cells and grassroots cells) in the subtree on the tree date.",
  })
  cellCount!: number;

  @Field(() => Int)
  admitted!: number;

  @Field(() => Int)
  target!: number;

  @Field(() => Float, { nullable: true })
  percent!: number | null;

  @Field(() => ProgressBandEnum)
  band!: string;

  @Field(() => Int, {
    description: "Probationary members whose probation ends within 60 days of asOf.",
  })
  probationEndingSoon!: number;

  @Field(() => Int, {
    description:
      "Candidates (outstanding persons) in the pipeline, not yet admitted, rejected or withdrawn.",
  })
  candidatesInPipeline!: number;
}

@ObjectType({ simpleResolvers: true })
export class TrendPoint {
  @Field(() => Int)
  year!: number;

  @Field(() => Int)
  admitted!: number;

  @Field(() => Int)
  target!: number;

  @Field(() => Float, { nullable: true })
  percent!: number | null;
}

@ObjectType({ simpleResolvers: true })
export class CompositionSlice {
  @Field(() => String, {
    description:
      "The group: an enum value (sector, gender, age band, occupation) or an ethnicity name.",
  })
  key!: string;

  @Field(() => Int)
  count!: number;

  @Field(() => Float, { description: "Share of the total, percent with one decimal." })
  share!: number;
}

@ObjectType({ simpleResolvers: true })
export class FunnelStage {
  @Field(() => String, { description: "AWARENESS_CLASS, VERIFIED, PROPOSED, ADMITTED, OFFICIAL." })
  stage!: string;

  @Field(() => Int, { description: "People who reached the stage during the period." })
  count!: number;

  @Field(() => Float, {
    nullable: true,
    description:
      "count / previous stage's count, percent; null for the first stage or when the previous is 0.",
  })
  conversion!: number | null;
}

export { MemberCounts };

export const KeptFiguresUpkeep = {
  IN_TRANSACTION: "IN_TRANSACTION",
  REBUILT: "REBUILT",
} as const;
export type KeptFiguresUpkeep = (typeof KeptFiguresUpkeep)[keyof typeof KeptFiguresUpkeep];
registerEnumType(KeptFiguresUpkeep, {
  name: "KeptFiguresUpkeep",
  description:
    "IN_TRANSACTION: changed in the transaction of every write that changes a figure (always current). REBUILT: recomputed in the background (every 10 minutes when stale); a write that can change a figure marks it stale.",
});

@ObjectType({
  simpleResolvers: true,
  description:
    "A set of kept (precomputed) figures the dashboard reads instead of counting over the tree. Figures are never served stale: while `fresh` is false the dashboard counts live (exact, slower) until the next rebuild.",
})
export class KeptFigures {
  @Field(() => String, {
    description: "composition, member_count_history, probation_due, structure, …",
  })
  name!: string;

  @Field(() => [String], { description: "The tables holding them." })
  tables!: string[];

  @Field(() => String, { description: "What they answer on the dashboard." })
  serves!: string;

  @Field(() => KeptFiguresUpkeep)
  upkeep!: KeptFiguresUpkeep;

  @Field(() => Boolean, {
    description: "Whether the dashboard reads them now (else it counts live).",
  })
  fresh!: boolean;

  @Field(() => Date, {
    nullable: true,
    description:
      "When they were last recomputed in full (null for figures only ever changed in the writing transaction).",
  })
  refreshedAt!: Date | null;

  @Field(() => DateScalar, { nullable: true, description: "First date they hold, if bounded." })
  coversFrom!: IsoDate | null;

  @Field(() => DateScalar, { nullable: true, description: "Last date they hold, if bounded." })
  coversThrough!: IsoDate | null;
}
