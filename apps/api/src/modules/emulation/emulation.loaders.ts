import type { ActionSlogan, Award, EmulationCampaign, PrismaClient } from "@dangbo/db";
import type { OrgUnitKind } from "@dangbo/shared";
import DataLoader from "dataloader";
import { groupBy, idLoader } from "../../lib/loaders.ts";
import { campaignsOf } from "./emulation.access.ts";

/** A key of a loader whose answer depends on the caller's scope (the unit their role is bound to). */
export interface ScopedKey {
  scope: number;
  id: number;
}

/**
 * A DataLoader over (scope, id) keys: one query per distinct scope in a batch (in practice one
 * per request, since a request has one viewer), never one per row.
 */
export function scopedLoader<V>(
  batch: (scope: number, ids: number[]) => Promise<Map<number, V>>,
  missing: () => V,
): DataLoader<ScopedKey, V, string> {
  return new DataLoader<ScopedKey, V, string>(
    async (keys) => {
      const byScope = groupBy(keys, (k) => k.scope);
      const results = new Map<string, V>();
      await Promise.all(
        [...byScope].map(async ([scope, group]) => {
          const ids = [...new Set(group.map((k) => k.id))];
          const values = await batch(scope, ids);
          for (const id of ids) results.set(`${scope}|${id}`, values.get(id) ?? missing());
        }),
      );
      return keys.map((k) => results.get(`${k.scope}|${k.id}`) ?? missing());
    },
    { cacheKeyFn: (k) => `${k.scope}|${k.id}` },
  );
}

export interface EligibleUnitRow {
  unitId: number;
  name: string;
  kind: OrgUnitKind;
}

export interface RegistrationCounts {
  registrations: number;
  units: number;
  completed: number;
}

const AWARD_ORDER = [
  { yearTo: "desc" as const },
  { decidedOn: "desc" as const },
  { id: "desc" as const },
];

export function createEmulationLoaders(prisma: PrismaClient) {
  return {
    campaignById: idLoader<EmulationCampaign>(
      (ids) => prisma.emulationCampaign.findMany({ where: { id: { in: ids } } }),
      (c) => c.id,
    ),

    /** The units each campaign is open to, by name. */
    eligibilityOf: new DataLoader<number, EligibleUnitRow[]>(async (ids) => {
      const rows = await prisma.campaignEligibility.findMany({
        where: { campaignId: { in: [...ids] } },
        select: { campaignId: true, unit: { select: { id: true, name: true, kind: true } } },
        orderBy: [{ unit: { nameSearch: "asc" } }, { unitId: "asc" }],
      });
      const grouped = groupBy(rows, (r) => r.campaignId);
      return ids.map((id) =>
        (grouped.get(id) ?? []).map((r) => ({
          unitId: r.unit.id,
          name: r.unit.name,
          kind: r.unit.kind,
        })),
      );
    }),

    /** Whether a unit is or was in the subtree of the scope unit (the caller's unit). */
    inScope: scopedLoader<boolean>(
      async (scope, ids) => {
        const links = await prisma.orgUnitClosure.findMany({
          where: { ancestorId: scope, descendantId: { in: ids } },
          select: { descendantId: true },
          distinct: ["descendantId"],
        });
        return new Map(links.map((l) => [l.descendantId, true]));
      },
      () => false,
    ),

    /** Whether a campaign concerns the scope unit (the caller may see it). */
    campaignVisible: scopedLoader<boolean>(
      async (scope, ids) => {
        const rows = await prisma.emulationCampaign.findMany({
          where: { AND: [{ id: { in: ids } }, campaignsOf(scope)] },
          select: { id: true },
        });
        return new Map(rows.map((r) => [r.id, true]));
      },
      () => false,
    ),

    /** Registration counts per campaign, of the units in the scope unit's subtree. */
    registrationCountsOf: scopedLoader<RegistrationCounts>(
      async (scope, ids) => {
        const where = {
          campaignId: { in: ids },
          unit: { ancestorLinks: { some: { ancestorId: scope } } },
        };
        const [counts, units] = await Promise.all([
          prisma.campaignRegistration.groupBy({
            by: ["campaignId"],
            where,
            _count: { _all: true, completedOn: true },
          }),
          prisma.campaignRegistration.groupBy({ by: ["campaignId", "unitId"], where }),
        ]);
        const unitCount = new Map<number, number>();
        for (const u of units) unitCount.set(u.campaignId, (unitCount.get(u.campaignId) ?? 0) + 1);
        return new Map(
          counts.map((c) => [
            c.campaignId,
            {
              registrations: c._count._all,
              completed: c._count.completedOn,
              units: unitCount.get(c.campaignId) ?? 0,
            },
          ]),
        );
      },
      () => ({ registrations: 0, units: 0, completed: 0 }),
    ),

    /** A unit's own awards (not its members'), newest first. */
    awardsOfUnit: scopedLoader<Award[]>(
      async (scope, ids) => {
        const rows = await prisma.award.findMany({
          where: { unitId: { in: ids }, unit: { ancestorLinks: { some: { ancestorId: scope } } } },
          orderBy: AWARD_ORDER,
        });
        return groupBy(rows, (r) => r.unitId!);
      },
      () => [],
    ),

    /** A member's awards, newest first; only for members the scope may see. */
    awardsOfMember: scopedLoader<Award[]>(
      async (scope, ids) => {
        const rows = await prisma.award.findMany({
          where: {
            memberId: { in: ids },
            member: {
              assignments: {
                some: { unit: { ancestorLinks: { some: { ancestorId: scope } } } },
              },
            },
          },
          orderBy: AWARD_ORDER,
        });
        return groupBy(rows, (r) => r.memberId!);
      },
      () => [],
    ),

    slogansOf: new DataLoader<number, ActionSlogan[]>(async (ids) => {
      const rows = await prisma.actionSlogan.findMany({
        where: { standardId: { in: [...ids] } },
        orderBy: { id: "asc" },
      });
      const grouped = groupBy(rows, (r) => r.standardId);
      return ids.map((id) => grouped.get(id) ?? []);
    }),
  };
}

export type EmulationLoaders = ReturnType<typeof createEmulationLoaders>;
