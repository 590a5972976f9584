import "reflect-metadata";
import { Role } from "@dangbo/shared";
import { Args, Ctx, Mutation, Query, Resolver } from "type-graphql";
import { Access, READERS } from "../../graphql/access.ts";
import type { Context } from "../../graphql/context.ts";
import { parseId } from "../../graphql/ids.ts";
import { SetTargetsArgs, TargetsArgs } from "./target.input.ts";
import { admissionTargets, setAdmissionTargets } from "./target.service.ts";
import { AdmissionTargets, TargetRow } from "./target.type.ts";

@Resolver()
export class TargetResolver {
  @Access(READERS)
  @Query(() => AdmissionTargets, {
    description:
      "A unit's admission target for a year and those of its direct subordinates, with their difference.",
  })
  admissionTargets(
    @Args(() => TargetsArgs) args: TargetsArgs,
    @Ctx() ctx: Context,
  ): Promise<AdmissionTargets> {
    return admissionTargets(ctx, parseId(args.unitId, "unitId"), args.year);
  }

  @Access([Role.ADMIN, Role.LEADER, Role.STAFF])
  @Mutation(() => [TargetRow], {
    description:
      "Sets admission targets for a year, for units below your own (admins: also their own unit). All or nothing; every change is in the audit log (entity AdmissionTarget, entityId '<unitId>:<year>').",
  })
  setAdmissionTargets(
    @Args(() => SetTargetsArgs) args: SetTargetsArgs,
    @Ctx() ctx: Context,
  ): Promise<TargetRow[]> {
    return setAdmissionTargets(
      ctx,
      args.year,
      args.targets.map((t, i) => ({
        unitId: parseId(t.unitId, `targets.${i}.unitId`),
        target: t.target,
      })),
    );
  }
}
