import { isIsoDate, meetingDateProblem, type CellLifetime } from "@dangbo/shared";
import type { TFunction } from "i18next";
import type {
  AttendanceInput,
  LogMeetingInput,
  MeetingQuery,
  UpdateMeetingInput,
} from "../../gql/graphql.ts";
import { NO_ERRORS, type FormErrors } from "./form-errors.ts";
import type { AttendanceRow, MeetingFormValues } from "./storage.ts";
import { todayIso } from "@dangbo/shared";
import { instantFromVn, vnDateTime } from "./time.ts";

export const ATTENDANCE_STATUSES = ["PRESENT", "EXCUSED", "ABSENT"] as const;
export const MEETING_KINDS = ["REGULAR", "THEMATIC", "EXTRAORDINARY"] as const;
export const QUALITY_RATINGS = [1, 2, 3, 4, 5] as const;

/** A new form: now (in Vietnam), a regular meeting, nobody listed until the members arrive. */
export function emptyValues(now: Date = new Date()): MeetingFormValues {
  const { date, time } = vnDateTime(now);
  return {
    kind: "REGULAR",
    date,
    time,
    theme: "",
    minutes: "",
    decisions: "",
    guests: "",
    qualityRating: null,
    attendance: [],
  };
}

type Meeting = MeetingQuery["meeting"];

export function valuesFromMeeting(meeting: Meeting): MeetingFormValues {
  const { date, time } = vnDateTime(String(meeting.heldAt));
  return {
    kind: meeting.kind,
    date,
    time,
    theme: meeting.theme ?? "",
    minutes: meeting.minutes ?? "",
    decisions: meeting.decisions ?? "",
    guests: meeting.guests ?? "",
    qualityRating: meeting.qualityRating ?? null,
    attendance: meeting.attendance.map((a) => ({
      memberId: a.member.id,
      fullName: a.member.fullName,
      status: a.status,
      reason: a.reason ?? "",
      temporary: false,
    })),
  };
}

export interface CellMemberLike {
  memberId: string;
  fullName: string;
  temporary: boolean;
}

/**
 * The checklist for the members of the cell on the meeting's date, in their order: what was
 * already marked is kept; a new meeting lists newcomers as present, while an existing meeting
 * keeps the attendance it recorded (nobody is silently added to it). Returns `rows` itself when
 * nothing changes.
 */
export function mergeAttendance(
  rows: readonly AttendanceRow[],
  members: readonly CellMemberLike[],
  addMissing: boolean,
): AttendanceRow[] {
  const marked = new Map(rows.map((row) => [row.memberId, row]));
  const next: AttendanceRow[] = [];
  for (const member of members) {
    const row = marked.get(member.memberId);
    if (row) {
      next.push(
        row.fullName === member.fullName && row.temporary === member.temporary
          ? row
          : { ...row, fullName: member.fullName, temporary: member.temporary },
      );
    } else if (addMissing) {
      next.push({
        memberId: member.memberId,
        fullName: member.fullName,
        status: "PRESENT",
        reason: "",
        temporary: member.temporary,
      });
    }
  }
  const same = next.length === rows.length && next.every((row, i) => row === rows[i]);
  return same ? (rows as AttendanceRow[]) : next;
}

const blank = (value: string) => value.trim() === "";
const orNull = (value: string) => (blank(value) ? null : value.trim());

/** The rows as sent: a reason only for an excused absence. */
export function attendanceInput(rows: readonly AttendanceRow[]): AttendanceInput[] {
  return rows.map((row) => ({
    memberId: row.memberId,
    status: row.status,
    reason: row.status === "EXCUSED" ? orNull(row.reason) : null,
  }));
}

interface StudyThemeLike {
  id: string;
  title: string;
}

/** The year's study theme is linked when the theme names it. */
export function studyThemeIdFor(theme: string, studyTheme: StudyThemeLike | null | undefined) {
  if (!studyTheme) return null;
  return theme.toLocaleLowerCase("vi").includes(studyTheme.title.trim().toLocaleLowerCase("vi"))
    ? studyTheme.id
    : null;
}

export type MeetingFields = Omit<LogMeetingInput, "idempotencyKey" | "cellId">;

export function meetingFields(
  values: MeetingFormValues,
  draft: boolean,
  studyTheme: StudyThemeLike | null | undefined,
): MeetingFields {
  return {
    kind: values.kind,
    heldAt: instantFromVn(values.date, values.time),
    theme: orNull(values.theme),
    studyThemeId: studyThemeIdFor(values.theme, studyTheme),
    minutes: orNull(values.minutes),
    decisions: orNull(values.decisions),
    guests: orNull(values.guests),
    qualityRating: values.qualityRating,
    draft,
    attendance: attendanceInput(values.attendance),
  };
}

/** The same fields as a full replacement of an existing meeting. */
export function updateInput(fields: MeetingFields): UpdateMeetingInput {
  return { ...fields };
}

/**
 * What the form can tell before sending, with the shared rules: a date and time, not in the
 * future nor outside the cell's life, and a theme for a thematic meeting (a draft may wait).
 */
export function validate(
  t: TFunction,
  values: MeetingFormValues,
  draft: boolean,
  cell: CellLifetime | null,
  today: string = todayIso(),
): FormErrors {
  const fields: FormErrors["fields"] = {};
  if (!isIsoDate(values.date) || !instantFromVn(values.date, values.time)) {
    fields.heldAt = t("meeting.form.errors.heldAt");
  } else {
    const problem = meetingDateProblem(
      values.date,
      today,
      cell ?? { validFrom: "0000-01-01", validTo: null },
    );
    if (problem === "FUTURE") fields.heldAt = t("meeting.serverErrors.future");
    if (problem === "BEFORE_CELL") fields.heldAt = t("meeting.serverErrors.beforeCell");
    if (problem === "AFTER_CELL") fields.heldAt = t("meeting.serverErrors.afterCell");
  }
  if (values.kind === "THEMATIC" && !draft && blank(values.theme)) {
    fields.theme = t("meeting.serverErrors.themeRequired");
  }
  return { ...NO_ERRORS, fields };
}
