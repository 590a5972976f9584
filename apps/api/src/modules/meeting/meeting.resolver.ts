import "reflect-metadata";
import type { Meeting, Member } from "@dangbo/db";
import { Role, type IsoDate } from "@dangbo/shared";
import {
  Arg,
  Args,
  Ctx,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from "type-graphql";
import { Access, ANY_ROLE, READERS } from "../../graphql/access.ts";
import type { Context } from "../../graphql/context.ts";
import { parseId } from "../../graphql/ids.ts";
import { badInput } from "../../graphql/errors.ts";
import { DateScalar } from "../../graphql/scalars.ts";
import { withAsOf, type UnitRecord } from "../committee/committee.service.ts";
import { OrgUnitType } from "../committee/committee.type.ts";
import { dashboardPeriod } from "../dashboard/dashboard.period.ts";
import { maskMember } from "../member/member.access.ts";
import { MemberType } from "../member/member.type.ts";
import { cellCompliance, meetingCompliance } from "./compliance.service.ts";
import {
  CellComplianceArgs,
  ComplianceArgs,
  LogMeetingInput,
  MeetingsArgs,
  UpdateMeetingInput,
} from "./meeting.input.ts";
import {
  cellOverview,
  getMeeting,
  isEditable,
  listMeetings,
  logMeeting,
  unlockMeeting,
  updateMeeting,
} from "./meeting.service.ts";
import {
  AttendanceType,
  CellComplianceConnection,
  CellOverview,
  MeetingCompliance,
  MeetingConnection,
  MeetingType,
  StudyThemeType,
} from "./meeting.type.ts";

const WRITERS = [Role.ADMIN, Role.STAFF, Role.SECRETARY] as const;

@Resolver(() => MeetingType)
export class MeetingResolver {
  @Access(ANY_ROLE)
  @Query(() => MeetingType, {
    description: "One meeting. Unknown ids and meetings outside your subtree give NOT_FOUND.",
  })
  meeting(@Arg("id", () => ID) id: string, @Ctx() ctx: Context): Promise<Meeting> {
    return getMeeting(ctx, parseId(id));
  }

  @Access(ANY_ROLE)
  @Query(() => MeetingConnection, { description: "A cell's meetings, newest first." })
  meetings(@Args(() => MeetingsArgs) args: MeetingsArgs, @Ctx() ctx: Context) {
    return listMeetings(ctx, { ...args, cellId: parseId(args.cellId, "cellId") });
  }

  @Access(ANY_ROLE)
  @Query(() => CellOverview, {
    description: "My cell: members on the date, this year's meetings, and what the cell owes.",
  })
  cellOverview(
    @Arg("cellId", () => ID) cellId: string,
    @Arg("asOf", () => DateScalar, { nullable: true }) asOf: IsoDate | null,
    @Ctx() ctx: Context,
  ): Promise<CellOverview> {
    return cellOverview(ctx, parseId(cellId, "cellId"), asOf);
  }

  @Access(ANY_ROLE)
  @Query(() => [StudyThemeType], { description: "The annual study themes, newest first." })
  studyThemes(@Ctx() ctx: Context) {
    return ctx.prisma.studyTheme.findMany({ orderBy: { year: "desc" } });
  }

  @Access(READERS)
  @Query(() => MeetingCompliance, {
    description:
      "Meeting compliance of every cell in a unit's subtree for a year or quarter: per direct subordinate the share of cells that held every required meeting (regular monthly, thematic quarterly), attendance rates, the cells missing the thematic meeting of the period's last quarter, and the themes covered.",
  })
  meetingCompliance(
    @Args(() => ComplianceArgs) args: ComplianceArgs,
    @Ctx() ctx: Context,
  ): Promise<MeetingCompliance> {
    return meetingCompliance(
      ctx,
      parseId(args.unitId, "unitId"),
      dashboardPeriod(args.year, args.quarter, args.asOf ?? ctx.today),
    );
  }

  @Access(READERS)
  @Query(() => CellComplianceConnection, {
    description: "Each cell's meetings month by month (the heat-map), by subordinate then name.",
  })
  cellCompliance(@Args(() => CellComplianceArgs) args: CellComplianceArgs, @Ctx() ctx: Context) {
    return cellCompliance(
      ctx,
      parseId(args.unitId, "unitId"),
      dashboardPeriod(args.year, args.quarter, args.asOf ?? ctx.today),
      args,
    );
  }

  @Access(WRITERS)
  @Mutation(() => MeetingType, {
    description:
      "Logs a meeting with its attendance. Idempotent: the same idempotencyKey returns the meeting created the first time. Errors: BAD_USER_INPUT (future date, before the cell existed, thematic without theme, attendance of a non-member), FORBIDDEN (a cell outside your unit), CONFLICT (key used for another cell).",
  })
  logMeeting(
    @Arg("input", () => LogMeetingInput) input: LogMeetingInput,
    @Ctx() ctx: Context,
  ): Promise<Meeting> {
    return logMeeting(ctx, input);
  }

  @Access(WRITERS)
  @Mutation(() => MeetingType, {
    description:
      "Edits a meeting within 30 days of it (or while unlocked); locked: FORBIDDEN with reason MEETING_LOCKED.",
  })
  updateMeeting(
    @Arg("id", () => ID) id: string,
    @Arg("input", () => UpdateMeetingInput) input: UpdateMeetingInput,
    @Ctx() ctx: Context,
  ): Promise<Meeting> {
    return updateMeeting(ctx, parseId(id), input);
  }

  @Access([Role.ADMIN, Role.STAFF])
  @Mutation(() => MeetingType, {
    description: "Unlocks a locked meeting for editing for a number of days (1–30, default 7).",
  })
  unlockMeeting(
    @Arg("id", () => ID) id: string,
    @Arg("days", () => Int, { nullable: true, defaultValue: 7 }) days: number,
    @Ctx() ctx: Context,
  ): Promise<Meeting> {
    return unlockMeeting(ctx, parseId(id), days);
  }

  @FieldResolver(() => OrgUnitType)
  async cell(@Root() meeting: Meeting, @Ctx() ctx: Context): Promise<UnitRecord> {
    return withAsOf((await ctx.loaders.committee.unitById.load(meeting.unitId))!, ctx.today);
  }

  @FieldResolver(() => StudyThemeType, { nullable: true })
  studyTheme(@Root() meeting: Meeting, @Ctx() ctx: Context) {
    return meeting.studyThemeId
      ? ctx.loaders.meeting.studyThemeById.load(meeting.studyThemeId)
      : null;
  }

  @FieldResolver(() => [AttendanceType])
  attendance(@Root() meeting: Meeting, @Ctx() ctx: Context) {
    return ctx.loaders.meeting.attendanceOf.load(meeting.id);
  }

  @FieldResolver(() => Boolean, {
    description: "Whether it may still be edited (30 days, or unlocked).",
  })
  editable(@Root() meeting: Meeting, @Ctx() ctx: Context): boolean {
    return isEditable(ctx, meeting);
  }
}

@Resolver(() => AttendanceType)
export class AttendanceResolver {
  @FieldResolver(() => MemberType)
  async member(@Root() attendance: AttendanceType, @Ctx() ctx: Context): Promise<Member> {
    return maskMember(ctx, (await ctx.loaders.member.memberById.load(attendance.memberId))!);
  }
}

@Resolver(() => CellOverview)
export class CellOverviewResolver {
  @FieldResolver(() => OrgUnitType)
  async cell(@Root() overview: CellOverview, @Ctx() ctx: Context): Promise<UnitRecord> {
    return withAsOf((await ctx.loaders.committee.unitById.load(overview.cellId))!, overview.asOf);
  }
}

@Resolver(() => OrgUnitType)
export class UnitMeetingsResolver {
  @FieldResolver(() => [MeetingType], {
    description:
      "A cell's meetings in a period (default: the year so far), newest first, at most `first` (≤ 100). Batched across units: one statement for all cells of a query.",
  })
  meetings(
    @Root() unit: UnitRecord,
    @Arg("from", () => DateScalar, { nullable: true }) from: IsoDate | null,
    @Arg("to", () => DateScalar, { nullable: true }) to: IsoDate | null,
    @Arg("first", () => Int, { nullable: true, defaultValue: 20 }) first: number,
    @Ctx() ctx: Context,
  ): Promise<Meeting[]> {
    if (!Number.isInteger(first) || first < 0 || first > 100)
      throw badInput("first", "first must be between 0 and 100");
    return ctx.loaders.meeting.meetingsOfUnit.load({
      unitId: unit.id,
      from: from ?? `${unit.asOf.slice(0, 4)}-01-01`,
      to: to ?? unit.asOf,
      first,
    });
  }
}
