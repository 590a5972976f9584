import type { Prisma } from "@dangbo/db";
import { CENTRAL_ISSUER, OrgUnitKind } from "@dangbo/shared";
import type { Context } from "../../graphql/context.ts";
import type { Tx } from "../audit/audit.service.ts";

/**
 * Who may see what of the document registry. Every fragment takes the caller's unit id (null:
 * nobody signed in) so that the request's DataLoaders, which have no context, apply the same
 * rules as the services.
 */

/** Units that are or ever were in the subtree of `scopeUnitId` (the caller's scope). */
export function unitsIn(scopeUnitId: number | null): Prisma.OrgUnitWhereInput {
  if (scopeUnitId === null) return { id: { in: [] } };
  return { ancestorLinks: { some: { ancestorId: scopeUnitId } } };
}

/** Units that are or were above `scopeUnitId`, itself included. */
export function unitsAbove(scopeUnitId: number | null): Prisma.OrgUnitWhereInput {
  if (scopeUnitId === null) return { id: { in: [] } };
  return { descendantLinks: { some: { descendantId: scopeUnitId } } };
}

/** The provincial issuer code: its documents apply to every unit of the province. */
export const PROVINCIAL_ISSUER = "TU";

/**
 * Documents a caller may read: those of the centre and the province (they apply to everyone),
 * those issued by a committee above the caller (they apply to the caller's unit), and those
 * issued inside the caller's subtree.
 */
export function documentScopeOf(scopeUnitId: number | null): Prisma.DocumentWhereInput {
  if (scopeUnitId === null) return { id: { in: [] } };
  return {
    OR: [
      { issuerUnitId: null },
      { issuer: { in: [CENTRAL_ISSUER, PROVINCIAL_ISSUER] } },
      { issuerUnit: unitsIn(scopeUnitId) },
      { issuerUnit: unitsAbove(scopeUnitId) },
    ],
  };
}

export const scopeOf = (ctx: Context): number | null => ctx.viewer?.unitId ?? null;

export function documentScope(ctx: Context): Prisma.DocumentWhereInput {
  return documentScopeOf(scopeOf(ctx));
}

/** Conferences a caller may see: those organised in the caller's subtree. */
export function conferenceScopeOf(scopeUnitId: number | null): Prisma.ConferenceWhereInput {
  return { organiser: unitsIn(scopeUnitId) };
}

/** Requirements a caller may see: set within the caller's subtree, or above it (they apply to it). */
export function requirementScopeOf(
  scopeUnitId: number | null,
): Prisma.ImplementationRequirementWhereInput {
  return { scopeUnit: { OR: [unitsIn(scopeUnitId), unitsAbove(scopeUnitId)] } };
}

export function planScopeOf(scopeUnitId: number | null): Prisma.ImplementationPlanWhereInput {
  return { unit: unitsIn(scopeUnitId) };
}

export function reviewScopeOf(scopeUnitId: number | null): Prisma.DocumentReviewWhereInput {
  return { unit: unitsIn(scopeUnitId) };
}

/**
 * Whether the caller writes for the whole province: documents of the centre and the year's
 * study theme are the provincial committee's to register.
 */
export async function isProvincialWriter(ctx: Context, tx: Tx): Promise<boolean> {
  if (!ctx.viewer) return false;
  const unit = await tx.orgUnit.findUnique({
    where: { id: ctx.viewer.unitId },
    select: { kind: true },
  });
  return unit?.kind === OrgUnitKind.PROVINCIAL_COMMITTEE;
}

/** Whether a unit is the caller's or below it (ever): the units whose records the caller may change. */
export async function isWritableUnit(ctx: Context, tx: Tx, unitId: number): Promise<boolean> {
  const count = await tx.orgUnit.count({
    where: { AND: [{ id: unitId }, unitsIn(scopeOf(ctx))] },
  });
  return count > 0;
}
