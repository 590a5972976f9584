import type { PrismaClient } from "@dangbo/db";
import DataLoader from "dataloader";
import { groupBy } from "../../lib/loaders.ts";

export function createCandidateLoaders(prisma: PrismaClient) {
  return {
    eventsOf: new DataLoader(async (ids: readonly number[]) => {
      const rows = await prisma.candidateStageEvent.findMany({
        where: { candidateId: { in: [...ids] } },
        include: { recordedBy: { select: { username: true } } },
        orderBy: [{ occurredOn: "asc" }, { id: "asc" }],
      });
      const grouped = groupBy(rows, (r) => r.candidateId);
      return ids.map((id) => grouped.get(id) ?? []);
    }),
  };
}
