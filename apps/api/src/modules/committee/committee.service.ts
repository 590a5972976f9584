import type { OrgUnit, Prisma } from "@dangbo/db";
import { foldVietnamese, type IsoDate, type OrgUnitKind } from "@dangbo/shared";
import type { Context } from "../../graphql/context.ts";
import { notFound } from "../../graphql/errors.ts";
import { paginate, pageRequest, type PageArgs } from "../../graphql/pagination.ts";
import { validOn } from "../../lib/period.ts";
import { and, unitScope } from "./committee.access.ts";
import { UNIT_ORDER } from "./committee.loaders.ts";

export type UnitRecord = OrgUnit & { asOf: IsoDate };

export function withAsOf(unit: OrgUnit, asOf: IsoDate): UnitRecord {
  return { ...unit, asOf };
}

/** A unit the caller may see, or NOT_FOUND (the same for unknown ids and ids outside the scope). */
export async function getUnit(ctx: Context, id: number, asOf: IsoDate): Promise<UnitRecord> {
  const unit = await ctx.prisma.orgUnit.findFirst({
    where: and<Prisma.OrgUnitWhereInput>({ id }, unitScope(ctx)),
  });
  if (!unit) throw notFound("OrgUnit", id);
  return withAsOf(unit, asOf);
}

export async function assertUnitVisible(ctx: Context, id: number): Promise<void> {
  const count = await ctx.prisma.orgUnit.count({
    where: and<Prisma.OrgUnitWhereInput>({ id }, unitScope(ctx)),
  });
  if (count === 0) throw notFound("OrgUnit", id);
}

export interface ListUnitsArgs extends PageArgs {
  parentId?: number | null;
  kind?: OrgUnitKind | null;
  search?: string | null;
  asOf: IsoDate;
}

export async function listUnits(ctx: Context, args: ListUnitsArgs) {
  const page = pageRequest(args);
  if (args.parentId != null) await assertUnitVisible(ctx, args.parentId);
  const folded = args.search ? foldVietnamese(args.search) : "";
  const where = and<Prisma.OrgUnitWhereInput>(
    unitScope(ctx),
    validOn(args.asOf),
    args.parentId != null && {
      ancestorLinks: { some: { ancestorId: args.parentId, depth: 1, ...validOn(args.asOf) } },
    },
    args.kind && { kind: args.kind },
    folded && { nameSearch: { contains: folded } },
  );
  const result = await paginate(
    page,
    (p) => ctx.prisma.orgUnit.findMany({ where, orderBy: UNIT_ORDER, ...p }),
    () => ctx.prisma.orgUnit.count({ where }),
  );
  return {
    ...result,
    edges: result.edges.map((e) => ({ ...e, node: withAsOf(e.node, args.asOf) })),
  };
}

/** Where the tree starts for the caller: their own unit. */
export async function rootUnits(ctx: Context, asOf: IsoDate): Promise<UnitRecord[]> {
  if (!ctx.viewer) return [];
  const units = await ctx.prisma.orgUnit.findMany({
    where: { id: ctx.viewer.unitId },
    orderBy: UNIT_ORDER,
  });
  return units.map((u) => withAsOf(u, asOf));
}

/**
 * Ancestors (root first) cut to the caller's scope: units above the caller's own unit are not
 * theirs to see, so the chain starts at the caller's unit.
 */
export function cutAboveScope(ctx: Context, ancestors: OrgUnit[]): OrgUnit[] {
  if (!ctx.viewer) return [];
  const index = ancestors.findIndex((u) => u.id === ctx.viewer!.unitId);
  return index < 0 ? [] : ancestors.slice(index);
}
