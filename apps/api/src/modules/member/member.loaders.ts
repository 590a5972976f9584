import type { Member, PrismaClient } from "@dangbo/db";
import DataLoader from "dataloader";
import { groupBy, idLoader } from "../../lib/loaders.ts";

export function createMemberLoaders(prisma: PrismaClient) {
  return {
    memberById: idLoader<Member>(
      (ids) => prisma.member.findMany({ where: { id: { in: ids } } }),
      (m) => m.id,
    ),
    eventsOf: new DataLoader(async (ids: readonly number[]) => {
      const rows = await prisma.memberEvent.findMany({
        where: { memberId: { in: [...ids] } },
        orderBy: [{ effectiveOn: "asc" }, { id: "asc" }],
      });
      const grouped = groupBy(rows, (r) => r.memberId);
      return ids.map((id) => grouped.get(id) ?? []);
    }),
    assignmentsOf: new DataLoader(async (ids: readonly number[]) => {
      const rows = await prisma.memberAssignment.findMany({
        where: { memberId: { in: [...ids] } },
        orderBy: [{ validFrom: "asc" }, { id: "asc" }],
      });
      const grouped = groupBy(rows, (r) => r.memberId);
      return ids.map((id) => grouped.get(id) ?? []);
    }),
    theoryCompleted: new DataLoader(async (ids: readonly number[]) => {
      const rows = await prisma.trainingEnrolment.findMany({
        where: {
          memberId: { in: [...ids] },
          completed: true,
          trainingClass: { kind: "NEW_MEMBER_THEORY" },
        },
        select: { memberId: true },
      });
      const done = new Set(rows.map((r) => r.memberId));
      return ids.map((id) => done.has(id));
    }),
  };
}
