import { localDate, VIETNAM_UTC_OFFSET_MINUTES, type IsoDate } from "@dangbo/shared";

/**
 * Meetings are held in Vietnam: the form's date and time are wall-clock time in
 * Asia/Ho_Chi_Minh (UTC+7, no daylight saving), whatever the device's own time zone.
 */

const pad = (n: number) => String(n).padStart(2, "0");

/** The date and time (HH:MM) in Vietnam of an instant. */
export function vnDateTime(instant: Date | string): { date: IsoDate; time: string } {
  const at = typeof instant === "string" ? new Date(instant) : instant;
  const shifted = new Date(at.getTime() + VIETNAM_UTC_OFFSET_MINUTES * 60_000);
  return {
    date: localDate(at),
    time: `${pad(shifted.getUTCHours())}:${pad(shifted.getUTCMinutes())}`,
  };
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2})$/;

/** The instant (ISO, UTC) of a date and time in Vietnam, or null when either is not valid. */
export function instantFromVn(date: string, time: string): string | null {
  const d = DATE.exec(date);
  const t = TIME.exec(time);
  if (!d || !t) return null;
  const [year, month, day, hour, minute] = [d[1], d[2], d[3], t[1], t[2]].map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  if (hour > 23 || minute > 59) return null;
  const utc = Date.UTC(year, month - 1, day, hour, minute) - VIETNAM_UTC_OFFSET_MINUTES * 60_000;
  const check = new Date(utc + VIETNAM_UTC_OFFSET_MINUTES * 60_000);
  if (
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day
  )
    return null;
  return new Date(utc).toISOString();
}

/** "19:30" of an instant, in Vietnam. */
export function vnTime(instant: unknown): string {
  const at = new Date(String(instant));
  return Number.isNaN(at.getTime()) ? "" : vnDateTime(at).time;
}
