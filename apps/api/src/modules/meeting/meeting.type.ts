import "reflect-metadata";
import { AttendanceStatus, MeetingKind, type IsoDate } from "@dangbo/shared";
import { Field, Float, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { Connection } from "../../graphql/pagination.ts";
import { DateScalar } from "../../graphql/scalars.ts";

registerEnumType(MeetingKind, {
  name: "MeetingKind",
  valuesConfig: {
    REGULAR: { description: "The monthly regular meeting (sinh hoạt thường kỳ)." },
    THEMATIC: {
      description: "The quarterly thematic meeting (sinh hoạt chuyên đề); needs a theme.",
    },
    EXTRAORDINARY: { description: "An extraordinary meeting; not counted for compliance." },
  },
});
registerEnumType(AttendanceStatus, {
  name: "AttendanceStatus",
  valuesConfig: {
    PRESENT: { description: "Attended." },
    EXCUSED: { description: "Absent with a valid reason." },
    ABSENT: { description: "Absent without a reason." },
  },
});

export const MonthStatusEnum = {
  ON_TIME: "ON_TIME",
  LATE: "LATE",
  MISSING: "MISSING",
  NOT_REQUIRED: "NOT_REQUIRED",
} as const;
registerEnumType(MonthStatusEnum, {
  name: "MonthStatus",
  description:
    "A month's regular meeting: ON_TIME (held by the 10th), LATE (held later in the month), MISSING (not recorded), NOT_REQUIRED (the cell did not exist the whole month).",
});
export const QuarterStatusEnum = {
  HELD: "HELD",
  MISSING: "MISSING",
  NOT_REQUIRED: "NOT_REQUIRED",
} as const;
registerEnumType(QuarterStatusEnum, {
  name: "QuarterStatus",
  description:
    "A quarter's thematic meeting: HELD, MISSING, or NOT_REQUIRED (the cell did not exist through the quarter's last month).",
});

@ObjectType("StudyTheme", {
  simpleResolvers: true,
  description: "The year's study theme set by the province.",
})
export class StudyThemeType {
  @Field(() => ID)
  id!: number;

  @Field(() => Int)
  year!: number;

  @Field(() => String)
  title!: string;

  @Field(() => String, { nullable: true })
  description!: string | null;
}

@ObjectType("Attendance", { description: "One member's attendance at a meeting." })
export class AttendanceType {
  @Field(() => AttendanceStatus)
  status!: AttendanceStatus;

  @Field(() => String, { nullable: true })
  reason!: string | null;

  memberId!: number;
}

@ObjectType("Meeting", { description: "A cell meeting with its attendance." })
export class MeetingType {
  @Field(() => ID)
  id!: number;

  @Field(() => MeetingKind)
  kind!: MeetingKind;

  @Field(() => Date, { description: "When it started (an instant)." })
  heldAt!: Date;

  @Field(() => DateScalar, { description: "The calendar date in Vietnam (UTC+7)." })
  heldOn!: Date;

  @Field(() => String, { nullable: true })
  theme!: string | null;

  @Field(() => String, { nullable: true })
  minutes!: string | null;

  @Field(() => String, { nullable: true })
  decisions!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Guests, e.g. a committee member assigned to attend.",
  })
  guests!: string | null;

  @Field(() => Int, {
    nullable: true,
    description: "Self-assessed quality, 1 (poor) – 5 (excellent).",
  })
  qualityRating!: number | null;

  @Field(() => Boolean, { description: "A draft is not counted for compliance until finished." })
  draft!: boolean;

  @Field(() => Int)
  presentCount!: number;

  @Field(() => Int)
  excusedCount!: number;

  @Field(() => Int)
  absentCount!: number;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date)
  updatedAt!: Date;

  @Field(() => DateScalar, {
    nullable: true,
    description: "A locked meeting was unlocked for editing until this day.",
  })
  unlockedUntil!: Date | null;

  unitId!: number;
  studyThemeId!: number | null;
}

@ObjectType("MeetingConnection")
export class MeetingConnection extends Connection(MeetingType, "Meeting") {}

@ObjectType({
  simpleResolvers: true,
  description: "A member of a cell on a date, with what the secretary needs to see.",
})
export class CellMember {
  @Field(() => ID)
  memberId!: number;

  @Field(() => String)
  fullName!: string;

  @Field(() => String, { description: "PROBATIONARY or OFFICIAL on the date." })
  status!: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: "End of probation, for probationary members.",
  })
  probationEndsOn!: IsoDate | null;

  @Field(() => Boolean, {
    description:
      "Attends temporarily (works away from their home cell); not counted in the cell's total.",
  })
  temporary!: boolean;
}

@ObjectType({ simpleResolvers: true })
export class AbsentMember {
  @Field(() => ID)
  memberId!: number;

  @Field(() => String)
  fullName!: string;

  @Field(() => Int, {
    description: "Consecutive months absent without a valid reason, up to the latest meeting.",
  })
  months!: number;
}

@ObjectType({ simpleResolvers: true, description: "What a cell owes now." })
export class CellDue {
  @Field(() => MonthStatusEnum, {
    description: "This month's regular meeting (MISSING: not yet held).",
  })
  regularThisMonth!: string;

  @Field(() => QuarterStatusEnum, {
    description: "This quarter's thematic meeting (MISSING: not yet held).",
  })
  thematicThisQuarter!: string;

  @Field(() => [CellMember], {
    description: "Probationary members whose probation ends within 60 days.",
  })
  probationsEnding!: CellMember[];

  @Field(() => [AbsentMember], {
    description:
      "Members absent without reason for 3 or more consecutive months (the Charter's trigger for considering removal).",
  })
  absentMembers!: AbsentMember[];
}

@ObjectType({
  description: "A cell as its secretary sees it: members, this year's meetings, what is due.",
})
export class CellOverview {
  @Field(() => DateScalar)
  asOf!: IsoDate;

  @Field(() => [CellMember])
  members!: CellMember[];

  @Field(() => Int, { description: "Members counted (temporary ones excluded)." })
  memberCount!: number;

  @Field(() => [MeetingType], {
    description: "Meetings held this year, newest first (drafts included).",
  })
  meetingsThisYear!: MeetingType[];

  @Field(() => CellDue)
  due!: CellDue;

  @Field(() => StudyThemeType, {
    nullable: true,
    description: "The year's study theme, to suggest for thematic meetings.",
  })
  studyTheme!: StudyThemeType | null;

  cellId!: number;
}

@ObjectType({
  simpleResolvers: true,
  description: "Compliance of the cells under one direct subordinate (or the unit itself).",
})
export class ComplianceRow {
  @Field(() => ID)
  unitId!: number;

  @Field(() => String)
  name!: string;

  @Field(() => Int, { description: "Cells that owed at least one meeting in the period." })
  cellsRequired!: number;

  @Field(() => Int, { description: "Of those, cells that missed no required meeting." })
  cellsCompliant!: number;

  @Field(() => Float, {
    nullable: true,
    description: "cellsCompliant / cellsRequired × 100, one decimal.",
  })
  percent!: number | null;

  @Field(() => Int, {
    description: "Cells that did not hold a required thematic meeting in the period.",
  })
  thematicMissing!: number;

  @Field(() => Float, {
    nullable: true,
    description:
      "Attendance rate of the period's meetings: present / (present + excused + absent) × 100.",
  })
  attendanceRate!: number | null;

  @Field(() => Int)
  meetings!: number;
}

@ObjectType({ simpleResolvers: true, description: "One cell's meetings month by month." })
export class CellCompliance {
  @Field(() => ID)
  cellId!: number;

  @Field(() => String)
  name!: string;

  @Field(() => String, {
    description: "The direct subordinate of the queried unit the cell belongs to.",
  })
  groupName!: string;

  @Field(() => [MonthStatusEnum], { description: "One per month of the period." })
  months!: string[];

  @Field(() => [QuarterStatusEnum], { description: "One per quarter of the period." })
  quarters!: string[];

  @Field(() => Boolean)
  complies!: boolean;

  @Field(() => Float, { nullable: true })
  attendanceRate!: number | null;

  @Field(() => Int)
  meetings!: number;
}

@ObjectType({ simpleResolvers: true })
export class ThemeCount {
  @Field(() => String)
  theme!: string;

  @Field(() => Int)
  meetings!: number;

  @Field(() => Boolean, { description: "The theme is the year's study theme." })
  studyTheme!: boolean;
}

@ObjectType({ description: "Meeting compliance of a unit's subtree in a year or quarter." })
export class MeetingCompliance {
  @Field(() => Int)
  year!: number;

  @Field(() => Int, { nullable: true })
  quarter!: number | null;

  @Field(() => [DateScalar], { description: "First day of each month of the period (up to asOf)." })
  months!: IsoDate[];

  @Field(() => ComplianceRow, { description: "The whole subtree." })
  total!: ComplianceRow;

  @Field(() => [ComplianceRow], {
    description:
      "Per direct subordinate (cells belong to the subordinate they were under at the period's end or when they ceased).",
  })
  rows!: ComplianceRow[];

  @Field(() => [CellCompliance], {
    description:
      "Cells that missed the thematic meeting of the period's last quarter, by name (at most 500).",
  })
  missingThematic!: CellCompliance[];

  @Field(() => [ThemeCount], {
    description: "Themes of the period's thematic meetings, most frequent first (at most 50).",
  })
  themes!: ThemeCount[];
}

@ObjectType("CellComplianceConnection")
export class CellComplianceConnection extends Connection(CellCompliance, "CellCompliance") {}
