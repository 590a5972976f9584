import type { Prisma } from "@dangbo/db";
import type { Context } from "../../graphql/context.ts";

export type Tx = Prisma.TransactionClient;

export interface AuditEntry {
  /** The GraphQL operation, e.g. `createUser`. */
  operation: string;
  /** The model changed, e.g. `User`. */
  entity: string;
  entityId?: string | number | null;
  /** The unit whose subtree the change belongs to (who may read the entry). */
  unitId: number | null;
  before?: unknown;
  after?: unknown;
}

const SECRET_KEYS = new Set([
  "passwordHash",
  "password",
  "newPassword",
  "currentPassword",
  "token",
]);

/** A JSON-safe copy of a record for the audit log: dates as ISO strings, secrets removed. */
export function snapshot(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  return JSON.parse(
    JSON.stringify(value, (key, v) =>
      SECRET_KEYS.has(key) ? undefined : typeof v === "bigint" ? v.toString() : v,
    ),
  ) as Prisma.InputJsonValue;
}

/**
 * Runs a change in one transaction together with its audit entries: either both are written
 * or neither is. A mutation that records no entry is a bug and fails.
 */
export async function mutate<T>(
  ctx: Context,
  fn: (tx: Tx, audit: (entry: AuditEntry) => void) => Promise<T>,
): Promise<T> {
  return ctx.primary.$transaction(
    async (tx) => {
      const entries: AuditEntry[] = [];
      const result = await fn(tx, (entry) => entries.push(entry));
      if (entries.length === 0) throw new Error("a mutation finished without an audit entry");
      await tx.auditLog.createMany({
        data: entries.map((e) => ({
          userId: ctx.viewer?.userId ?? null,
          username: ctx.viewer?.username ?? null,
          operation: e.operation,
          entity: e.entity,
          entityId: e.entityId === undefined || e.entityId === null ? null : String(e.entityId),
          unitId: e.unitId,
          before: snapshot(e.before),
          after: snapshot(e.after),
        })),
      });
      return result;
    },
    { timeout: 30_000, maxWait: 10_000 },
  );
}
