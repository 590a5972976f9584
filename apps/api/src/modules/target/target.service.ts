import {
  addDaysIso,
  dateFromIso,
  Role,
  yearPeriod,
  type IsoDate,
  type OrgUnitKind,
} from "@dangbo/shared";
import type { Context } from "../../graphql/context.ts";
import { badInput, forbidden } from "../../graphql/errors.ts";

import { mutate } from "../audit/audit.service.ts";
import { getUnit } from "../committee/committee.service.ts";
import type { AdmissionTargets, TargetRow } from "./target.type.ts";

/** The tree a year's targets are set on: 31 December, or today during the year. */
function treeDateOf(year: number, today: IsoDate): IsoDate {
  const lastDay = addDaysIso(yearPeriod(year).to, -1);
  return today < lastDay && today >= yearPeriod(year).from ? today : lastDay;
}

type UnitLite = { id: number; name: string; kind: OrgUnitKind };

async function rowsFor(ctx: Context, units: UnitLite[], year: number): Promise<TargetRow[]> {
  const targets = await ctx.prisma.admissionTarget.findMany({
    where: { year, unitId: { in: units.map((u) => u.id) } },
    include: { updatedBy: { select: { username: true } } },
  });
  const byUnit = new Map(targets.map((t) => [t.unitId, t]));
  return units.map((u) => {
    const t = byUnit.get(u.id);
    return {
      unitId: u.id,
      name: u.name,
      kind: u.kind,
      year,
      target: t?.target ?? null,
      updatedAt: t?.updatedAt ?? null,
      updatedBy: t?.updatedBy?.username ?? null,
    };
  });
}

/** Who may set a unit's target: admins anywhere in their subtree; leaders and staff only below their own unit. */
function canSetTargetOf(ctx: Context, ancestorIds: number[], unitId: number): boolean {
  const viewer = ctx.viewer;
  if (!viewer) return false;
  if (viewer.role === Role.ADMIN)
    return unitId === viewer.unitId || ancestorIds.includes(viewer.unitId);
  if (viewer.role === Role.LEADER || viewer.role === Role.STAFF)
    return ancestorIds.includes(viewer.unitId);
  return false;
}

export async function admissionTargets(
  ctx: Context,
  unitId: number,
  year: number,
): Promise<AdmissionTargets> {
  const treeDate = treeDateOf(year, ctx.today);
  const unit = await getUnit(ctx, unitId, treeDate);
  const children = await ctx.loaders.committee.childrenOf.load({ id: unitId, asOf: treeDate });
  const [own] = await rowsFor(ctx, [unit], year);
  const rows = await rowsFor(ctx, children, year);
  const rowsTotal = rows.reduce((s, r) => s + (r.target ?? 0), 0);
  const viewer = ctx.viewer!;
  const editable =
    ([Role.ADMIN, Role.LEADER, Role.STAFF] as Role[]).includes(viewer.role as Role) &&
    (unitId === viewer.unitId || (await isBelow(ctx, unitId, viewer.unitId)));
  return {
    year,
    unit: own!,
    rows,
    rowsTotal,
    difference: (own!.target ?? 0) - rowsTotal,
    editable,
  };
}

async function isBelow(ctx: Context, unitId: number, ancestorId: number): Promise<boolean> {
  return (
    (await ctx.prisma.orgUnitClosure.count({
      where: { ancestorId, descendantId: unitId, depth: { gte: 1 } },
    })) > 0
  );
}

export async function setAdmissionTargets(
  ctx: Context,
  year: number,
  targets: { unitId: number; target: number }[],
): Promise<TargetRow[]> {
  const seen = new Set<number>();
  targets.forEach((t, i) => {
    if (seen.has(t.unitId)) throw badInput(`targets.${i}.unitId`, "Each unit may appear only once");
    seen.add(t.unitId);
  });
  const period = yearPeriod(year);
  const ids = targets.map((t) => t.unitId);
  return mutate(ctx, async (tx, audit) => {
    const units = await tx.orgUnit.findMany({
      where: { id: { in: ids } },
      select: {
        id: true,
        name: true,
        kind: true,
        validFrom: true,
        validTo: true,
        ancestorLinks: { select: { ancestorId: true }, where: { depth: { gte: 1 } } },
      },
    });
    const byId = new Map(units.map((u) => [u.id, u]));
    for (const [i, t] of targets.entries()) {
      const unit = byId.get(t.unitId);
      // Unknown ids and units outside the caller's reach are the same answer for a write: FORBIDDEN.
      if (
        !unit ||
        !canSetTargetOf(
          ctx,
          unit.ancestorLinks.map((l) => l.ancestorId),
          unit.id,
        )
      ) {
        throw forbidden("You may set targets only for units below your own");
      }
      if (
        unit.validFrom >= dateFromIso(period.to) ||
        (unit.validTo && unit.validTo <= dateFromIso(period.from))
      ) {
        throw badInput(`targets.${i}.unitId`, `${unit.name} did not exist in ${year}`);
      }
    }
    const before = await tx.admissionTarget.findMany({ where: { year, unitId: { in: ids } } });
    const beforeOf = new Map(before.map((b) => [b.unitId, b.target]));
    for (const t of targets) {
      const previous = beforeOf.get(t.unitId);
      if (previous === t.target) continue;
      await tx.admissionTarget.upsert({
        where: { unitId_year: { unitId: t.unitId, year } },
        create: { unitId: t.unitId, year, target: t.target, updatedById: ctx.viewer!.userId },
        update: { target: t.target, updatedById: ctx.viewer!.userId },
      });
      audit({
        operation: "setAdmissionTargets",
        entity: "AdmissionTarget",
        entityId: `${t.unitId}:${year}`,
        unitId: t.unitId,
        before: previous === undefined ? null : { target: previous, year },
        after: { target: t.target, year },
      });
    }
    if (targets.every((t) => beforeOf.get(t.unitId) === t.target)) {
      // Nothing changed; still a recorded call, so the log shows the attempt.
      audit({
        operation: "setAdmissionTargets",
        entity: "AdmissionTarget",
        entityId: null,
        unitId: targets[0]!.unitId,
        after: { unchanged: true, year },
      });
    }
    const rows = await tx.admissionTarget.findMany({
      where: { year, unitId: { in: ids } },
      include: {
        updatedBy: { select: { username: true } },
        unit: { select: { name: true, kind: true } },
      },
    });
    const rowOf = new Map(rows.map((r) => [r.unitId, r]));
    return targets.map((t) => {
      const r = rowOf.get(t.unitId)!;
      return {
        unitId: r.unitId,
        name: r.unit.name,
        kind: r.unit.kind,
        year,
        target: r.target,
        updatedAt: r.updatedAt,
        updatedBy: r.updatedBy?.username ?? null,
      };
    });
  });
}
