import { Prisma, type GoodModel } from "@dangbo/db";
import {
  dateFromIso,
  foldVietnamese,
  isoFromDate,
  periodProblem,
  type IsoDate,
  type Sector,
} from "@dangbo/shared";
import type { Context } from "../../graphql/context.ts";
import { badInput, forbidden } from "../../graphql/errors.ts";
import { parseId } from "../../graphql/ids.ts";
import { paginate, pageRequest, type PageArgs } from "../../graphql/pagination.ts";
import { mutate } from "../audit/audit.service.ts";
import { and } from "../committee/committee.access.ts";
import { assertUnitVisible } from "../committee/committee.service.ts";
import { everInSubtree, goodModelScope } from "./emulation.access.ts";
import { optionalText, requiredText, updatedText, writableUnit } from "./emulation.common.ts";
import { foldSql } from "./emulation.sql.ts";
import type { RecordGoodModelInput, UpdateGoodModelInput } from "./good-model.input.ts";

const MODEL_ORDER = [{ startsOn: "desc" as const }, { id: "desc" as const }];

export interface ListGoodModelsArgs extends PageArgs {
  unitId: number | null;
  includeSubtree: boolean;
  sector?: Sector | null;
  search?: string | null;
  active?: boolean | null;
  asOf: IsoDate;
}

/**
 * Good models the caller may see, newest first. The title search folds diacritics in SQL (the
 * table keeps no folded copy), restricted to the caller's subtree; the page itself is an
 * ordinary scoped Prisma query over the matching ids.
 */
export async function listGoodModels(ctx: Context, args: ListGoodModelsArgs) {
  const page = pageRequest(args);
  if (args.unitId !== null) await assertUnitVisible(ctx, args.unitId);
  const folded = args.search ? foldVietnamese(args.search) : "";
  let matching: number[] | null = null;
  if (folded) {
    const rows = await ctx.prisma.$queryRaw<{ id: number }[]>`
      SELECT g.id FROM good_model g
      WHERE strpos(${foldSql(Prisma.sql`g.title`)}, ${folded}) > 0
        AND EXISTS (SELECT 1 FROM org_unit_closure s WHERE s.descendant_id = g.unit_id AND s.ancestor_id = ${ctx.viewer?.unitId ?? -1})`;
    matching = rows.map((r) => r.id);
  }
  const asOf = dateFromIso(args.asOf);
  const running: Prisma.GoodModelWhereInput = {
    startsOn: { lte: asOf },
    OR: [{ endsOn: null }, { endsOn: { gte: asOf } }],
  };
  const where = and<Prisma.GoodModelWhereInput>(
    goodModelScope(ctx),
    args.unitId !== null &&
      (args.includeSubtree ? { unit: everInSubtree(args.unitId) } : { unitId: args.unitId }),
    args.sector && { unit: { sector: args.sector } },
    matching && { id: { in: matching } },
    args.active === true && running,
    args.active === false && { NOT: running },
  );
  return paginate(
    page,
    (p) => ctx.prisma.goodModel.findMany({ where, orderBy: MODEL_ORDER, ...p }),
    () => ctx.prisma.goodModel.count({ where }),
  );
}

function checkPeriod(startsOn: IsoDate, endsOn: IsoDate | null) {
  if (periodProblem({ startsOn, endsOn }))
    throw badInput("endsOn", "endsOn must not be before startsOn");
}

export async function recordGoodModel(
  ctx: Context,
  input: RecordGoodModelInput,
): Promise<GoodModel> {
  const unitId = parseId(input.unitId, "unitId");
  const title = requiredText("title", input.title);
  checkPeriod(input.startsOn, input.endsOn ?? null);
  return mutate(ctx, async (tx, audit) => {
    await writableUnit(
      ctx,
      tx,
      unitId,
      "You may record good models only for units in your subtree",
    );
    const model = await tx.goodModel.create({
      data: {
        unitId,
        title,
        description: optionalText(input.description),
        startsOn: dateFromIso(input.startsOn),
        endsOn: input.endsOn ? dateFromIso(input.endsOn) : null,
        results: optionalText(input.results),
      },
    });
    audit({
      operation: "recordGoodModel",
      entity: "GoodModel",
      entityId: model.id,
      unitId,
      after: model,
    });
    return model;
  });
}

export async function updateGoodModel(
  ctx: Context,
  id: number,
  input: UpdateGoodModelInput,
): Promise<GoodModel> {
  return mutate(ctx, async (tx, audit) => {
    const current = await tx.goodModel.findFirst({
      where: and<Prisma.GoodModelWhereInput>({ id }, goodModelScope(ctx)),
    });
    if (!current) throw forbidden("You may change only good models of your subtree");
    const startsOn = input.startsOn ?? isoFromDate(current.startsOn);
    const endsOn =
      input.endsOn === undefined ? current.endsOn && isoFromDate(current.endsOn) : input.endsOn;
    checkPeriod(startsOn, endsOn);
    const updated = await tx.goodModel.update({
      where: { id },
      data: {
        title: input.title === undefined ? undefined : requiredText("title", input.title),
        description: updatedText(input.description, current.description),
        startsOn: dateFromIso(startsOn),
        endsOn: endsOn ? dateFromIso(endsOn) : null,
        results: updatedText(input.results, current.results),
      },
    });
    audit({
      operation: "updateGoodModel",
      entity: "GoodModel",
      entityId: id,
      unitId: current.unitId,
      before: current,
      after: updated,
    });
    return updated;
  });
}
