import { localDate, type IsoDate } from "@dangbo/shared";

/** Today in the province (UTC+7), the day the API checks "not in the future" against. */
export function provinceToday(now: Date = new Date()): IsoDate {
  return localDate(now);
}

export function yearOfIso(value: IsoDate): number {
  return Number(value.slice(0, 4));
}
