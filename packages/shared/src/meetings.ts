import { addDaysIso, lastDayOfMonthIso, monthPeriod, type IsoDate } from "./dates.ts";

/**
 * Rules of cell meetings (Party Charter art. 24 and the Central Organisation Commission's
 * guidance): every cell meets every month (the regular meeting) and holds a thematic meeting
 * every calendar quarter.
 */

/** The regular meeting is due by this day of its month; held later in the month it is LATE. */
export const REGULAR_MEETING_DUE_DAY = 10;
/** A logged meeting may be edited for this many days after it was held; then it is locked. */
export const MEETING_EDIT_DAYS = 30;
/** Months of absence without a valid reason after which the Charter asks the cell to consider removal. */
export const ABSENCE_MONTHS_FOR_REVIEW = 3;

export type MonthStatus = "ON_TIME" | "LATE" | "MISSING" | "NOT_REQUIRED";
export type QuarterStatus = "HELD" | "MISSING" | "NOT_REQUIRED";

export interface CellLifetime {
  validFrom: IsoDate;
  /** First day the cell no longer exists (half-open), or null. */
  validTo: IsoDate | null;
}

/** The cell existed on every day of [from, to). */
export function existedThroughout(cell: CellLifetime, from: IsoDate, to: IsoDate): boolean {
  return cell.validFrom <= from && (cell.validTo === null || cell.validTo >= to);
}

/**
 * A regular meeting is required in a month when the cell existed for the whole month: a cell
 * created mid-month starts with the next month; one merged or dissolved mid-month owes nothing
 * for that month.
 */
export function regularRequired(cell: CellLifetime, year: number, month: number): boolean {
  const { from, to } = monthPeriod(year, month);
  return existedThroughout(cell, from, to);
}

/**
 * A thematic meeting is required in a quarter when the cell existed through the quarter's last
 * month (a cell created in the quarter's first two months still owes it).
 */
export function thematicRequired(
  cell: CellLifetime,
  year: number,
  quarter: 1 | 2 | 3 | 4,
): boolean {
  return regularRequired(cell, year, quarter * 3);
}

/**
 * The status of a month from the days (1–31) on which regular meetings were held in it.
 * Several meetings in a month count once; the earliest decides whether it was on time.
 */
export function monthStatus(required: boolean, regularDays: readonly number[]): MonthStatus {
  if (regularDays.length > 0)
    return Math.min(...regularDays) <= REGULAR_MEETING_DUE_DAY ? "ON_TIME" : "LATE";
  return required ? "MISSING" : "NOT_REQUIRED";
}

export function quarterStatus(required: boolean, thematicCount: number): QuarterStatus {
  if (thematicCount > 0) return "HELD";
  return required ? "MISSING" : "NOT_REQUIRED";
}

/** A cell complies in a period when no required meeting is missing (late still counts as held). */
export function complies(
  months: readonly MonthStatus[],
  quarters: readonly QuarterStatus[],
): boolean {
  return !months.includes("MISSING") && !quarters.includes("MISSING");
}

export type MeetingDateProblem = "FUTURE" | "BEFORE_CELL" | "AFTER_CELL";

/** Why a meeting cannot be held on this date in this cell, or null. `today` is the cell's local date. */
export function meetingDateProblem(
  heldOn: IsoDate,
  today: IsoDate,
  cell: CellLifetime,
): MeetingDateProblem | null {
  if (heldOn > today) return "FUTURE";
  if (heldOn < cell.validFrom) return "BEFORE_CELL";
  if (cell.validTo !== null && heldOn >= cell.validTo) return "AFTER_CELL";
  return null;
}

/** Whether a meeting held on `heldOn` may still be edited on `today` (or was unlocked until later). */
export function meetingEditable(
  heldOn: IsoDate,
  today: IsoDate,
  unlockedUntil: IsoDate | null = null,
): boolean {
  if (unlockedUntil !== null && today <= unlockedUntil) return true;
  return today <= addDaysIso(heldOn, MEETING_EDIT_DAYS);
}

export interface MonthAttendance {
  /** `YYYY-MM`. */
  month: string;
  /** The member was marked present at a meeting of the month. */
  present: boolean;
  /** Absent with a valid reason at a meeting of the month. */
  excused: boolean;
  /** Marked absent without reason at a meeting of the month. */
  absent: boolean;
}

/**
 * The number of consecutive months, ending with the most recent month that had a meeting, in
 * which the member attended no meeting and was absent without a valid reason. Months without a
 * record for the member (no meeting) neither count nor break the run.
 */
export function consecutiveUnexcusedMonths(months: readonly MonthAttendance[]): number {
  const sorted = [...months].sort((a, b) => b.month.localeCompare(a.month));
  let run = 0;
  for (const m of sorted) {
    if (m.present || m.excused) break;
    if (m.absent) run++;
  }
  return run;
}

/** The last day of the month of a date, as an ISO date (re-exported for meeting views). */
export function monthEnd(date: IsoDate): IsoDate {
  return lastDayOfMonthIso(date);
}
