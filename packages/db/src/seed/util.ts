import type { IsoDate } from "@dangbo/shared";
import type { SqlValue } from "../bulk.ts";

/** The rows of one table, in insert order. */
export interface TableData {
  table: string;
  columns: readonly string[];
  rows: SqlValue[][];
}

export function table(name: string, columns: readonly string[], rows: SqlValue[][]): TableData {
  return { table: name, columns, rows };
}

/** A sort key whose numbers compare in numeric order. */
export function key(...parts: (string | number)[]): string {
  return parts.map((p) => (typeof p === "number" ? String(p).padStart(10, "0") : p)).join("|");
}

export interface Dated {
  id: number;
  /** The row's date: rows dated after today are not generated. */
  date: IsoDate;
  /** Stable tie-breaker that never depends on today. */
  key: string;
}

/**
 * Keeps the items dated on or before today and numbers them 1… in date order, so the ids of
 * past rows never change when today moves.
 */
export function finalize<T extends Dated>(items: T[], today: IsoDate): T[] {
  const kept = items.filter((i) => i.date <= today);
  kept.sort((a, b) =>
    a.date < b.date ? -1 : a.date > b.date ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0,
  );
  kept.forEach((item, i) => {
    item.id = i + 1;
  });
  return kept;
}

/** "YYYY-MM-DD HH:MM:SS" (UTC) on a date, clamped to the start of `notAfter`'s day. */
export function stamp(date: IsoDate, hour = 2, notAfter?: IsoDate): string {
  const d = notAfter && date > notAfter ? notAfter : date;
  const h = notAfter && date > notAfter ? 0 : hour;
  return `${d} ${String(h).padStart(2, "0")}:00:00`;
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a < b ? a : b;
}

/** A valid-to date as seen on `today`: ends after today are still open. */
export function openAfter(to: IsoDate | null, today: IsoDate): IsoDate | null {
  return to !== null && to <= today ? to : null;
}

// Fast calendar arithmetic on ISO dates (days since 1970-01-01, Howard Hinnant's algorithms):
// the generator does millions of date steps; these give the same results as the shared
// helpers `addDaysIso`/`daysBetween` without building Date objects.

/** Days since 1970-01-01 of an ISO date. */
export function dayNumber(iso: IsoDate): number {
  let y =
    (iso.charCodeAt(0) - 48) * 1000 +
    (iso.charCodeAt(1) - 48) * 100 +
    (iso.charCodeAt(2) - 48) * 10 +
    (iso.charCodeAt(3) - 48);
  const m = (iso.charCodeAt(5) - 48) * 10 + (iso.charCodeAt(6) - 48);
  const d = (iso.charCodeAt(8) - 48) * 10 + (iso.charCodeAt(9) - 48);
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The ISO date of a day number. */
export function isoFromDay(days: number): IsoDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${y}-${m < 10 ? "0" : ""}${m}-${d < 10 ? "0" : ""}${d}`;
}

export function addDays(iso: IsoDate, days: number): IsoDate {
  return isoFromDay(dayNumber(iso) + days);
}

export function daysFromTo(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from);
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}
