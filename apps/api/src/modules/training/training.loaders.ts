import type { PrismaClient } from "@dangbo/db";
import DataLoader from "dataloader";

export function createTrainingLoaders(prisma: PrismaClient) {
  return {
    countsOf: new DataLoader(async (ids: readonly number[]) => {
      const rows = await prisma.trainingEnrolment.groupBy({
        by: ["classId", "completed"],
        where: { classId: { in: [...ids] } },
        _count: { _all: true },
      });
      return ids.map((id) => ({
        enrolled: rows.filter((r) => r.classId === id).reduce((s, r) => s + r._count._all, 0),
        completed: rows
          .filter((r) => r.classId === id && r.completed)
          .reduce((s, r) => s + r._count._all, 0),
      }));
    }),
  };
}
