import "reflect-metadata";
import type { Prisma } from "@dangbo/db";
import { Role } from "@dangbo/shared";
import { Args, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { Access } from "../../graphql/access.ts";
import type { Context } from "../../graphql/context.ts";
import { parseOptionalId } from "../../graphql/ids.ts";
import { paginate, pageRequest } from "../../graphql/pagination.ts";
import { and, unitScope } from "../committee/committee.access.ts";
import { assertUnitVisible, withAsOf, type UnitRecord } from "../committee/committee.service.ts";
import { OrgUnitType } from "../committee/committee.type.ts";
import { AuditLogArgs } from "./audit.input.ts";
import { AuditEntryConnection, AuditEntryType } from "./audit.type.ts";

@Resolver(() => AuditEntryType)
export class AuditResolver {
  @Access([Role.ADMIN, Role.LEADER])
  @Query(() => AuditEntryConnection, { description: "Changes within your subtree, newest first." })
  async auditLog(@Args(() => AuditLogArgs) args: AuditLogArgs, @Ctx() ctx: Context) {
    const page = pageRequest(args);
    const unitId = parseOptionalId(args.unitId, "unitId");
    if (unitId !== null) await assertUnitVisible(ctx, unitId);
    const scope = unitScope(ctx);
    const where = and<Prisma.AuditLogWhereInput>(
      scope && { unit: scope },
      unitId !== null && { unit: { ancestorLinks: { some: { ancestorId: unitId } } } },
      args.entity && { entity: args.entity },
      args.entityId && { entityId: args.entityId },
      args.operation && { operation: args.operation },
      args.username && { username: args.username.toLowerCase() },
      args.from && { at: { gte: args.from } },
      args.to && { at: { lt: args.to } },
    );
    return paginate(
      page,
      (p) => ctx.prisma.auditLog.findMany({ where, orderBy: [{ id: "desc" }], ...p }),
      () => ctx.prisma.auditLog.count({ where }),
    );
  }

  @FieldResolver(() => OrgUnitType, {
    nullable: true,
    description: "The unit the change belongs to.",
  })
  async unit(@Root() entry: AuditEntryType, @Ctx() ctx: Context): Promise<UnitRecord | null> {
    if (entry.unitId === null) return null;
    const unit = await ctx.loaders.committee.unitById.load(entry.unitId);
    return unit ? withAsOf(unit, ctx.today) : null;
  }
}
