import "reflect-metadata";
import {
  Audience,
  ConferenceFormat,
  ConferenceKind,
  DocumentKind,
  OrgUnitKind,
  PlanKind,
  ReviewKind,
  type IsoDate,
} from "@dangbo/shared";
import { Field, Float, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { Connection } from "../../graphql/pagination.ts";
import { DateScalar } from "../../graphql/scalars.ts";
import { PeriodInfo } from "../dashboard/dashboard.type.ts";

registerEnumType(DocumentKind, {
  name: "DocumentKind",
  description: "The kind of a party document, as written in its number (`21-NQ/TW`).",
  valuesConfig: {
    NQ: { description: "Nghị quyết — resolution." },
    CT: { description: "Chỉ thị — directive." },
    KL: { description: "Kết luận — conclusion." },
    QD: { description: "Quy định / Quyết định — regulation or decision; written QĐ in numbers." },
    HD: { description: "Hướng dẫn — guidance." },
    KH: { description: "Kế hoạch — plan." },
    TB: { description: "Thông báo — notice." },
  },
});
registerEnumType(ConferenceKind, {
  name: "ConferenceKind",
  valuesConfig: {
    DISSEMINATION: {
      description: "Conference to disseminate (quán triệt) resolutions and directives.",
    },
    THEMATIC_CONFERENCE: {
      description: "Thematic conference updating knowledge, usually for key cadres.",
    },
    TRAINING_COURSE: { description: "Training course on party building for cadres." },
  },
});
registerEnumType(ConferenceFormat, {
  name: "ConferenceFormat",
  valuesConfig: {
    IN_PERSON: { description: "Held in person." },
    ONLINE: { description: "Held online (trực tuyến)." },
    MIXED: { description: "In person with online connection points." },
  },
});
registerEnumType(Audience, {
  name: "Audience",
  valuesConfig: {
    CADRES: { description: "Cadres and members." },
    MEMBERS: { description: "Party members." },
    KEY_CADRES: { description: "Key cadres (cán bộ chủ chốt)." },
  },
});
registerEnumType(PlanKind, {
  name: "PlanKind",
  valuesConfig: {
    PROGRAMME: { description: "Programme of action (chương trình hành động)." },
    PLAN: { description: "Implementation plan (kế hoạch thực hiện)." },
  },
});
registerEnumType(ReviewKind, {
  name: "ReviewKind",
  valuesConfig: {
    MID_TERM: { description: "Mid-term review (sơ kết)." },
    FINAL: { description: "Final review (tổng kết)." },
  },
});

export const ImplementationStatusEnum = {
  ON_TIME: "ON_TIME",
  LATE: "LATE",
  OVERDUE: "OVERDUE",
  PENDING: "PENDING",
} as const;
registerEnumType(ImplementationStatusEnum, {
  name: "ImplementationStatus",
  description:
    "A required unit's programme or plan on the as-of date: ON_TIME (issued by its due date), LATE (issued after it), OVERDUE (not issued, due date passed), PENDING (not issued, not yet due).",
});

@ObjectType("Document", {
  description:
    "A resolution, directive, conclusion, regulation, decision, guidance, plan or notice, numbered `<n>-<KIND>/<ISSUER>`. Documents of the centre and of committees above your unit are visible to everyone below them; a committee's own documents only within its subtree.",
})
export class DocumentType {
  @Field(() => ID)
  id!: number;

  @Field(() => String, {
    description:
      "The canonical number, e.g. `21-NQ/TW`, `05-CT/TW`, `368-QĐ/TU` (numbers below 10 with one leading zero, QĐ with Đ).",
  })
  number!: string;

  @Field(() => Int, { description: "The sequence number (21 in 21-NQ/TW)." })
  seq!: number;

  @Field(() => DocumentKind)
  kind!: DocumentKind;

  @Field(() => String, { description: "The issuer code: TW (centre), TU (province), HU, ĐU, …" })
  issuer!: string;

  @Field(() => DateScalar, { description: "The date the document was issued." })
  issuedOn!: Date;

  @Field(() => String)
  title!: string;

  @Field(() => String, { nullable: true })
  summary!: string | null;

  @Field(() => Date)
  createdAt!: Date;

  issuerUnitId!: number | null;
}

@ObjectType("DocumentConnection")
export class DocumentConnection extends Connection(DocumentType, "Document") {}

@ObjectType("Conference", {
  description:
    "A dissemination conference, thematic conference or training course organised by a unit.",
})
export class ConferenceType {
  @Field(() => ID)
  id!: number;

  @Field(() => ConferenceKind)
  kind!: ConferenceKind;

  @Field(() => String)
  title!: string;

  @Field(() => DateScalar)
  heldOn!: Date;

  @Field(() => ConferenceFormat)
  format!: ConferenceFormat;

  @Field(() => Audience)
  audience!: Audience;

  @Field(() => Int, {
    description:
      "Number of attendees (cadres and members reached); may exceed the named attendees.",
  })
  attendeeCount!: number;

  @Field(() => Date)
  createdAt!: Date;

  organiserUnitId!: number;
}

@ObjectType("ConferenceConnection")
export class ConferenceConnection extends Connection(ConferenceType, "Conference") {}

@ObjectType("ImplementationRequirement", {
  description:
    "Units of the given kinds in the subtree of the scope unit must issue a programme or plan to implement the document by dueOn.",
})
export class ImplementationRequirementType {
  @Field(() => ID)
  id!: number;

  @Field(() => [OrgUnitKind])
  unitKinds!: OrgUnitKind[];

  @Field(() => DateScalar)
  dueOn!: Date;

  @Field(() => Date)
  createdAt!: Date;

  documentId!: number;
  scopeUnitId!: number;
}

@ObjectType("ImplementationPlan", {
  description: "A unit's programme or plan implementing a document.",
})
export class ImplementationPlanType {
  @Field(() => ID)
  id!: number;

  @Field(() => PlanKind)
  kind!: PlanKind;

  @Field(() => DateScalar)
  issuedOn!: Date;

  @Field(() => String, { description: "The plan's own number, e.g. 15-KH/ĐU." })
  reference!: string;

  @Field(() => Date)
  createdAt!: Date;

  documentId!: number;
  unitId!: number;
}

@ObjectType("DocumentReview", {
  description: "A unit's mid-term (sơ kết) or final (tổng kết) review of a document.",
})
export class DocumentReviewType {
  @Field(() => ID)
  id!: number;

  @Field(() => ReviewKind)
  kind!: ReviewKind;

  @Field(() => DateScalar)
  heldOn!: Date;

  @Field(() => String, { nullable: true })
  summary!: string | null;

  documentId!: number;
  unitId!: number;
}

// ───────────────────────────── panels ─────────────────────────────

@ObjectType({ simpleResolvers: true, description: "Conferences of one kind and their reach." })
export class ConferenceKindTotal {
  @Field(() => ConferenceKind)
  kind!: ConferenceKind;

  @Field(() => Int)
  conferences!: number;

  @Field(() => Int, { description: "Σ attendeeCount." })
  attendees!: number;
}

@ObjectType({
  simpleResolvers: true,
  description:
    "Conferences organised in a unit's subtree in the period (a conference counts for the units its organiser was under on the day it was held).",
})
export class DisseminationRow {
  @Field(() => ID)
  unitId!: number;

  @Field(() => String)
  name!: string;

  @Field(() => OrgUnitKind)
  kind!: OrgUnitKind;

  @Field(() => Boolean, {
    description:
      "The unit existed as a direct subordinate on the period's tree date (false: dissolved or moved away during the period).",
  })
  current!: boolean;

  @Field(() => [ConferenceKindTotal], {
    description: "One entry per ConferenceKind, in the enum's order (zeros included).",
  })
  byKind!: ConferenceKindTotal[];

  @Field(() => Int, { description: "All kinds together." })
  conferences!: number;

  @Field(() => Int)
  attendees!: number;
}

@ObjectType({
  simpleResolvers: true,
  description:
    "The dissemination panel: conferences, thematic conferences and training courses of a subtree in a year or quarter, and per direct subordinate.",
})
export class DisseminationSummary {
  @Field(() => PeriodInfo)
  period!: PeriodInfo;

  @Field(() => DisseminationRow, { description: "The whole subtree." })
  unit!: DisseminationRow;

  @Field(() => DisseminationRow, {
    description: "Organised by the unit itself (not by a subordinate).",
  })
  own!: DisseminationRow;

  @Field(() => [DisseminationRow], {
    description:
      "One row per direct subordinate that existed at any time in the period, by name. unit = own + Σ rows.",
  })
  rows!: DisseminationRow[];
}

@ObjectType({
  simpleResolvers: true,
  description: "Implementation of a document by the required units of one group.",
})
export class CoverageRow {
  @Field(() => ID)
  unitId!: number;

  @Field(() => String)
  name!: string;

  @Field(() => Int, { description: "Units that must issue a programme or plan." })
  required!: number;

  @Field(() => Int, { description: "Of those, units that issued one (on time or late)." })
  issued!: number;

  @Field(() => Int)
  onTime!: number;

  @Field(() => Int)
  late!: number;

  @Field(() => Int, { description: "Not issued, due date passed." })
  overdue!: number;

  @Field(() => Int, { description: "Not issued, not yet due." })
  pending!: number;

  @Field(() => Int, {
    description: "Required units that held their own conference disseminating the document.",
  })
  disseminated!: number;

  @Field(() => Int, { description: "Required units that held a mid-term review (sơ kết)." })
  midTermReviewed!: number;

  @Field(() => Int, { description: "Required units that held a final review (tổng kết)." })
  finalReviewed!: number;

  @Field(() => Float, {
    nullable: true,
    description: "issued / required × 100, one decimal (null when nothing is required).",
  })
  percent!: number | null;

  @Field(() => Float, { nullable: true, description: "onTime / required × 100, one decimal." })
  onTimePercent!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: "disseminated / required × 100, one decimal.",
  })
  disseminatedPercent!: number | null;
}

@ObjectType({ description: "One required unit and what it has done about the document." })
export class RequiredUnit {
  @Field(() => ID)
  unitId!: number;

  @Field(() => String)
  name!: string;

  @Field(() => OrgUnitKind)
  kind!: OrgUnitKind;

  @Field(() => ID, { description: "The direct subordinate (row) the unit is counted under." })
  groupId!: number;

  @Field(() => String)
  groupName!: string;

  @Field(() => DateScalar, {
    description:
      "When its plan is due: the requirement's date, or for a unit created after it, as many days after its creation as the requirement allowed.",
  })
  dueOn!: IsoDate;

  @Field(() => ImplementationStatusEnum)
  status!: string;

  @Field(() => PlanKind, { nullable: true })
  planKind!: PlanKind | null;

  @Field(() => DateScalar, { nullable: true })
  planIssuedOn!: IsoDate | null;

  @Field(() => String, { nullable: true })
  planReference!: string | null;

  @Field(() => Int, { nullable: true, description: "Days after dueOn the plan was issued." })
  daysLate!: number | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: "Its first own conference covering the document.",
  })
  disseminatedOn!: IsoDate | null;

  @Field(() => DateScalar, { nullable: true })
  midTermReviewOn!: IsoDate | null;

  @Field(() => DateScalar, { nullable: true })
  finalReviewOn!: IsoDate | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: "The day the unit was dissolved or merged, if it was.",
  })
  dissolvedOn!: IsoDate | null;
}

@ObjectType("RequiredUnitConnection")
export class RequiredUnitConnection extends Connection(RequiredUnit, "RequiredUnit") {}

@ObjectType({
  description:
    "Who must implement a document in a unit's subtree, who has issued a programme or plan, disseminated it and reviewed it, as of a date.",
})
export class ImplementationCoverage {
  @Field(() => DateScalar)
  asOf!: IsoDate;

  @Field(() => CoverageRow, { description: "The whole subtree." })
  total!: CoverageRow;

  @Field(() => [CoverageRow], {
    description:
      "Per direct subordinate (units count under the subordinate they were in on asOf, or on their last day), by name — the heat-map. A required unit that is the queried unit itself has its own row.",
  })
  rows!: CoverageRow[];

  @Field(() => RequiredUnitConnection, {
    description:
      "Required units with the statuses asked for (default: those that have not issued a plan — OVERDUE and PENDING), by subordinate then name.",
  })
  units!: RequiredUnitConnection;

  documentId!: number;
  unitId!: number;
}

@ObjectType({
  simpleResolvers: true,
  description: "Cells of one group and the year's study theme.",
})
export class StudyThemeRow {
  @Field(() => ID)
  unitId!: number;

  @Field(() => String)
  name!: string;

  @Field(() => Int, { description: "Cells on the tree date." })
  cells!: number;

  @Field(() => Int, {
    description: "Of those, cells that held at least one thematic meeting on the study theme.",
  })
  cellsCovered!: number;

  @Field(() => Float, { nullable: true, description: "cellsCovered / cells × 100, one decimal." })
  percent!: number | null;

  @Field(() => Int, {
    description: "Thematic meetings on the study theme held in the group during the period.",
  })
  meetings!: number;
}

@ObjectType({
  description: "How far the year's study theme reached the cells of a subtree.",
})
export class StudyThemeCoverage {
  @Field(() => PeriodInfo)
  period!: PeriodInfo;

  @Field(() => StudyThemeRow, { description: "The whole subtree." })
  total!: StudyThemeRow;

  @Field(() => [StudyThemeRow], { description: "Per direct subordinate on the tree date." })
  rows!: StudyThemeRow[];

  themeId!: number | null;
}
