import type { Prisma } from "@dangbo/db";
import type { Context } from "../../graphql/context.ts";
import { unitScope } from "../committee/committee.access.ts";

/**
 * Members a caller may see: those whose party activity is or was in the caller's subtree
 * (any assignment in a unit of the subtree).
 */
export function memberScope(ctx: Context): Prisma.MemberWhereInput {
  return { assignments: { some: { unit: unitScope(ctx) } } };
}

const PII_FIELDS = ["birthDate", "phone", "nationalId", "address"] as const;

/** Whether the caller may read members' personal identifiers. */
export function canReadPii(ctx: Context): boolean {
  if (!ctx.viewer) return false;
  return ctx.viewer.role !== "ANALYST" || ctx.viewer.pii;
}

/** Personal identifiers become null for callers without access to personal data. */
export function maskMember<T extends Record<(typeof PII_FIELDS)[number], unknown>>(
  ctx: Context,
  member: T,
): T {
  if (canReadPii(ctx)) return member;
  const masked = { ...member };
  for (const field of PII_FIELDS) (masked as Record<string, unknown>)[field] = null;
  return masked;
}
