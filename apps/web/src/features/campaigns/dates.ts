import { localDate, type IsoDate } from "@dangbo/shared";

/** The first year the emulation pages offer (the demo data start in 2020). */
export const FIRST_YEAR = 2020;

/** Today in the province (UTC+7): the day the API checks "not in the future" against. */
export function provinceToday(now: Date = new Date()): IsoDate {
  return localDate(now);
}

export function yearOf(iso: string): number {
  return Number(iso.slice(0, 4));
}

/** Newest first: the year select of the panels and filters. */
export function yearsDownFrom(last: number, first = FIRST_YEAR): number[] {
  const years: number[] = [];
  for (let year = last; year >= first; year--) years.push(year);
  return years;
}

/** A whole year from the address (`?year=2024`), else the given default. */
export function yearParam(value: string | null, fallback: number): number {
  const year = Number(value);
  return Number.isInteger(year) && year >= 1930 && year <= 2100 ? year : fallback;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(value: string): value is IsoDate {
  return ISO_DATE.test(value);
}
