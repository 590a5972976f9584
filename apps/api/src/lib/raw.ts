import type { RawSql } from "@dangbo/db";
import type { Tx } from "../modules/audit/audit.service.ts";

/** The raw-SQL interface over a Prisma transaction, so shared SQL helpers run inside it. */
export function rawOf(tx: Tx): RawSql {
  return {
    exec: async (script) => {
      await tx.$executeRawUnsafe(script);
    },
    query: <T>(sql: string, params: unknown[] = []) => tx.$queryRawUnsafe<T[]>(sql, ...params),
  };
}
