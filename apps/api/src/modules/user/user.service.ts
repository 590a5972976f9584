import { hashPassword, type Prisma, type User } from "@dangbo/db";
import { CELL_KINDS, foldVietnamese, Role } from "@dangbo/shared";
import type { Context } from "../../graphql/context.ts";
import { badInput, forbidden, notFound } from "../../graphql/errors.ts";
import { paginate, pageRequest, type PageArgs } from "../../graphql/pagination.ts";
import { mutate, type Tx } from "../audit/audit.service.ts";
import { and, unitScope } from "../committee/committee.access.ts";

/** Accounts an admin manages: those bound to a unit in the admin's subtree. */
function userScope(ctx: Context): Prisma.UserWhereInput {
  return { unit: unitScope(ctx) };
}

export async function getUser(ctx: Context, id: number): Promise<User> {
  const user = await ctx.prisma.user.findFirst({
    where: and<Prisma.UserWhereInput>({ id }, userScope(ctx)),
  });
  if (!user) throw notFound("User", id);
  return user;
}

export async function listUsers(
  ctx: Context,
  args: PageArgs & { search?: string | null; role?: Role | null },
) {
  const page = pageRequest(args);
  const folded = args.search ? foldVietnamese(args.search) : "";
  const where = and<Prisma.UserWhereInput>(
    userScope(ctx),
    args.role && { role: args.role },
    folded && {
      OR: [
        { username: { contains: folded } },
        { displayName: { contains: args.search!.trim(), mode: "insensitive" } },
      ],
    },
  );
  return paginate(
    page,
    (p) => ctx.prisma.user.findMany({ where, orderBy: [{ username: "asc" }, { id: "asc" }], ...p }),
    () => ctx.prisma.user.count({ where }),
  );
}

/** The unit an account is bound to must be in the admin's subtree (else FORBIDDEN) and fit the role. */
async function checkUnit(ctx: Context, tx: Tx, unitId: number, role: Role): Promise<void> {
  const unit = await tx.orgUnit.findFirst({
    where: and<Prisma.OrgUnitWhereInput>({ id: unitId }, unitScope(ctx)),
  });
  if (!unit) {
    const exists = await tx.orgUnit.count({ where: { id: unitId } });
    if (exists)
      throw forbidden("You may only manage accounts within your own unit's subtree", {
        field: "unitId",
        reason: "UNIT_OUTSIDE_SCOPE",
      });
    throw badInput("unitId", "No such unit", { reason: "UNKNOWN_UNIT" });
  }
  if (role === Role.SECRETARY && !CELL_KINDS.includes(unit.kind))
    throw badInput("unitId", "A secretary's unit must be a cell", {
      reason: "SECRETARY_UNIT_NOT_CELL",
    });
  if (unit.validTo && unit.validTo <= ctx.now)
    throw badInput("unitId", "This unit no longer exists", { reason: "UNIT_DISSOLVED" });
}

export async function createUser(
  ctx: Context,
  input: {
    username: string;
    displayName: string;
    password: string;
    role: Role;
    unitId: number;
    pii: boolean;
  },
): Promise<User> {
  const passwordHash = await hashPassword(input.password);
  return mutate(ctx, async (tx, audit) => {
    await checkUnit(ctx, tx, input.unitId, input.role);
    if (await tx.user.count({ where: { username: input.username } }))
      throw badInput("username", "This username is taken", { reason: "USERNAME_TAKEN" });
    const user = await tx.user.create({
      data: {
        username: input.username,
        displayName: input.displayName.trim(),
        passwordHash,
        role: input.role,
        unitId: input.unitId,
        pii: input.pii,
      },
    });
    audit({
      operation: "createUser",
      entity: "User",
      entityId: user.id,
      unitId: user.unitId,
      after: user,
    });
    return user;
  });
}

async function managedUser(ctx: Context, tx: Tx, id: number): Promise<User> {
  // Unknown ids and accounts outside the subtree get the same answer: no existence leak.
  const user = await tx.user.findFirst({
    where: and<Prisma.UserWhereInput>({ id }, userScope(ctx)),
  });
  if (!user) throw forbidden("You may only manage accounts within your own unit's subtree");
  return user;
}

export async function updateUser(
  ctx: Context,
  id: number,
  input: { displayName?: string; role?: Role; unitId?: number; pii?: boolean; disabled?: boolean },
): Promise<User> {
  return mutate(ctx, async (tx, audit) => {
    const before = await managedUser(ctx, tx, id);
    if (
      id === ctx.viewer!.userId &&
      (input.disabled ||
        (input.role && input.role !== before.role) ||
        (input.unitId && input.unitId !== before.unitId))
    ) {
      throw badInput(
        input.disabled ? "disabled" : input.role ? "role" : "unitId",
        "You cannot disable or demote your own account",
      );
    }
    const role = input.role ?? (before.role as Role);
    const unitId = input.unitId ?? before.unitId;
    if (input.role !== undefined || input.unitId !== undefined)
      await checkUnit(ctx, tx, unitId, role);
    const after = await tx.user.update({
      where: { id },
      data: {
        displayName: input.displayName?.trim(),
        role: input.role,
        unitId: input.unitId,
        pii: input.pii,
        disabled: input.disabled,
      },
    });
    // A disabled account, or one whose powers changed, must sign in again.
    if (
      after.disabled ||
      after.role !== before.role ||
      after.unitId !== before.unitId ||
      after.pii !== before.pii
    ) {
      await tx.session.deleteMany({ where: { userId: id } });
    }
    audit({
      operation: "updateUser",
      entity: "User",
      entityId: id,
      unitId: after.unitId,
      before,
      after,
    });
    return after;
  });
}

export async function resetPassword(
  ctx: Context,
  id: number,
  newPassword: string,
): Promise<boolean> {
  const passwordHash = await hashPassword(newPassword);
  await mutate(ctx, async (tx, audit) => {
    const user = await managedUser(ctx, tx, id);
    await tx.user.update({ where: { id }, data: { passwordHash } });
    await tx.session.deleteMany({ where: { userId: id } });
    audit({
      operation: "resetPassword",
      entity: "User",
      entityId: id,
      unitId: user.unitId,
      after: { passwordReset: true },
    });
  });
  return true;
}
