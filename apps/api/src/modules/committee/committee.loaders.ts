import { MEMBER_COUNT_HISTORY, Prisma, type OrgUnit, type PrismaClient } from "@dangbo/db";
import { datedLoader, groupBy, idLoader } from "../../lib/loaders.ts";
import { validOn } from "../../lib/period.ts";
import type { MemberCounts } from "./committee.type.ts";

const UNIT_ORDER = [
  { kind: "asc" as const },
  { nameSearch: "asc" as const },
  { id: "asc" as const },
];

export function createCommitteeLoaders(prisma: PrismaClient) {
  return {
    unitById: idLoader<OrgUnit>(
      (ids) => prisma.orgUnit.findMany({ where: { id: { in: ids } } }),
      (u) => u.id,
    ),

    /** Direct subordinates on a date, ordered by kind then name. */
    childrenOf: datedLoader<OrgUnit[]>(
      async (ids, asOf) => {
        const links = await prisma.orgUnitClosure.findMany({
          where: { ancestorId: { in: ids }, depth: 1, ...validOn(asOf) },
          select: { ancestorId: true, descendant: true },
          orderBy: { descendant: { nameSearch: "asc" } },
        });
        const grouped = groupBy(links, (l) => l.ancestorId);
        return new Map(
          [...grouped].map(([id, rows]) => [
            id,
            rows.map((r) => r.descendant).sort((a, b) => compareUnits(a, b)),
          ]),
        );
      },
      () => [],
    ),

    childCountOf: datedLoader<number>(
      async (ids, asOf) => {
        const rows = await prisma.orgUnitClosure.groupBy({
          by: ["ancestorId"],
          where: { ancestorId: { in: ids }, depth: 1, ...validOn(asOf) },
          _count: { _all: true },
        });
        return new Map(rows.map((r) => [r.ancestorId, r._count._all]));
      },
      () => 0,
    ),

    /** The parent on a date (null for a root, or a unit that did not exist then). */
    parentOf: datedLoader<OrgUnit | null>(
      async (ids, asOf) => {
        const links = await prisma.orgUnitClosure.findMany({
          where: { descendantId: { in: ids }, depth: 1, ...validOn(asOf) },
          select: { descendantId: true, ancestor: true },
        });
        return new Map(links.map((l) => [l.descendantId, l.ancestor]));
      },
      () => null,
    ),

    /** Ancestors on a date, root first. */
    ancestorsOf: datedLoader<OrgUnit[]>(
      async (ids, asOf) => {
        const links = await prisma.orgUnitClosure.findMany({
          where: { descendantId: { in: ids }, depth: { gte: 1 }, ...validOn(asOf) },
          select: { descendantId: true, depth: true, ancestor: true },
          orderBy: { depth: "desc" },
        });
        const grouped = groupBy(links, (l) => l.descendantId);
        return new Map([...grouped].map(([id, rows]) => [id, rows.map((r) => r.ancestor)]));
      },
      () => [],
    ),

    /** Members of each unit's whole subtree on a date, in one grouped query. */
    memberCountsOf: datedLoader<MemberCounts>(
      async (ids, asOf) => {
        // Today's counts are maintained (unit_member_count); past quarter ends are kept too
        // (unit_member_count_history), read while fresh: no write since its rebuild could change
        // them (rollup_state, bumped by triggers). One statement reads both; a row with a null id
        // says the source holds the date (a unit without a row then has no members). Other dates
        // are counted live.
        const stored = await prisma.$queryRaw<
          { source: number; id: number | null; official: number; probationary: number }[]
        >`
          SELECT 1 AS source, unit_id AS id, official, probationary FROM unit_member_count
          WHERE unit_id IN (${Prisma.join(ids)}) AND counted_on = ${asOf}::date
          UNION ALL
          SELECT 1, NULL, 0, 0 WHERE EXISTS (SELECT 1 FROM unit_member_count WHERE counted_on = ${asOf}::date)
          UNION ALL
          SELECT 2, h.unit_id, h.official, h.probationary FROM unit_member_count_history h
          WHERE h.counted_on = ${asOf}::date AND h.unit_id IN (${Prisma.join(ids)})
            AND EXISTS (SELECT 1 FROM rollup_state s WHERE s.name = ${MEMBER_COUNT_HISTORY} AND s.changes = s.refreshed_changes)
          UNION ALL
          SELECT 2, NULL, 0, 0
          WHERE EXISTS (SELECT 1 FROM rollup_state s WHERE s.name = ${MEMBER_COUNT_HISTORY} AND s.changes = s.refreshed_changes)
            AND EXISTS (SELECT 1 FROM unit_member_count_history x WHERE x.counted_on = ${asOf}::date)`;
        for (const source of [1, 2]) {
          const rows = stored.filter((r) => r.source === source);
          if (rows.length === 0) continue;
          return new Map(
            rows
              .filter((r) => r.id !== null)
              .map((r) => [
                r.id!,
                {
                  official: r.official,
                  probationary: r.probationary,
                  total: r.official + r.probationary,
                },
              ]),
          );
        }
        const rows = await prisma.$queryRaw<{ id: number; official: number; total: number }[]>`
        SELECT c.ancestor_id AS id,
               COUNT(*) FILTER (WHERE m.official_on IS NOT NULL AND m.official_on <= ${asOf}::date)::int AS official,
               COUNT(*)::int AS total
        FROM org_unit_closure c
        JOIN member_assignment a ON a.unit_id = c.descendant_id
         AND NOT a.temporary AND a.valid_from <= ${asOf}::date AND (a.valid_to IS NULL OR a.valid_to > ${asOf}::date)
        JOIN member m ON m.id = a.member_id
        WHERE c.ancestor_id IN (${Prisma.join(ids)})
          AND c.valid_from <= ${asOf}::date AND (c.valid_to IS NULL OR c.valid_to > ${asOf}::date)
        GROUP BY c.ancestor_id`;
        return new Map(
          rows.map((r) => [
            r.id,
            { official: r.official, probationary: r.total - r.official, total: r.total },
          ]),
        );
      },
      () => ({ official: 0, probationary: 0, total: 0 }),
    ),
  };
}

const KIND_ORDER = [
  "PROVINCIAL_COMMITTEE",
  "DISTRICT_COMMITTEE",
  "BLOCK_COMMITTEE",
  "DIRECT_COMMITTEE",
  "GRASSROOTS_COMMITTEE",
  "GRASSROOTS_CELL",
  "CELL",
];

export function compareUnits(a: OrgUnit, b: OrgUnit): number {
  return (
    KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
    a.nameSearch.localeCompare(b.nameSearch) ||
    a.id - b.id
  );
}

export { UNIT_ORDER };
