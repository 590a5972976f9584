import type { Prisma } from "@dangbo/db";
import type { Context } from "../../graphql/context.ts";

/** Matches no row: the scope of a request without a signed-in user. */
export const NOTHING: Prisma.OrgUnitWhereInput = { id: { in: [] } };

/**
 * The units a caller may see: everything that is or ever was in the subtree of the caller's
 * unit (so past years' figures of units since moved or dissolved stay visible to the committee
 * they belonged to). Applied inside every query's `where`, never by filtering results.
 */
export function unitScope(ctx: Context): Prisma.OrgUnitWhereInput {
  if (!ctx.viewer) return NOTHING;
  return { ancestorLinks: { some: { ancestorId: ctx.viewer.unitId } } };
}

export function and<T>(...parts: (T | null | undefined | false | "" | 0)[]): { AND: T[] } {
  return { AND: parts.filter((p): p is T => Boolean(p)) };
}
