import { UTCDate } from "@date-fns/utc";
import { addMonths, differenceInCalendarDays, lastDayOfMonth } from "date-fns";

/** A calendar date as `YYYY-MM-DD`; the domain's dates carry no time of day or zone. */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1;
}

/** Midnight UTC of an ISO date, the form Prisma reads and writes for `@db.Date` columns. */
export function dateFromIso(value: IsoDate): Date {
  if (!isIsoDate(value)) throw new RangeError(`Not a calendar date: ${value}`);
  return new Date(`${value}T00:00:00.000Z`);
}

export function isoFromDate(value: Date): IsoDate {
  return value.toISOString().slice(0, 10);
}

/** Vietnam's offset from UTC (no daylight saving time). */
export const VIETNAM_UTC_OFFSET_MINUTES = 7 * 60;

/**
 * Today as the product's users live it: the calendar day in Vietnam (UTC+7). From 17:00 UTC on
 * it is already the next day there — the day meetings, admissions and standards are dated with —
 * so every default "today" (as-of dates, kept tables' day) is this one, never the UTC date.
 */
export function todayIso(now: Date = new Date()): IsoDate {
  return localDate(now);
}

/** Vietnam has one time zone, UTC+7 without daylight saving: the local calendar date of an instant. */
export function localDate(instant: Date, offsetMinutes = VIETNAM_UTC_OFFSET_MINUTES): IsoDate {
  return isoFromDate(new Date(instant.getTime() + offsetMinutes * 60_000));
}

export function addMonthsIso(value: IsoDate, months: number): IsoDate {
  return isoFromDate(addMonths(new UTCDate(dateFromIso(value).getTime()), months));
}

export function addDaysIso(value: IsoDate, days: number): IsoDate {
  return isoFromDate(new Date(dateFromIso(value).getTime() + days * 86_400_000));
}

export function daysBetween(from: IsoDate, to: IsoDate): number {
  return differenceInCalendarDays(
    new UTCDate(dateFromIso(to).getTime()),
    new UTCDate(dateFromIso(from).getTime()),
  );
}

/** Probation lasts 12 months from the admission decision (Party Charter, art. 5). */
export const PROBATION_MONTHS = 12;

export function probationEnd(admittedOn: IsoDate, extensionMonths = 0): IsoDate {
  return addMonthsIso(admittedOn, PROBATION_MONTHS + extensionMonths);
}

/** Calendar quarter 1–4 of a date. */
export function quarterOf(value: IsoDate): 1 | 2 | 3 | 4 {
  const month = Number(value.slice(5, 7));
  return (Math.floor((month - 1) / 3) + 1) as 1 | 2 | 3 | 4;
}

export interface Period {
  /** First day, inclusive. */
  from: IsoDate;
  /** Day after the last day (half-open), so periods chain without gaps. */
  to: IsoDate;
}

export function yearPeriod(year: number): Period {
  return { from: `${year}-01-01`, to: `${year + 1}-01-01` };
}

export function quarterPeriod(year: number, quarter: 1 | 2 | 3 | 4): Period {
  const startMonth = (quarter - 1) * 3 + 1;
  const from = `${year}-${String(startMonth).padStart(2, "0")}-01`;
  return { from, to: addMonthsIso(from, 3) };
}

export function monthPeriod(year: number, month: number): Period {
  const from = `${year}-${String(month).padStart(2, "0")}-01`;
  return { from, to: addMonthsIso(from, 1) };
}

export function lastDayOfMonthIso(value: IsoDate): IsoDate {
  return isoFromDate(lastDayOfMonth(new UTCDate(dateFromIso(value).getTime())));
}

export function isWithin(value: IsoDate, period: Period): boolean {
  return value >= period.from && value < period.to;
}

/** Completed years of age on a date. */
export function ageOn(birthDate: IsoDate, on: IsoDate): number {
  const years = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return on.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

export const AGE_BANDS = ["UNDER_30", "30_45", "46_60", "OVER_60"] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export function ageBand(age: number): AgeBand {
  if (age < 30) return "UNDER_30";
  if (age <= 45) return "30_45";
  if (age <= 60) return "46_60";
  return "OVER_60";
}
