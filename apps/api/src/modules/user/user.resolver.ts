import "reflect-metadata";
import type { User } from "@dangbo/db";
import { Role } from "@dangbo/shared";
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import { Access } from "../../graphql/access.ts";
import type { Context } from "../../graphql/context.ts";
import { parseId } from "../../graphql/ids.ts";
import { OrgUnitType } from "../committee/committee.type.ts";
import { withAsOf, type UnitRecord } from "../committee/committee.service.ts";
import { CreateUserInput, ResetPasswordArgs, UpdateUserInput, UsersArgs } from "./user.input.ts";
import { createUser, getUser, listUsers, resetPassword, updateUser } from "./user.service.ts";
import { UserConnection, UserType } from "./user.type.ts";

const ADMIN_ONLY = [Role.ADMIN] as const;

@Resolver(() => UserType)
export class UserResolver {
  @Access(ADMIN_ONLY)
  @Query(() => UserConnection, { description: "Accounts bound to units in your subtree." })
  users(@Args(() => UsersArgs) args: UsersArgs, @Ctx() ctx: Context) {
    return listUsers(ctx, args);
  }

  @Access(ADMIN_ONLY)
  @Query(() => UserType)
  user(@Arg("id", () => ID) id: string, @Ctx() ctx: Context): Promise<User> {
    return getUser(ctx, parseId(id));
  }

  @Access(ADMIN_ONLY)
  @Mutation(() => UserType, { description: "Creates an account bound to a unit of your subtree." })
  createUser(
    @Arg("input", () => CreateUserInput) input: CreateUserInput,
    @Ctx() ctx: Context,
  ): Promise<User> {
    return createUser(ctx, {
      ...input,
      unitId: parseId(input.unitId, "unitId"),
      pii: input.pii ?? false,
    });
  }

  @Access(ADMIN_ONLY)
  @Mutation(() => UserType, {
    description:
      "Changes an account's name, role, unit, pii grant, or disables it (its sessions end).",
  })
  updateUser(
    @Arg("id", () => ID) id: string,
    @Arg("input", () => UpdateUserInput) input: UpdateUserInput,
    @Ctx() ctx: Context,
  ): Promise<User> {
    return updateUser(ctx, parseId(id), {
      ...input,
      unitId:
        input.unitId === undefined || input.unitId === null
          ? undefined
          : parseId(input.unitId, "unitId"),
    });
  }

  @Access(ADMIN_ONLY)
  @Mutation(() => Boolean, { description: "Sets a new password for an account; its sessions end." })
  resetPassword(
    @Args(() => ResetPasswordArgs) args: ResetPasswordArgs,
    @Ctx() ctx: Context,
  ): Promise<boolean> {
    return resetPassword(ctx, parseId(args.id), args.newPassword);
  }

  @FieldResolver(() => OrgUnitType)
  async unit(@Root() user: User, @Ctx() ctx: Context): Promise<UnitRecord> {
    const unit = await ctx.loaders.committee.unitById.load(user.unitId);
    return withAsOf(unit!, ctx.today);
  }
}
