import { badInput } from "./errors.ts";

/** Ids are positive integers on the wire as GraphQL IDs; anything else is bad input. */
export function parseId(value: string | number, field = "id"): number {
  const text = String(value).trim();
  const id = /^\d{1,15}$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(id) || id <= 0)
    throw badInput(field, `${field} must be an id returned by the API`);
  return id;
}

export function parseOptionalId(
  value: string | number | null | undefined,
  field: string,
): number | null {
  return value === null || value === undefined ? null : parseId(value, field);
}
