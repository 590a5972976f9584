import { localDate, type IsoDate, type Role } from "@dangbo/shared";

/** Who records documents, conferences, requirements, plans and reviews (the API's WRITERS). */
export const WRITER_ROLES = ["ADMIN", "STAFF"] as const satisfies readonly Role[];

export function isWriter(role: Role | undefined | null): boolean {
  return !!role && (WRITER_ROLES as readonly Role[]).includes(role);
}

/** Today in the province (UTC+7): the last day the API accepts a record to be dated. */
export function provinceToday(now: Date = new Date()): IsoDate {
  return localDate(now);
}
