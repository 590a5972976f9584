import type { Meeting, MeetingAttendance, PrismaClient, StudyTheme } from "@dangbo/db";
import DataLoader from "dataloader";
import { groupBy, idLoader } from "../../lib/loaders.ts";

export function createMeetingLoaders(prisma: PrismaClient) {
  return {
    attendanceOf: new DataLoader<number, MeetingAttendance[]>(async (ids) => {
      const rows = await prisma.meetingAttendance.findMany({
        where: { meetingId: { in: [...ids] } },
        orderBy: { memberId: "asc" },
      });
      const grouped = groupBy(rows, (r) => r.meetingId);
      return ids.map((id) => grouped.get(id) ?? []);
    }),
    studyThemeById: idLoader<StudyTheme>(
      (ids) => prisma.studyTheme.findMany({ where: { id: { in: ids } } }),
      (t) => t.id,
    ),
    meetingsOfUnit: createUnitMeetingsLoader(prisma),
  };
}

export interface UnitMeetingsKey {
  unitId: number;
  from: string;
  to: string;
  first: number;
}

/** The latest meetings of many cells in one statement (a window per cell), for nested queries. */
export function createUnitMeetingsLoader(prisma: PrismaClient) {
  return new DataLoader<UnitMeetingsKey, Meeting[], string>(
    async (keys) => {
      const groups = new Map<string, UnitMeetingsKey[]>();
      for (const k of keys) {
        const g = `${k.from}|${k.to}|${k.first}`;
        groups.set(g, [...(groups.get(g) ?? []), k]);
      }
      const result = new Map<string, Meeting[]>();
      await Promise.all(
        [...groups.values()].map(async (group) => {
          const { from, to, first } = group[0]!;
          const ids = [...new Set(group.map((k) => k.unitId))];
          const rows = await prisma.$queryRaw<{ id: number }[]>`
            SELECT id FROM (
              SELECT m.id, row_number() OVER (PARTITION BY m.unit_id ORDER BY m.held_at DESC, m.id DESC) AS n
              FROM meeting m WHERE m.unit_id = ANY(${ids}::int[]) AND m.held_on >= ${from}::date AND m.held_on <= ${to}::date
            ) ranked WHERE n <= ${first}`;
          const meetings = await prisma.meeting.findMany({
            where: { id: { in: rows.map((r) => r.id) } },
            orderBy: [{ heldAt: "desc" }, { id: "desc" }],
          });
          for (const k of group)
            result.set(
              `${k.unitId}|${from}|${to}|${first}`,
              meetings.filter((m) => m.unitId === k.unitId),
            );
        }),
      );
      return keys.map((k) => result.get(`${k.unitId}|${k.from}|${k.to}|${k.first}`) ?? []);
    },
    { cacheKeyFn: (k) => `${k.unitId}|${k.from}|${k.to}|${k.first}` },
  );
}
