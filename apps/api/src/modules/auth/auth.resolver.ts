import "reflect-metadata";
import { Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from "type-graphql";
import { Access, ANY_ROLE } from "../../graphql/access.ts";
import type { Context, Viewer } from "../../graphql/context.ts";
import { OrgUnitType } from "../committee/committee.type.ts";
import { withAsOf, type UnitRecord } from "../committee/committee.service.ts";
import { ChangePasswordArgs, SignInArgs } from "./auth.input.ts";
import { changePassword, signIn, signOut } from "./auth.service.ts";
import { ViewerType } from "./auth.type.ts";

@Resolver(() => ViewerType)
export class AuthResolver {
  @Access("public")
  @Query(() => ViewerType, { nullable: true, description: "The signed-in user, or null." })
  viewer(@Ctx() ctx: Context): Viewer | null {
    return ctx.viewer;
  }

  @Access("public")
  @Mutation(() => ViewerType, {
    description:
      "Signs in and sets the session cookie (httpOnly, SameSite=Strict). Wrong credentials: UNAUTHENTICATED; too many failures for the account or address: RATE_LIMITED with extensions.retryAfterSeconds.",
  })
  signIn(@Args(() => SignInArgs) args: SignInArgs, @Ctx() ctx: Context): Promise<Viewer> {
    return signIn(ctx, args.username, args.password);
  }

  @Access("public")
  @Mutation(() => Boolean, { description: "Ends the session and clears the cookie." })
  signOut(@Ctx() ctx: Context): Promise<boolean> {
    return signOut(ctx);
  }

  @Access(ANY_ROLE)
  @Mutation(() => Boolean, { description: "Changes your password; your other sessions end." })
  changePassword(
    @Args(() => ChangePasswordArgs) args: ChangePasswordArgs,
    @Ctx() ctx: Context,
  ): Promise<boolean> {
    return changePassword(ctx, args.currentPassword, args.newPassword);
  }

  @FieldResolver(() => OrgUnitType, {
    description: "The unit your role applies to (with everything below it).",
  })
  async unit(@Root() viewer: Viewer, @Ctx() ctx: Context): Promise<UnitRecord> {
    const unit = await ctx.loaders.committee.unitById.load(viewer.unitId);
    return withAsOf(unit!, ctx.today);
  }
}
