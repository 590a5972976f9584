import { Prisma, type Meeting } from "@dangbo/db";
import {
  ABSENCE_MONTHS_FOR_REVIEW,
  addDaysIso,
  CELL_KINDS,
  consecutiveUnexcusedMonths,
  dateFromIso,
  isoFromDate,
  localDate,
  meetingDateProblem,
  meetingEditable,
  MeetingKind,
  monthPeriod,
  monthStatus,
  quarterOf,
  quarterPeriod,
  quarterStatus,
  REGULAR_MEETING_DUE_DAY,
  type AttendanceStatus,
  type IsoDate,
} from "@dangbo/shared";
import type { Context } from "../../graphql/context.ts";
import {
  badInput,
  conflict,
  ErrorCode,
  forbidden,
  notFound,
  UserFacingError,
} from "../../graphql/errors.ts";
import { parseId, parseOptionalId } from "../../graphql/ids.ts";
import { paginate, pageRequest, type PageArgs } from "../../graphql/pagination.ts";
import { mutate, type Tx } from "../audit/audit.service.ts";
import { and, unitScope } from "../committee/committee.access.ts";
import { assertUnitVisible } from "../committee/committee.service.ts";
import { PROBATION_SOON_DAYS } from "../dashboard/dashboard.service.ts";
import type { AttendanceInput, LogMeetingInput, UpdateMeetingInput } from "./meeting.input.ts";
import type { CellMember, CellOverview } from "./meeting.type.ts";

const blank = (s: string | null | undefined) => !s || s.trim().length === 0;

/** Meetings the caller may see: those of cells in the caller's subtree. */
export function meetingScope(ctx: Context): Prisma.MeetingWhereInput {
  return { unit: unitScope(ctx) };
}

export async function getMeeting(ctx: Context, id: number): Promise<Meeting> {
  const meeting = await ctx.prisma.meeting.findFirst({
    where: and<Prisma.MeetingWhereInput>({ id }, meetingScope(ctx)),
  });
  if (!meeting) throw notFound("Meeting", id);
  return meeting;
}

export async function listMeetings(
  ctx: Context,
  args: PageArgs & {
    cellId: number;
    from?: IsoDate | null;
    to?: IsoDate | null;
    kind?: MeetingKind | null;
    drafts?: boolean | null;
  },
) {
  const page = pageRequest(args);
  await assertUnitVisible(ctx, args.cellId);
  const where = and<Prisma.MeetingWhereInput>(
    { unitId: args.cellId },
    meetingScope(ctx),
    args.from && { heldOn: { gte: dateFromIso(args.from) } },
    args.to && { heldOn: { lte: dateFromIso(args.to) } },
    args.kind && { kind: args.kind },
    args.drafts === false && { draft: false },
  );
  return paginate(
    page,
    (p) =>
      ctx.prisma.meeting.findMany({ where, orderBy: [{ heldAt: "desc" }, { id: "desc" }], ...p }),
    () => ctx.prisma.meeting.count({ where }),
  );
}

/** The cell a write addresses: it must be a cell in the caller's subtree (else FORBIDDEN, also for unknown ids). */
async function writableCell(ctx: Context, tx: Tx, cellId: number) {
  const cell = await tx.orgUnit.findFirst({
    where: and<Prisma.OrgUnitWhereInput>({ id: cellId }, unitScope(ctx)),
  });
  if (!cell) throw forbidden("You may record meetings only for cells in your own unit");
  if (!CELL_KINDS.includes(cell.kind))
    throw badInput("cellId", "Meetings are recorded for cells; this unit is not a cell");
  return cell;
}

interface MeetingDraft {
  kind: MeetingKind;
  heldAt: Date;
  theme: string | null;
  draft: boolean;
  studyThemeId: number | null;
  attendance: { memberId: number; status: AttendanceStatus; reason: string | null }[];
}

/** Checks a meeting against the rules before anything is written; returns the local date. */
async function validateMeeting(
  ctx: Context,
  tx: Tx,
  cell: { id: number; validFrom: Date; validTo: Date | null },
  m: MeetingDraft,
): Promise<IsoDate> {
  if (Number.isNaN(m.heldAt.getTime())) throw badInput("heldAt", "heldAt must be a date and time");
  const heldOn = localDate(m.heldAt);
  const problem = meetingDateProblem(heldOn, ctx.today, {
    validFrom: isoFromDate(cell.validFrom),
    validTo: cell.validTo ? isoFromDate(cell.validTo) : null,
  });
  if (problem === "FUTURE")
    throw badInput("heldAt", "A meeting cannot be recorded before it is held");
  if (problem === "BEFORE_CELL")
    throw badInput("heldAt", "The cell did not exist yet on that date");
  if (problem === "AFTER_CELL") throw badInput("heldAt", "The cell no longer existed on that date");
  if (m.kind === MeetingKind.THEMATIC && !m.draft && blank(m.theme))
    throw badInput("theme", "A thematic meeting needs a theme");
  if (m.studyThemeId !== null && !(await tx.studyTheme.count({ where: { id: m.studyThemeId } })))
    throw badInput("studyThemeId", "No such study theme");

  const seen = new Set<number>();
  m.attendance.forEach((a, i) => {
    if (seen.has(a.memberId))
      throw badInput(`attendance.${i}.memberId`, "A member appears twice in the attendance");
    seen.add(a.memberId);
  });
  if (m.attendance.length > 0) {
    const date = dateFromIso(heldOn);
    const assigned = await tx.memberAssignment.findMany({
      where: {
        unitId: cell.id,
        memberId: { in: [...seen] },
        validFrom: { lte: date },
        OR: [{ validTo: null }, { validTo: { gt: date } }],
      },
      select: { memberId: true },
    });
    const members = new Set(assigned.map((a) => a.memberId));
    const stranger = m.attendance.findIndex((a) => !members.has(a.memberId));
    if (stranger >= 0)
      throw badInput(
        `attendance.${stranger}.memberId`,
        "This person was not a member of the cell on the meeting's date",
      );
  }
  return heldOn;
}

function counts(attendance: MeetingDraft["attendance"]) {
  return {
    presentCount: attendance.filter((a) => a.status === "PRESENT").length,
    excusedCount: attendance.filter((a) => a.status === "EXCUSED").length,
    absentCount: attendance.filter((a) => a.status === "ABSENT").length,
  };
}

function attendanceOf(list: AttendanceInput[]): MeetingDraft["attendance"] {
  return list.map((a, i) => ({
    memberId: parseId(a.memberId, `attendance.${i}.memberId`),
    status: a.status,
    reason: blank(a.reason) ? null : a.reason!.trim(),
  }));
}

async function snapshot(tx: Tx, id: number) {
  const meeting = await tx.meeting.findUniqueOrThrow({
    where: { id },
    include: { attendance: { orderBy: { memberId: "asc" } } },
  });
  return {
    ...meeting,
    attendance: meeting.attendance.map((a) => ({
      memberId: a.memberId,
      status: a.status,
      reason: a.reason,
    })),
  };
}

/**
 * Logs a meeting. Idempotent by the client's key: a retry after a timeout returns the meeting
 * the first attempt created; the key on another cell is a CONFLICT.
 */
export async function logMeeting(ctx: Context, input: LogMeetingInput): Promise<Meeting> {
  const cellId = parseId(input.cellId, "cellId");
  const existing = await ctx.prisma.meeting.findUnique({
    where: { idempotencyKey: input.idempotencyKey },
  });
  if (existing) return replay(ctx, existing, cellId);
  const draft: MeetingDraft = {
    kind: input.kind,
    heldAt: input.heldAt,
    theme: blank(input.theme) ? null : input.theme!.trim(),
    draft: input.draft ?? false,
    studyThemeId: parseOptionalId(input.studyThemeId, "studyThemeId"),
    attendance: attendanceOf(input.attendance),
  };
  try {
    return await mutate(ctx, async (tx, audit) => {
      const cell = await writableCell(ctx, tx, cellId);
      const heldOn = await validateMeeting(ctx, tx, cell, draft);
      const meeting = await tx.meeting.create({
        data: {
          unitId: cell.id,
          kind: draft.kind,
          heldAt: draft.heldAt,
          heldOn: dateFromIso(heldOn),
          theme: draft.theme,
          studyThemeId: draft.studyThemeId,
          minutes: blank(input.minutes) ? null : input.minutes!,
          decisions: blank(input.decisions) ? null : input.decisions!,
          guests: blank(input.guests) ? null : input.guests!.trim(),
          qualityRating: input.qualityRating ?? null,
          draft: draft.draft,
          idempotencyKey: input.idempotencyKey,
          createdById: ctx.viewer!.userId,
          ...counts(draft.attendance),
          attendance: { createMany: { data: draft.attendance } },
        },
      });
      audit({
        operation: "logMeeting",
        entity: "Meeting",
        entityId: meeting.id,
        unitId: cell.id,
        after: await snapshot(tx, meeting.id),
      });
      return meeting;
    });
  } catch (error) {
    // Two attempts with the same key racing: the loser returns the winner's meeting.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const winner = await ctx.prisma.meeting.findUnique({
        where: { idempotencyKey: input.idempotencyKey },
      });
      if (winner) return replay(ctx, winner, cellId);
    }
    throw error;
  }
}

async function replay(ctx: Context, existing: Meeting, cellId: number): Promise<Meeting> {
  if (existing.unitId !== cellId)
    throw conflict("This idempotencyKey was already used for another meeting", {
      field: "idempotencyKey",
    });
  const visible = await ctx.prisma.meeting.count({
    where: and<Prisma.MeetingWhereInput>({ id: existing.id }, meetingScope(ctx)),
  });
  if (!visible) throw forbidden("You may record meetings only for cells in your own unit");
  return existing;
}

async function writableMeeting(ctx: Context, tx: Tx, id: number): Promise<Meeting> {
  const meeting = await tx.meeting.findFirst({
    where: and<Prisma.MeetingWhereInput>({ id }, meetingScope(ctx)),
  });
  if (!meeting) throw forbidden("You may change meetings only of cells in your own unit");
  return meeting;
}

export function isEditable(
  ctx: Context,
  meeting: Pick<Meeting, "heldOn" | "unlockedUntil">,
): boolean {
  return meetingEditable(
    isoFromDate(meeting.heldOn),
    ctx.today,
    meeting.unlockedUntil ? isoFromDate(meeting.unlockedUntil) : null,
  );
}

export async function updateMeeting(
  ctx: Context,
  id: number,
  input: UpdateMeetingInput,
): Promise<Meeting> {
  return mutate(ctx, async (tx, audit) => {
    const current = await writableMeeting(ctx, tx, id);
    if (!isEditable(ctx, current)) {
      throw new UserFacingError(
        ErrorCode.FORBIDDEN,
        "This meeting is locked: it was held more than 30 days ago. Ask the organisation board to unlock it.",
        {
          reason: "MEETING_LOCKED",
        },
      );
    }
    const before = await snapshot(tx, id);
    const cell = await tx.orgUnit.findUniqueOrThrow({ where: { id: current.unitId } });
    const next: MeetingDraft = {
      kind: input.kind ?? (current.kind as MeetingKind),
      heldAt: input.heldAt ?? current.heldAt,
      theme:
        input.theme === undefined ? current.theme : blank(input.theme) ? null : input.theme.trim(),
      draft: input.draft ?? current.draft,
      studyThemeId:
        input.studyThemeId === undefined
          ? current.studyThemeId
          : parseOptionalId(input.studyThemeId, "studyThemeId"),
      attendance: input.attendance
        ? attendanceOf(input.attendance)
        : before.attendance.map((a) => ({ ...a, status: a.status as AttendanceStatus })),
    };
    const heldOn = await validateMeeting(ctx, tx, cell, next);
    if (input.attendance) {
      await tx.meetingAttendance.deleteMany({ where: { meetingId: id } });
      await tx.meetingAttendance.createMany({
        data: next.attendance.map((a) => ({ ...a, meetingId: id })),
      });
    }
    const text = (v: string | undefined, old: string | null) =>
      v === undefined ? old : blank(v) ? null : v;
    const updated = await tx.meeting.update({
      where: { id },
      data: {
        kind: next.kind,
        heldAt: next.heldAt,
        heldOn: dateFromIso(heldOn),
        theme: next.theme,
        studyThemeId: next.studyThemeId,
        minutes: text(input.minutes, current.minutes),
        decisions: text(input.decisions, current.decisions),
        guests: text(input.guests, current.guests),
        qualityRating:
          input.qualityRating === undefined ? current.qualityRating : input.qualityRating,
        draft: next.draft,
        ...counts(next.attendance),
      },
    });
    audit({
      operation: "updateMeeting",
      entity: "Meeting",
      entityId: id,
      unitId: current.unitId,
      before,
      after: await snapshot(tx, id),
    });
    return updated;
  });
}

export async function unlockMeeting(ctx: Context, id: number, days: number): Promise<Meeting> {
  if (!Number.isInteger(days) || days < 1 || days > 30)
    throw badInput("days", "days must be between 1 and 30");
  return mutate(ctx, async (tx, audit) => {
    const meeting = await writableMeeting(ctx, tx, id);
    const until = addDaysIso(ctx.today, days);
    const updated = await tx.meeting.update({
      where: { id },
      data: { unlockedUntil: dateFromIso(until) },
    });
    audit({
      operation: "unlockMeeting",
      entity: "Meeting",
      entityId: id,
      unitId: meeting.unitId,
      before: { unlockedUntil: meeting.unlockedUntil },
      after: { unlockedUntil: until },
    });
    return updated;
  });
}

/** My cell: members on the date, this year's meetings, and what the cell owes now. */
export async function cellOverview(
  ctx: Context,
  cellId: number,
  asOfInput: IsoDate | null,
): Promise<CellOverview> {
  await assertUnitVisible(ctx, cellId);
  const cell = await ctx.prisma.orgUnit.findUniqueOrThrow({ where: { id: cellId } });
  if (!CELL_KINDS.includes(cell.kind)) throw badInput("cellId", "This unit is not a cell");
  const asOf = asOfInput ?? ctx.today;
  const date = dateFromIso(asOf);
  const year = Number(asOf.slice(0, 4));
  const month = Number(asOf.slice(5, 7));
  const quarter = quarterOf(asOf);

  const [assignments, meetings, theme] = await Promise.all([
    ctx.prisma.memberAssignment.findMany({
      where: {
        unitId: cellId,
        validFrom: { lte: date },
        OR: [{ validTo: null }, { validTo: { gt: date } }],
      },
      include: {
        member: {
          select: {
            id: true,
            fullName: true,
            nameSearch: true,
            officialOn: true,
            probationEndsOn: true,
          },
        },
      },
    }),
    ctx.prisma.meeting.findMany({
      where: { unitId: cellId, heldOn: { gte: dateFromIso(`${year}-01-01`), lte: date } },
      orderBy: [{ heldAt: "desc" }, { id: "desc" }],
    }),
    ctx.prisma.studyTheme.findUnique({ where: { year } }),
  ]);
  const members: CellMember[] = assignments
    .map((a) => {
      const official = a.member.officialOn !== null && a.member.officialOn <= date;
      return {
        memberId: a.member.id,
        fullName: a.member.fullName,
        status: official ? "OFFICIAL" : "PROBATIONARY",
        probationEndsOn:
          official || !a.member.probationEndsOn ? null : isoFromDate(a.member.probationEndsOn),
        temporary: a.temporary,
        sort: a.member.nameSearch,
      };
    })
    .sort((a, b) => a.sort.localeCompare(b.sort) || a.memberId - b.memberId)
    .map(({ sort: _sort, ...m }) => m);

  const held = meetings.filter((m) => !m.draft);
  const thisMonth = monthPeriod(year, month);
  const regularDays = held
    .filter(
      (m) =>
        m.kind === "REGULAR" &&
        isoFromDate(m.heldOn) >= thisMonth.from &&
        isoFromDate(m.heldOn) < thisMonth.to,
    )
    .map((m) => Number(isoFromDate(m.heldOn).slice(8, 10)));
  const q = quarterPeriod(year, quarter);
  const thematic = held.filter(
    (m) => m.kind === "THEMATIC" && isoFromDate(m.heldOn) >= q.from && isoFromDate(m.heldOn) < q.to,
  ).length;

  const soonUntil = addDaysIso(asOf, PROBATION_SOON_DAYS);
  const probationsEnding = members.filter(
    (m) =>
      m.probationEndsOn &&
      m.probationEndsOn >= asOf &&
      m.probationEndsOn < soonUntil &&
      !m.temporary,
  );

  // Absence: per member and month over the last 12 months, from the attendance detail.
  const since = dateFromIso(`${addDaysIso(thisMonth.from, -365).slice(0, 7)}-01`);
  const rows = await ctx.prisma.$queryRaw<
    { member_id: number; month: string; present: boolean; excused: boolean; absent: boolean }[]
  >`
    SELECT a.member_id, to_char(m.held_on, 'YYYY-MM') AS month,
           bool_or(a.status = 'PRESENT') AS present, bool_or(a.status = 'EXCUSED') AS excused, bool_or(a.status = 'ABSENT') AS absent
    FROM meeting_attendance a JOIN meeting m ON m.id = a.meeting_id
    WHERE m.unit_id = ${cellId} AND NOT m.draft AND m.held_on >= ${since} AND m.held_on <= ${date}
    GROUP BY 1, 2`;
  const byMember = new Map<number, typeof rows>();
  for (const r of rows) byMember.set(r.member_id, [...(byMember.get(r.member_id) ?? []), r]);
  const absentMembers = members
    .map((m) => ({
      memberId: m.memberId,
      fullName: m.fullName,
      months: consecutiveUnexcusedMonths(byMember.get(m.memberId) ?? []),
    }))
    .filter((m) => m.months >= ABSENCE_MONTHS_FOR_REVIEW);

  return {
    cellId,
    asOf,
    members,
    memberCount: members.filter((m) => !m.temporary).length,
    meetingsThisYear: meetings,
    due: {
      // What is owed now: a cell that exists owes this month's and this quarter's meeting
      // (MISSING = not held yet), even if it was created this month.
      regularThisMonth: monthStatus(true, regularDays),
      thematicThisQuarter: quarterStatus(true, thematic),
      probationsEnding,
      absentMembers,
    },
    studyTheme: theme,
  };
}

export { REGULAR_MEETING_DUE_DAY };
