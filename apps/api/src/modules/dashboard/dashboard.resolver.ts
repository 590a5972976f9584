import "reflect-metadata";
import { Args, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { OrgUnitType } from "../committee/committee.type.ts";
import { withAsOf, type UnitRecord } from "../committee/committee.service.ts";
import { Access, READERS } from "../../graphql/access.ts";
import type { Context } from "../../graphql/context.ts";
import { badInput } from "../../graphql/errors.ts";
import { parseId } from "../../graphql/ids.ts";
import { CompositionArgs, DashboardArgs, TrendArgs } from "./dashboard.input.ts";
import { dashboardPeriod, type DashboardPeriod } from "./dashboard.period.ts";
import {
  admissionComposition,
  admissionFunnel,
  admissionProgress,
  admissionTrend,
  dashboardSummary,
  keptFigures,
} from "./dashboard.service.ts";
import {
  AdmissionProgress,
  CompositionSlice,
  DashboardSummary,
  FunnelStage,
  KeptFigures,
  TrendPoint,
} from "./dashboard.type.ts";

/**
 * A panel's figures for the unit and period of `args`, kept in the figure cache (per panel, unit,
 * period, `more`, viewer's scope and day) until a write changes a table they read. Reads of a
 * replica are not kept: it may not yet have applied a change when its notification arrives.
 */
function panelFigures<T>(
  panel: string,
  args: DashboardArgs,
  ctx: Context,
  compute: (unitId: number, p: DashboardPeriod) => Promise<T>,
  ...more: unknown[]
): Promise<T> {
  const unitId = parseId(args.unitId, "unitId");
  const p = dashboardPeriod(args.year, args.quarter, args.asOf ?? ctx.today);
  return cachedFigure(ctx, [panel, unitId, p.year, p.quarter, p.asOf, ...more], () =>
    compute(unitId, p),
  );
}

function cachedFigure<T>(
  ctx: Context,
  key: readonly unknown[],
  compute: () => Promise<T>,
): Promise<T> {
  if (ctx.prisma !== ctx.primary) return compute();
  return ctx.services.figures.get(
    JSON.stringify([ctx.viewer?.unitId ?? null, ctx.today, ...key]),
    compute,
  ) as Promise<T>;
}

@Resolver()
export class DashboardResolver {
  @Access(READERS)
  @Query(() => AdmissionProgress, {
    description:
      "Admissions against targets for a unit and each direct subordinate, in a year or quarter, on the tree of the period (a later reorganisation does not change a past year). Sums agree: unit.admitted = Σ rows.admitted + directAdmitted. One SQL aggregate over the effective-dated closure.",
  })
  admissionProgress(
    @Args(() => DashboardArgs) args: DashboardArgs,
    @Ctx() ctx: Context,
  ): Promise<AdmissionProgress> {
    return panelFigures("progress", args, ctx, (unitId, p) => admissionProgress(ctx, unitId, p));
  }

  @Access(READERS)
  @Query(() => DashboardSummary, {
    description: "Headline figures (KPI tiles) for a unit's subtree and period.",
  })
  dashboardSummary(
    @Args(() => DashboardArgs) args: DashboardArgs,
    @Ctx() ctx: Context,
  ): Promise<DashboardSummary> {
    return panelFigures("summary", args, ctx, (unitId, p) => dashboardSummary(ctx, unitId, p));
  }

  @Access(READERS)
  @Query(() => [TrendPoint], {
    description: "Admitted and target per year, each year on its own tree.",
  })
  admissionTrend(
    @Args(() => TrendArgs) args: TrendArgs,
    @Ctx() ctx: Context,
  ): Promise<TrendPoint[]> {
    const toYear = args.toYear ?? Number(ctx.today.slice(0, 4));
    const fromYear = args.fromYear ?? 2020;
    if (fromYear > toYear) throw badInput("fromYear", "fromYear must not be after toYear");
    if (toYear - fromYear > 50) throw badInput("fromYear", "at most 50 years at once");
    const unitId = parseId(args.unitId, "unitId");
    const asOf = args.asOf ?? ctx.today;
    return cachedFigure(ctx, ["trend", unitId, fromYear, toYear, asOf], () =>
      admissionTrend(ctx, unitId, fromYear, toYear, asOf),
    );
  }

  @Access(READERS)
  @Query(() => [CompositionSlice], {
    description:
      "New members of the period grouped by sector, gender, age band, ethnicity or occupation.",
  })
  admissionComposition(
    @Args(() => CompositionArgs) args: CompositionArgs,
    @Ctx() ctx: Context,
  ): Promise<CompositionSlice[]> {
    return panelFigures(
      "composition",
      args,
      ctx,
      (unitId, p) => admissionComposition(ctx, unitId, p, args.by),
      args.by,
    );
  }

  @Access(READERS)
  @Query(() => [FunnelStage], {
    description:
      "The development pipeline in the period: people who attended an awareness class, were verified, proposed, admitted, recognised official — with the conversion between stages.",
  })
  admissionFunnel(
    @Args(() => DashboardArgs) args: DashboardArgs,
    @Ctx() ctx: Context,
  ): Promise<FunnelStage[]> {
    return panelFigures("funnel", args, ctx, (unitId, p) => admissionFunnel(ctx, unitId, p));
  }

  @Access(READERS)
  @Query(() => [KeptFigures], {
    description:
      "The kept (precomputed) figures behind the dashboard: how each set is kept up to date, whether it is fresh now, and when it was last recomputed. The dashboard never serves a stale figure: while a set is not fresh, its panels count live (exact, slower).",
  })
  keptFigures(@Ctx() ctx: Context): Promise<KeptFigures[]> {
    return keptFigures(ctx);
  }
}

@Resolver(() => AdmissionProgress)
export class AdmissionProgressResolver {
  @FieldResolver(() => OrgUnitType, {
    description:
      "The unit as of the period's tree date (its `ancestors` give the breadcrumb of that tree).",
  })
  async orgUnit(@Root() progress: AdmissionProgress, @Ctx() ctx: Context): Promise<UnitRecord> {
    const unit = await ctx.loaders.committee.unitById.load(progress.unit.unitId);
    return withAsOf(unit!, progress.period.treeDate);
  }
}
